/**
 * The share-link codec: `#s=1.<data>`, where `1` is this codec's version and `<data>` is base64url of raw DEFLATE
 * (with a preset dictionary of stream-command words) of a compact JSON array. Links stay short (a ten-command
 * session is ~300 characters) and a new codec gets a new prefix, so old links keep working.
 *
 * Decoding is bounded: the payload length and compressed size are capped, and inflation stops as soon as the
 * output passes LIMITS.jsonBytes, so a tiny link cannot expand into gigabytes (no decompression bombs).
 */
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { LIMITS, isAdvanceStep, isClockStepStep, isCommandStep, type Scenario, type Step } from './format.ts';
import { fail, ok, type Result } from './validate.ts';

export const CODEC_PREFIX = 's=1.';

/** Words a share link is likely to contain; DEFLATE back-references into it cost a few bits each. Never change it: make a new codec version. */
const DICTIONARY = strToU8(
  '"producer","consumer","alice","bob","carol","worker","mystream","orders","events","jobs","mygroup","group",' +
    'XPENDING XCLAIM XAUTOCLAIM XINFO STREAM XINFO GROUPS XINFO CONSUMERS XTRIM MAXLEN XDEL XLEN XRANGE XREVRANGE ' +
    'XACKDEL XDELEX XNACK XSETID XREAD COUNT BLOCK XGROUP CREATE MKSTREAM XREADGROUP GROUP STREAMS > XACK XADD * ',
);

/** Compact wire form: positional, defaults omitted; expanded back to a plain scenario object before validation. */
type Wire = [v: number, title: string, description: string, profile: string, start: number, real: 0 | 1, step: number, clients: string[], steps: unknown[], extra: Record<string, unknown>];

function toWire(s: Scenario): Wire {
  const steps = s.steps.map((st: Step): unknown => {
    if (isCommandStep(st)) return `${s.clients.indexOf(st.client)} ${st.command}`;
    if (isAdvanceStep(st)) return st.advance;
    if (isClockStepStep(st)) return { k: st.clockStep };
    return { n: st.note };
  });
  const extra: Record<string, unknown> = {};
  if (s.state) extra.state = s.state;
  if (s.view) extra.view = s.view;
  if (s.at !== undefined) extra.at = s.at;
  return [s.v, s.title, s.description, s.profile, s.clock.start, s.clock.mode === 'real' ? 1 : 0, s.clock.stepPerCommand, [...s.clients], steps, extra];
}

/** The wire array back to a scenario-shaped object; anything malformed is left for the validator to name. */
function fromWire(w: unknown): unknown {
  if (!Array.isArray(w) || w.length !== 10) return w;
  const [v, title, description, profile, start, real, step, clients, steps, extra] = w as unknown[];
  const names = Array.isArray(clients) ? clients : [];
  const expanded = Array.isArray(steps)
    ? steps.map((st: unknown) => {
        if (typeof st === 'number') return { advance: st };
        if (typeof st === 'string') {
          const sp = st.indexOf(' ');
          const idx = sp > 0 ? Number(st.slice(0, sp)) : NaN;
          return { client: Number.isInteger(idx) ? names[idx] : undefined, command: st.slice(sp + 1) };
        }
        if (typeof st === 'object' && st !== null && 'k' in st) return { clockStep: st.k };
        if (typeof st === 'object' && st !== null && 'n' in st) return { note: st.n };
        return st;
      })
    : steps;
  const ex = typeof extra === 'object' && extra !== null && !Array.isArray(extra) ? extra : {};
  return { ...ex, v, title, description, profile, clock: { start, mode: real === 1 ? 'real' : 'virtual', stepPerCommand: step }, clients, steps: expanded };
}

/** The hash fragment (without `#`) that opens this scenario. */
export function encodeScenario(s: Scenario): string {
  const json = JSON.stringify(toWire(s));
  return CODEC_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9, dictionary: DICTIONARY }));
}

/** Does this hash fragment carry a scenario (so a decoding error should be shown)? */
export const hasScenarioHash = (hash: string): boolean => /^#?s=/.test(hash);

/** A hash fragment (with or without `#`) to the scenario-shaped object it carries (unvalidated). */
export function decodeScenarioHash(hash: string): Result<unknown> {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith('s=')) return fail('This link carries no scenario');
  if (h.length > LIMITS.urlChars) return fail(`This link is too long (${h.length} characters; at most ${LIMITS.urlChars})`);
  if (!h.startsWith(CODEC_PREFIX)) {
    // `s=<version>.<data>`: another version is a newer playground's link; anything else is not a link we made.
    return /^s=\d+\./.test(h)
      ? fail('This link was made by a newer version of the playground (unknown link format); reload to update.')
      : fail('This link is damaged (it should start with #s=1.); was it cut short or edited when copied?');
  }
  const bytes = fromBase64Url(h.slice(CODEC_PREFIX.length));
  if (!bytes) return fail('This link is damaged (its data is not valid base64url); was it cut short when copied?');
  if (bytes.length > LIMITS.compressedBytes) return fail('This link carries too much data');
  const json = inflateBounded(bytes, LIMITS.jsonBytes);
  if (!json.ok) return json;
  try {
    return ok(fromWire(JSON.parse(json.value)));
  } catch {
    return fail('This link is damaged (its data is not valid JSON); was it cut short when copied?');
  }
}

/** Inflate with a hard output cap: stops (and fails) as soon as the output passes `cap` bytes. */
export function inflateBounded(data: Uint8Array, cap: number, dictionary: Uint8Array = DICTIONARY): Result<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  try {
    const inf = new Inflate({ dictionary }, (chunk) => {
      total += chunk.length;
      if (total > cap) over = true;
      else parts.push(chunk);
    });
    // Small input chunks bound how far one push can overshoot the cap (DEFLATE expands at most ~1032×).
    const CHUNK = 1024;
    for (let i = 0; i < data.length && !over; i += CHUNK) inf.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  } catch {
    return fail('This link is damaged (its compressed data is corrupt); was it cut short when copied?');
  }
  if (over) return fail(`This link expands to more than ${cap} bytes; it was refused`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(out));
  } catch {
    return fail('This link is damaged (its text is not UTF-8)');
  }
}

/** base64url without padding (share links and lesson links). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
