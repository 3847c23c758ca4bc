import { describe, expect, it } from 'vitest';
import { drawLine, textWidth } from './render.ts';

describe('drawLine', () => {
  it('draws prompt, text and a grey hint, then puts the cursor back after the text', () => {
    const d = drawLine({ prompt: '> ', text: 'XACK ', cursor: 5, hint: 'key group' }, 80, 0);
    expect(d.out).toBe('\r\x1b[J> XACK \x1b[90mkey group\x1b[0m\r\x1b[7C');
    expect(d.cursorRow).toBe(0);
  });

  it('tracks rows when the line wraps, and moves up from the cursor row before redrawing', () => {
    const d = drawLine({ prompt: '> ', text: 'x'.repeat(20), cursor: 3, hint: '' }, 10, 2);
    expect(d.out.startsWith('\x1b[2A\r\x1b[J')).toBe(true);
    expect(d.out.endsWith('\x1b[2A\r\x1b[5C')).toBe(true);
    expect(d.cursorRow).toBe(0);
  });

  it('counts wide characters as two columns', () => {
    expect(textWidth('a中😀')).toBe(5);
  });
});
