/**
 * Fuzzing the gates: thousands of random and mutated links, files and embed messages. Every one must end in a
 * valid scenario or a clear error, quickly, and nothing that comes out may carry markup into the page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { parseHostMessage } from '../embed/protocol.ts';
import { encodeScenario } from './codec.ts';
import { GALLERY } from './gallery/index.ts';
import { restore, type Arrival } from './restore.ts';
import { validateScenario } from './validate.ts';
import { randomInts } from '../../engine/testing/prng.ts';

const rnd = randomInts(12345);
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)];
const ALPHABET = 'abcXYZ019-_.=#{}[]":,<>/\\\'&;\u0000\u001b\u00e9\u{1F600} ';
const randomText = (n: number) => Array.from({ length: n }, () => pick([...ALPHABET])).join('');

function mutate(s: string): string {
  const a = [...s];
  const edits = 1 + rnd(4);
  for (let i = 0; i < edits && a.length > 0; i++) {
    const at = rnd(a.length);
    const k = rnd(4);
    if (k === 0) a.splice(at, 1);
    else if (k === 1) a.splice(at, 0, pick([...ALPHABET]));
    else if (k === 2) a[at] = pick([...ALPHABET]);
    else a.length = at;
  }
  return a.join('');
}

const EVIL = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', '{{constructor.constructor("alert(1)")()}}', '__proto__'];
const randomValue = (depth = 0): unknown => {
  switch (rnd(depth > 3 ? 5 : 8)) {
    case 0:
      return rnd(1000) - 500;
    case 1:
      return pick(EVIL);
    case 2:
      return randomText(rnd(20));
    case 3:
      return null;
    case 4:
      return rnd(2) === 0;
    case 5:
      return Array.from({ length: rnd(4) }, () => randomValue(depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rnd(5); i > 0; i--) o[pick(['v', 'type', 'title', 'steps', 'clients', 'clock', 'state', 'command', 'client', 'scenario', 'id', 'to', 'commands', randomText(3)])] = randomValue(depth + 1);
      return o;
    }
  }
};

/** A restored scenario is valid by construction; an error is one plain sentence. */
function check(a: Arrival): void {
  const t0 = performance.now();
  const r = restore(a);
  // A hang detector, not a speed goal: a caught hang would take seconds to minutes.
  expect(performance.now() - t0).toBeLessThan(10_000);
  if (r.ok) {
    expect(validateScenario(r.value.scenario).ok).toBe(true);
  } else {
    expect(typeof r.error).toBe('string');
    expect(r.error.length).toBeLessThan(400);
    expect(r.error).toMatch(/^The (link|file|pasted text|saved workspace|embedding page’s scenario) could not be opened: /);
  }
}

const hashes = GALLERY.map((g) => encodeScenario(g.scenario));
const files = GALLERY.map((g) => JSON.stringify(g.scenario));

describe('fuzzing restore()', () => {
  it('answers 3000 mutated share links with a scenario or a clear error', () => {
    for (let i = 0; i < 3000; i++) check({ from: 'url', hash: `#${mutate(pick(hashes))}` });
  });

  it('answers links whose compressed data is mutated (valid base64, corrupt DEFLATE or JSON)', () => {
    for (let i = 0; i < 1000; i++) {
      const bytes = deflateSync(strToU8(mutate(pick(files))));
      if (rnd(2)) bytes[rnd(bytes.length)] ^= 1 << rnd(8);
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      check({ from: 'url', hash: `#s=1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}` });
    }
  });

  it('answers 3000 mutated files, pastes and workspaces', () => {
    for (let i = 0; i < 3000; i++) check({ from: pick(['file', 'paste', 'workspace'] as const), text: mutate(pick(files)) });
  });

  it('answers 3000 random structures posted by an embedding page', () => {
    for (let i = 0; i < 3000; i++) check({ from: 'message', value: randomValue() });
  });

  it('keeps hostile text as inert data: titles and notes come back verbatim, never interpreted', () => {
    const base = GALLERY[0].scenario;
    const evil = { ...base, title: EVIL[0], description: EVIL[1], steps: [{ note: EVIL[2] }, ...base.steps] };
    const r = restore({ from: 'url', hash: `#${encodeScenario(evil)}` });
    expect(r.ok && r.value.scenario.title).toBe(EVIL[0]);
  });
});

describe('fuzzing the embed API validator', () => {
  it('answers 5000 random messages with a typed message or an error, without throwing', () => {
    for (let i = 0; i < 5000; i++) {
      const m = randomValue();
      const r = parseHostMessage(m);
      if (r.ok) expect(['load', 'run', 'reset', 'step']).toContain(r.msg.type);
      else expect(r.error.length).toBeLessThan(200);
    }
  });

  it('accepts well-formed messages and refuses near misses', () => {
    expect(parseHostMessage({ type: 'run', v: 1, commands: ['PING'] })).toEqual({ ok: true, msg: { type: 'run', v: 1, commands: ['PING'] } });
    expect(parseHostMessage({ type: 'step', v: 1, to: 'back', id: 'a' })).toEqual({ ok: true, msg: { type: 'step', v: 1, id: 'a', to: 'back' } });
    expect(parseHostMessage({ type: 'run', v: 2, commands: ['PING'] })).toMatchObject({ ok: false, error: expect.stringMatching(/version/) });
    expect(parseHostMessage({ type: 'run', v: 1, commands: [1] }).ok).toBe(false);
    expect(parseHostMessage({ type: 'step', v: 1, to: 1.5 }).ok).toBe(false);
    expect(parseHostMessage({ type: 'eval', v: 1 })).toMatchObject({ ok: false, error: 'unknown message type "eval"' });
    expect(parseHostMessage('{"type":"reset","v":1}').ok).toBe(false);
  });
});

describe('no scenario text is ever rendered as markup', () => {
  it('no file under web/ uses {@html}, innerHTML, outerHTML or insertAdjacentHTML', () => {
    const root = new URL('..', import.meta.url).pathname;
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
    const offenders = walk(root)
      .filter((f) => /\.(svelte|ts)$/.test(f) && !f.endsWith('fuzz.test.ts'))
      .filter((f) => /\{@html|innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
