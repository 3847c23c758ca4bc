import { describe, expect, it } from 'vitest';
import { History, type HistoryStore } from './history.ts';
import { LineInput } from './input.ts';
import { parseKeys } from './keys.ts';

const memory = (lines: string[] = []): HistoryStore => ({ load: () => [...lines], save: () => {} });

function input(history: string[] = [], candidates: string[] = []) {
  const li = new LineInput(new History(memory(history)), (line) => ({ start: line.lastIndexOf(' ') + 1, candidates }), () => '');
  const type = (data: string) => parseKeys(data).map((k) => li.press(k));
  return { li, type };
}

describe('LineInput', () => {
  it('browses history with up and down, keeping the draft', () => {
    const { li, type } = input(['XLEN a', 'XLEN b']);
    type('draft');
    type('\x1b[A\x1b[A');
    expect(li.editor.text).toBe('XLEN a');
    type('\x1b[B\x1b[B');
    expect(li.editor.text).toBe('draft');
  });

  it('finds older lines with Ctrl-R and runs the match on Enter', () => {
    const { li, type } = input(['XADD s * a 1', 'XLEN s', 'XADD s * b 2']);
    type('\x12XADD');
    expect(li.view('> ').text).toBe('XADD s * b 2');
    type('\x12');
    expect(li.view('> ').text).toBe('XADD s * a 1');
    expect(type('\r').pop()).toEqual({ do: 'submit', line: 'XADD s * a 1' });
  });

  it('cycles completions on Tab and Esc restores the typed word', () => {
    const { li, type } = input([], ['CREATE', 'CREATECONSUMER']);
    type('XGROUP cr\t');
    expect(li.editor.text).toBe('XGROUP CREATE');
    type('\t');
    expect(li.editor.text).toBe('XGROUP CREATECONSUMER');
    type('\x1b');
    expect(li.editor.text).toBe('XGROUP cr');
  });

  it('accepts a single completion with a trailing space', () => {
    const { li, type } = input([], ['mystream']);
    type('XLEN my\t');
    expect(li.editor.text).toBe('XLEN mystream ');
  });
});
