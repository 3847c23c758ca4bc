import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';

const at = (text: string, cursor = text.length) => {
  const e = new LineEditor();
  e.set(text, cursor);
  return e;
};

describe('LineEditor', () => {
  it('inserts at the cursor and deletes around it', () => {
    const e = at('XADD s', 4);
    e.insert('X');
    expect([e.text, e.cursor]).toEqual(['XADDX s', 5]);
    e.backspace();
    e.deleteForward();
    expect([e.text, e.cursor]).toEqual(['XADDs', 4]);
  });

  it('moves by words like Alt-B and Alt-F', () => {
    const e = at('XACK mystream  grp');
    e.wordLeft();
    expect(e.cursor).toBe(15);
    e.wordLeft();
    expect(e.cursor).toBe(5);
    e.wordRight();
    expect(e.cursor).toBe(13);
  });

  it('kills the line, to the end, and the previous word (Ctrl-U, Ctrl-K, Ctrl-W)', () => {
    const e = at('XACK s g 1-1', 8);
    e.killToEnd();
    expect(e.text).toBe('XACK s g');
    e.killWordBack();
    expect([e.text, e.cursor]).toEqual(['XACK s ', 7]);
    e.killLine();
    expect([e.text, e.cursor]).toEqual(['', 0]);
  });

  it('never splits a surrogate pair', () => {
    const e = at('a😀');
    e.left();
    expect(e.cursor).toBe(1);
    e.right();
    e.backspace();
    expect(e.text).toBe('a');
  });
});
