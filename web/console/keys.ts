/**
 * Terminal input (what xterm's onData delivers: characters and escape sequences) split into keys. A paste arrives
 * as one string; its line breaks become Enter keys so pasted lines run in order.
 */

export type Key = { readonly k: 'text'; readonly s: string } | { readonly k: KeyName };

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'kill-line'
  | 'kill-end'
  | 'kill-word'
  | 'tab'
  | 'reverse-search'
  | 'interrupt'
  | 'eof'
  | 'clear-screen'
  | 'transpose'
  | 'escape'
  | 'cancel';

const SEQUENCES: Readonly<Record<string, KeyName>> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[4~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;3D': 'word-left',
  '\x1bb': 'word-left',
  '\x1bf': 'word-right',
  '\x1bB': 'word-left',
  '\x1bF': 'word-right',
  '\x1b\x7f': 'kill-word',
};

const CONTROL: Readonly<Record<string, KeyName>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\x08': 'backspace',
  '\x01': 'home',
  '\x05': 'end',
  '\x02': 'left',
  '\x06': 'right',
  '\x10': 'up',
  '\x0e': 'down',
  '\x15': 'kill-line',
  '\x0b': 'kill-end',
  '\x17': 'kill-word',
  '\x09': 'tab',
  '\x12': 'reverse-search',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x0c': 'clear-screen',
  '\x14': 'transpose',
  '\x07': 'cancel',
};

/** Split terminal input into keys; runs of printable characters become one `text` key. */
export function parseKeys(data: string): Key[] {
  const out: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ k: 'text', s: text });
    text = '';
  };
  const s = data.replace(/\r\n/g, '\r');
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\x1b') {
      flush();
      const seq = matchSequence(s, i);
      if (seq) {
        const k = SEQUENCES[seq];
        if (k) out.push({ k });
        i += seq.length;
      } else {
        out.push({ k: 'escape' });
        i++;
      }
      continue;
    }
    const ctl = CONTROL[c];
    if (ctl) {
      flush();
      out.push({ k: ctl });
    } else if (c >= ' ' || c === '\t') {
      text += c;
    }
    i++;
  }
  flush();
  return out;
}

/** The escape sequence starting at i: CSI (`ESC [ params final`), SS3 (`ESC O x`) or Alt+key (`ESC x`). */
function matchSequence(s: string, i: number): string | undefined {
  const next = s[i + 1];
  if (next === undefined) return undefined;
  if (next === '[') {
    let j = i + 2;
    while (j < s.length && /[0-9;?]/.test(s[j])) j++;
    return j < s.length ? s.slice(i, j + 1) : undefined;
  }
  if (next === 'O') return i + 2 < s.length ? s.slice(i, i + 3) : undefined;
  return s.slice(i, i + 2);
}
