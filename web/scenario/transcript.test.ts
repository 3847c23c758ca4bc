/** Runnable transcripts: a docs page's redis-cli session replays, and every reply that differs is flagged. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatReply } from '../../engine/index.ts';
import { replay } from './replay.ts';
import { restore } from './restore.ts';
import { compareTranscript, parseTranscript, stripComment } from './transcript.ts';

const page = readFileSync(new URL('./fixtures/xack-page-transcript.txt', import.meta.url), 'utf8');

function run(text: string) {
  const r = restore({ from: 'paste', text });
  if (!r.ok || !r.value.transcript) throw new Error(r.ok ? 'not a transcript' : r.error);
  const t = r.value.transcript;
  const actual = replay(t.scenario).replies.map((x) => (x ? formatReply(x) : ''));
  return compareTranscript(t, actual);
}

describe('runnable transcripts', () => {
  it('turn the prompts into commands and start the clock at the first printed ID, 1 ms per command', () => {
    const t = parseTranscript(page);
    if (!t.ok) throw new Error(t.error);
    expect(t.value.scenario.steps).toHaveLength(8);
    expect(t.value.scenario.clock).toEqual({ start: 1_609_097_574_170, mode: 'virtual', stepPerCommand: 1 });
    expect(t.value.scenario.view?.prompt).toBe('dragonfly');
    expect(t.value.expected[7]).toBe('(integer) 0');
  });

  it('show that the XACK page’s XREADGROUP really gives (nil) and its XACKs give 0', () => {
    const c = run(page);
    expect(c[0]).toMatchObject({ same: true, actual: '"1609097574170-0"' });
    expect(c[1].same).toBe(true);
    expect(c[2]).toMatchObject({ command: 'XREADGROUP GROUP mygroup Alice COUNT 1 STREAMS mystream >', same: false, actual: '(nil)' });
    expect(c[3]).toMatchObject({ expected: '(integer) 1', actual: '(integer) 0', same: false });
    expect(c[6]).toMatchObject({ expected: '(integer) 2', actual: '(integer) 0', same: false });
    expect(c[7]).toMatchObject({ expected: '(integer) 0', actual: '(integer) 0', same: true });
  });

  it('accept the other prompts docs use', () => {
    const c = run('redis> SET a 1\nOK\n127.0.0.1:6379> GET a\n"1"\n127.0.0.1:6379[1]> GET a\n"2"');
    expect(c.map((x) => x.same)).toEqual([true, true, false]);
  });

  it('keep a # inside quotes, drop a trailing docs comment', () => {
    expect(stripComment('(integer) 0  # none')).toBe('(integer) 0');
    expect(stripComment('"a # b"')).toBe('"a # b"');
  });

  it('say what to paste when there is no prompt', () => {
    const r = restore({ from: 'paste', text: 'hello world' });
    expect(r.ok ? '' : r.error).toMatch(/expected scenario JSON, a share link, or a transcript/);
  });
});
