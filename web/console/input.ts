/**
 * Keys to line-editing behaviour, the way redis-cli's linenoise reacts: editing keys, history browsing, Tab cycling
 * through completions (any other key accepts the shown one, Esc restores), and Ctrl-R reverse search. Pure: the
 * session asks for `view()` to draw, and acts on the returned outcome.
 */
import type { Completion } from './complete.ts';
import type { History } from './history.ts';
import type { Key } from './keys.ts';
import { LineEditor } from './line-editor.ts';
import type { LineView } from './render.ts';

export type Outcome =
  | { readonly do: 'redraw' }
  | { readonly do: 'submit'; readonly line: string }
  | { readonly do: 'interrupt' }
  | { readonly do: 'clear-screen' }
  | { readonly do: 'bell' }
  | { readonly do: 'none' };

interface Cycle {
  readonly original: { text: string; cursor: number };
  readonly completion: Completion;
  /** Shown candidate; candidates.length = the original line. */
  index: number;
}

interface Search {
  query: string;
  /** History index of the shown match, or -1. */
  match: number;
  readonly original: { text: string; cursor: number };
}

export class LineInput {
  readonly editor = new LineEditor();
  private cycle: Cycle | null = null;
  private search: Search | null = null;

  constructor(
    private readonly history: History,
    private readonly completer: (line: string, cursor: number) => Completion,
    private readonly hinter: (line: string) => string,
  ) {}

  get searching(): boolean {
    return this.search !== null;
  }

  /** What to draw: the prompt and line, or the reverse-search line. */
  view(prompt: string): LineView {
    const s = this.search;
    if (s) {
      const shown = s.match >= 0 ? this.history.entries[s.match] : '';
      const label = s.match < 0 && s.query ? 'failed reverse-i-search' : 'reverse-i-search';
      return { prompt: `(${label})\`${s.query}': `, text: shown, cursor: shown.length, hint: '' };
    }
    const e = this.editor;
    return { prompt, text: e.text, cursor: e.cursor, hint: this.cycle ? '' : this.hinter(e.text) };
  }

  reset(): void {
    this.editor.set('');
    this.cycle = null;
    this.search = null;
    this.history.resetBrowsing();
  }

  press(key: Key): Outcome {
    if (this.search) return this.searchKey(key);
    if (this.cycle) {
      if (key.k === 'tab') return this.nextCandidate();
      if (key.k === 'escape') {
        this.editor.set(this.cycle.original.text, this.cycle.original.cursor);
        this.cycle = null;
        return { do: 'redraw' };
      }
      this.cycle = null; // any other key accepts the shown candidate, then acts
    }
    return this.edit(key);
  }

  private edit(key: Key): Outcome {
    const e = this.editor;
    switch (key.k) {
      case 'text':
        e.insert(key.s);
        break;
      case 'enter': {
        const line = e.text;
        this.history.add(line);
        return { do: 'submit', line };
      }
      case 'backspace':
        e.backspace();
        break;
      case 'delete':
        e.deleteForward();
        break;
      case 'eof':
        if (e.text === '') return { do: 'bell' };
        e.deleteForward();
        break;
      case 'left':
        e.left();
        break;
      case 'right':
        e.right();
        break;
      case 'home':
        e.home();
        break;
      case 'end':
        e.end();
        break;
      case 'word-left':
        e.wordLeft();
        break;
      case 'word-right':
        e.wordRight();
        break;
      case 'kill-line':
        e.killLine();
        break;
      case 'kill-end':
        e.killToEnd();
        break;
      case 'kill-word':
        e.killWordBack();
        break;
      case 'transpose':
        e.transpose();
        break;
      case 'up': {
        const prev = this.history.prev(e.text);
        if (prev === undefined) return { do: 'bell' };
        e.set(prev);
        break;
      }
      case 'down': {
        const next = this.history.next();
        if (next === undefined) return { do: 'bell' };
        e.set(next);
        break;
      }
      case 'tab':
        return this.startCycle();
      case 'reverse-search':
        this.search = { query: '', match: -1, original: { text: e.text, cursor: e.cursor } };
        break;
      case 'interrupt':
        return { do: 'interrupt' };
      case 'clear-screen':
        return { do: 'clear-screen' };
      case 'escape':
      case 'cancel':
        return { do: 'none' };
    }
    return { do: 'redraw' };
  }

  private startCycle(): Outcome {
    const e = this.editor;
    const completion = this.completer(e.text, e.cursor);
    if (completion.candidates.length === 0) return { do: 'bell' };
    this.cycle = { original: { text: e.text, cursor: e.cursor }, completion, index: -1 };
    const out = this.nextCandidate();
    // A single candidate is simply accepted (and followed by a space, as a word is complete).
    if (completion.candidates.length === 1) {
      this.cycle = null;
      if (e.text[e.cursor] !== ' ') e.insert(' ');
    }
    return out;
  }

  private nextCandidate(): Outcome {
    const c = this.cycle;
    if (!c) return { do: 'none' };
    const n = c.completion.candidates.length;
    c.index = (c.index + 1) % (n + 1);
    const { text, cursor } = c.original;
    if (c.index === n) {
      this.editor.set(text, cursor);
      return { do: 'bell' };
    }
    const word = c.completion.candidates[c.index];
    const head = text.slice(0, c.completion.start) + word;
    this.editor.set(head + text.slice(cursor), head.length);
    return { do: 'redraw' };
  }

  private searchKey(key: Key): Outcome {
    const s = this.search;
    if (!s) return { do: 'none' };
    const found = (i: number) => (s.match = i);
    switch (key.k) {
      case 'text':
        s.query += key.s;
        found(this.history.search(s.query));
        return { do: 'redraw' };
      case 'backspace':
        s.query = s.query.slice(0, -1);
        found(this.history.search(s.query));
        return { do: 'redraw' };
      case 'reverse-search': {
        const older = this.history.search(s.query, s.match >= 0 ? s.match : undefined);
        if (older < 0) return { do: 'bell' };
        found(older);
        return { do: 'redraw' };
      }
      case 'escape':
      case 'cancel':
      case 'interrupt':
        this.editor.set(s.original.text, s.original.cursor);
        this.search = null;
        return { do: 'redraw' };
      default: {
        // Accept the match into the line, then let the key act (Enter runs it, arrows edit it).
        const shown = s.match >= 0 ? this.history.entries[s.match] : s.original.text;
        this.search = null;
        this.editor.set(shown);
        return this.edit(key);
      }
    }
  }
}
