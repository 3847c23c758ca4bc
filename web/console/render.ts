/**
 * Redrawing the edited line, linenoise's multi-line mode: the prompt, the text and a grey hint may wrap over several
 * terminal rows, so every redraw moves back to the line's first row, clears to the end of the screen, writes
 * everything again and puts the cursor back where it belongs.
 */

/** Terminal columns a character occupies: 2 for East Asian wide and emoji, 0 for combining marks. */
export function charWidth(cp: number): number {
  if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0) ?? 0);
  return w;
}

export interface LineView {
  readonly prompt: string;
  readonly text: string;
  readonly cursor: number;
  /** Grey text shown after the whole line (redis-cli hints). */
  readonly hint: string;
}

export interface Drawn {
  /** What to write to the terminal. */
  readonly out: string;
  /** The cursor's row, counted from the line's first row, after the write. */
  readonly cursorRow: number;
}

const GREY = '\x1b[90m';
const RESET = '\x1b[0m';

/** The escape sequence that redraws `view` when the cursor is now on row `cursorRow` of the previous drawing. */
export function drawLine(view: LineView, cols: number, cursorRow: number): Drawn {
  const width = Math.max(1, cols);
  let out = (cursorRow > 0 ? `\x1b[${cursorRow}A` : '') + '\r\x1b[J' + view.prompt + view.text;
  if (view.hint) out += GREY + view.hint + RESET;
  const total = textWidth(view.prompt) + textWidth(view.text) + textWidth(view.hint);
  // At an exact multiple of the width the terminal holds a pending wrap; make it real so rows add up.
  if (total > 0 && total % width === 0) out += '\r\n';
  const endRow = Math.floor(total / width);
  const at = textWidth(view.prompt) + textWidth(view.text.slice(0, view.cursor));
  const row = Math.floor(at / width);
  const col = at % width;
  if (endRow > row) out += `\x1b[${endRow - row}A`;
  out += '\r' + (col > 0 ? `\x1b[${col}C` : '');
  return { out, cursorRow: row };
}
