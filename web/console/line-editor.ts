/**
 * The edited line, as linenoise keeps it: text plus a cursor, and the editing operations redis-cli's keys map to.
 * Pure and DOM-free; cursor positions are UTF-16 indexes that never split a surrogate pair.
 */

const isWordChar = (c: string): boolean => c !== ' ' && c !== '\t';

export class LineEditor {
  text = '';
  cursor = 0;

  set(text: string, cursor = text.length): void {
    this.text = text;
    this.cursor = Math.max(0, Math.min(cursor, text.length));
  }

  insert(s: string): void {
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  /** Backspace: delete the character before the cursor. */
  backspace(): void {
    if (this.cursor === 0) return;
    const from = this.prevIndex(this.cursor);
    this.text = this.text.slice(0, from) + this.text.slice(this.cursor);
    this.cursor = from;
  }

  /** Delete (and Ctrl-D on a non-empty line): the character under the cursor. */
  deleteForward(): void {
    if (this.cursor >= this.text.length) return;
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.nextIndex(this.cursor));
  }

  left(): void {
    this.cursor = this.prevIndex(this.cursor);
  }
  right(): void {
    this.cursor = this.nextIndex(this.cursor);
  }
  home(): void {
    this.cursor = 0;
  }
  end(): void {
    this.cursor = this.text.length;
  }

  /** Alt-B: to the start of the previous word. */
  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.text[i - 1])) i--;
    while (i > 0 && isWordChar(this.text[i - 1])) i--;
    this.cursor = i;
  }

  /** Alt-F: to the end of the next word. */
  wordRight(): void {
    let i = this.cursor;
    const n = this.text.length;
    while (i < n && !isWordChar(this.text[i])) i++;
    while (i < n && isWordChar(this.text[i])) i++;
    this.cursor = i;
  }

  /** Ctrl-U: delete the whole line (linenoise semantics). */
  killLine(): void {
    this.set('', 0);
  }

  /** Ctrl-K: delete from the cursor to the end. */
  killToEnd(): void {
    this.text = this.text.slice(0, this.cursor);
  }

  /** Ctrl-W: delete the word before the cursor (and the blanks after it). */
  killWordBack(): void {
    const end = this.cursor;
    let i = end;
    while (i > 0 && this.text[i - 1] === ' ') i--;
    while (i > 0 && this.text[i - 1] !== ' ') i--;
    this.text = this.text.slice(0, i) + this.text.slice(end);
    this.cursor = i;
  }

  /** Ctrl-T: swap the character before the cursor with the one under it. */
  transpose(): void {
    const t = this.text;
    if (this.cursor === 0 || t.length < 2) return;
    const at = this.cursor === t.length ? this.cursor - 1 : this.cursor;
    this.text = t.slice(0, at - 1) + t[at] + t[at - 1] + t.slice(at + 1);
    this.cursor = Math.min(at + 1, this.text.length);
  }

  private prevIndex(i: number): number {
    if (i <= 0) return 0;
    const c = this.text.charCodeAt(i - 1);
    return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  }

  private nextIndex(i: number): number {
    if (i >= this.text.length) return this.text.length;
    const c = this.text.charCodeAt(i);
    return c >= 0xd800 && c <= 0xdbff && i + 1 < this.text.length ? i + 2 : i + 1;
  }
}
