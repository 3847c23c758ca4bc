/** The one gate: links, files, pastes, workspaces and messages all come through restore(), and only valid scenarios get out. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { formatReply } from '../../engine/index.ts';
import { encodeScenario } from './codec.ts';
import { SCENARIO_VERSION, type Scenario } from './format.ts';
import { replay } from './replay.ts';
import { restore } from './restore.ts';

const tenCommands: Scenario = {
  v: SCENARIO_VERSION,
  title: 'Ten commands',
  description: '',
  profile: 'redis-8',
  clock: { start: 1_609_097_574_170, mode: 'virtual', stepPerCommand: 1 },
  clients: ['producer', 'alice', 'bob'],
  steps: [
    { client: 'producer', command: 'XGROUP CREATE orders workers $ MKSTREAM' },
    { client: 'producer', command: 'XADD orders * item apple qty 1' },
    { client: 'producer', command: 'XADD orders * item pear qty 2' },
    { client: 'producer', command: 'XADD orders * item plum qty 3' },
    { client: 'alice', command: 'XREADGROUP GROUP workers alice COUNT 1 STREAMS orders >' },
    { client: 'bob', command: 'XREADGROUP GROUP workers bob COUNT 1 STREAMS orders >' },
    { client: 'alice', command: 'XACK orders workers 1609097574171-0' },
    { advance: 60_000 },
    { client: 'bob', command: 'XPENDING orders workers - + 10' },
    { client: 'bob', command: 'XCLAIM orders workers bob 60000 1609097574172-0' },
    { client: 'bob', command: 'XINFO GROUPS orders' },
  ],
};

const url = (s: Scenario) => `http://127.0.0.1:4173/#${encodeScenario(s)}`;
const error = (r: ReturnType<typeof restore>) => (r.ok ? '' : r.error);

describe('share links', () => {
  it('fit a ten-command session in under 400 characters, whole URL included', () => {
    expect(url(tenCommands).length).toBeLessThan(400);
  });

  it('carry a version prefix and come back identical', () => {
    const hash = encodeScenario(tenCommands);
    expect(hash).toMatch(/^s=1\.[A-Za-z0-9_-]+$/);
    expect(restore({ from: 'url', hash: url(tenCommands) })).toEqual({ ok: true, value: { scenario: tenCommands } });
  });

  it('reproduce the same replies (same IDs) when replayed', () => {
    const back = restore({ from: 'url', hash: `#${encodeScenario(tenCommands)}` });
    if (!back.ok) throw new Error(back.error);
    const a = replay(tenCommands).replies.map((r) => r && formatReply(r));
    expect(replay(back.value.scenario).replies.map((r) => r && formatReply(r))).toEqual(a);
    expect(a[1]).toBe('"1609097574171-0"\n');
  });

  it('explain a damaged, cut or newer link instead of failing silently', () => {
    const hash = encodeScenario(tenCommands);
    expect(error(restore({ from: 'url', hash: `#${hash.slice(0, hash.length - 20)}` }))).toMatch(/^The link could not be opened: This link is damaged/);
    expect(error(restore({ from: 'url', hash: '#s=1.!!!' }))).toMatch(/not valid base64url/);
    expect(error(restore({ from: 'url', hash: '#s=9.abc' }))).toMatch(/newer version/);
    expect(error(restore({ from: 'url', hash: '#s=garbage' }))).toMatch(/damaged \(it should start with #s=1\.\)/);
    expect(error(restore({ from: 'url', hash: '#s=' }))).toMatch(/damaged/);
    expect(error(restore({ from: 'url', hash: '#x=1' }))).toMatch(/carries no scenario/);
  });

  it('refuse a decompression bomb without inflating it (output capped)', () => {
    const bomb = deflateSync(new Uint8Array(10_000_000), { level: 9 });
    let bin = '';
    for (const b of bomb) bin += String.fromCharCode(b);
    const hash = `#s=1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    const t0 = performance.now();
    const r = restore({ from: 'url', hash });
    // A hang detector, not a speed goal; the error text below shows the inflater stopped at its cap.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(error(r)).toMatch(/damaged|expands to more than|too much data/);
  });
});

describe('files, pastes and saved workspaces', () => {
  it('read an exported file back to the same scenario', () => {
    expect(restore({ from: 'file', text: JSON.stringify(tenCommands, null, 2) })).toEqual({ ok: true, value: { scenario: tenCommands } });
  });

  it('migrate a workspace saved by version 1 and replay it', () => {
    const text = readFileSync(new URL('./fixtures/workspace-v1.json', import.meta.url), 'utf8');
    const r = restore({ from: 'workspace', text });
    if (!r.ok) throw new Error(r.error);
    const s = r.value.scenario;
    expect(s.v).toBe(SCENARIO_VERSION);
    expect(s.clock).toEqual({ start: 1_609_097_574_170, mode: 'virtual', stepPerCommand: 1 });
    expect(s.steps[2]).toEqual({ note: 'alice reads the job' });
    expect(s.steps[4]).toEqual({ advance: 1500 });
    const replies = replay(s).replies.map((x) => x && formatReply(x));
    expect(replies[1]).toBe('"1609097574171-0"\n');
    expect(replies[5]).toBe('(integer) 1\n');
  });

  it('accept a pasted share link or scenario JSON', () => {
    expect(restore({ from: 'paste', text: `  ${url(tenCommands)}\n` }).ok).toBe(true);
    expect(restore({ from: 'paste', text: JSON.stringify(tenCommands) }).ok).toBe(true);
  });

  it('name the field that is wrong', () => {
    const bad = { ...tenCommands, steps: [{ client: 'mallory', command: 'PING' }] };
    expect(error(restore({ from: 'file', text: JSON.stringify(bad) }))).toBe('The file could not be opened: steps[0].client "mallory" is not one of the scenario\'s clients');
    expect(error(restore({ from: 'file', text: '{"v": 2' }))).toBe('The file could not be opened: it is not valid JSON');
    expect(error(restore({ from: 'file', text: JSON.stringify({ ...tenCommands, v: 99 }) }))).toMatch(/newer version of the playground/);
    expect(error(restore({ from: 'file', text: JSON.stringify({ ...tenCommands, steps: [{ client: 'alice', command: 'GET "x' }] }) }))).toMatch(/unbalanced quotes/);
    expect(error(restore({ from: 'file', text: JSON.stringify({ ...tenCommands, profile: 'redis-6.2' }) }))).toBe(
      'The file could not be opened: profile "redis-6.2" is not one of redis-8, redis-8.0, redis-7.0',
    );
  });

  it('cap steps, strings and arguments', () => {
    const many = { ...tenCommands, steps: Array.from({ length: 20_001 }, () => ({ advance: 1 })) };
    expect(error(restore({ from: 'file', text: JSON.stringify(many) }))).toMatch(/steps has 20001 items; at most 20000/);
    expect(error(restore({ from: 'file', text: JSON.stringify({ ...tenCommands, title: 'x'.repeat(201) }) }))).toMatch(/title is 201 characters/);
    const argv = { ...tenCommands, steps: [{ client: 'alice', command: 'DEL' + ' k'.repeat(1000) }] };
    expect(error(restore({ from: 'file', text: JSON.stringify(argv) }))).toMatch(/1001 arguments/);
  });
});

describe('embed messages', () => {
  it('take a scenario object or a share link', () => {
    expect(restore({ from: 'message', value: tenCommands }).ok).toBe(true);
    expect(restore({ from: 'message', value: url(tenCommands) }).ok).toBe(true);
    expect(error(restore({ from: 'message', value: 42 }))).toMatch(/should be a JSON object/);
  });

  it('refuse cyclic data', () => {
    const cyc: Record<string, unknown> = { ...tenCommands };
    cyc.self = cyc;
    expect(error(restore({ from: 'message', value: cyc }))).toMatch(/not plain JSON data/);
  });
});
