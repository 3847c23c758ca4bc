/**
 * The one gate. Every scenario that arrives — share link, file, paste, saved workspace, embed message — comes
 * through `restore()`: size caps first (before parsing or inflating), then migration of older versions, then
 * hand-written validation. The answer is a typed scenario or one clear sentence; it never throws.
 */
import { decodeScenarioHash, hasScenarioHash } from './codec.ts';
import { LIMITS, type Scenario } from './format.ts';
import { migrate } from './migrate.ts';
import { looksLikeTranscript, parseTranscript, type Transcript } from './transcript.ts';
import { fail, ok, validateScenario, type Result } from './validate.ts';

export type Arrival =
  /** A location hash (`#s=1.…`) or a whole URL containing one. */
  | { readonly from: 'url'; readonly hash: string }
  /** An exported scenario file. */
  | { readonly from: 'file'; readonly text: string }
  /** Pasted text: scenario JSON, a share link, or a docs transcript. */
  | { readonly from: 'paste'; readonly text: string }
  /** The workspace saved in localStorage. */
  | { readonly from: 'workspace'; readonly text: string }
  /** An embed host's `load` message: a scenario object or a share link. */
  | { readonly from: 'message'; readonly value: unknown };

export interface Restored {
  readonly scenario: Scenario;
  /** Set when the scenario came from a pasted transcript: what the page printed, to compare. */
  readonly transcript?: Transcript;
}

const WHERE: Record<Arrival['from'], string> = {
  url: 'The link',
  file: 'The file',
  paste: 'The pasted text',
  workspace: 'The saved workspace',
  message: 'The embedding page’s scenario',
};

export function restore(a: Arrival): Result<Restored> {
  try {
    const r = arrive(a);
    return r.ok ? r : fail(`${WHERE[a.from]} could not be opened: ${r.error}`);
  } catch (e) {
    // Validation never throws by design; this is the last line against a blank page.
    return fail(`${WHERE[a.from]} could not be opened: ${e instanceof Error ? e.message.slice(0, 200) : 'unexpected error'}`);
  }
}

function arrive(a: Arrival): Result<Restored> {
  switch (a.from) {
    case 'url': {
      const at = a.hash.indexOf('#');
      return fromObject(decodeScenarioHash(at >= 0 ? a.hash.slice(at) : a.hash));
    }
    case 'file':
    case 'workspace':
      return fromObject(parseJson(a.text));
    case 'paste':
      return fromPaste(a.text);
    case 'message':
      if (typeof a.value === 'string') return a.value.includes('#s=') || hasScenarioHash(a.value) ? arrive({ from: 'url', hash: a.value }) : fail('expected a scenario object or a share link');
      return fromObject(sized(a.value));
  }
}

function fromPaste(text: string): Result<Restored> {
  if (text.length > LIMITS.jsonBytes) return fail(`it is longer than ${LIMITS.jsonBytes} characters`);
  const t = text.trim();
  if (t.startsWith('{')) return fromObject(parseJson(t));
  if (/#s=/.test(t) && !/\n/.test(t)) return arrive({ from: 'url', hash: t });
  if (looksLikeTranscript(t)) {
    const tr = parseTranscript(t);
    if (!tr.ok) return tr;
    const v = validateScenario(tr.value.scenario);
    return v.ok ? ok({ scenario: v.value, transcript: { ...tr.value, scenario: v.value } }) : v;
  }
  return fail('expected scenario JSON, a share link, or a transcript with lines such as "redis> XADD …"');
}

/** A posted object gets the same size cap as text: measured as JSON (cycles and oddities fail here, not later). */
function sized(v: unknown): Result<unknown> {
  let n: number;
  try {
    n = JSON.stringify(v)?.length ?? 0;
  } catch {
    return fail('it is not plain JSON data');
  }
  return n > LIMITS.jsonBytes ? fail(`it is larger than ${LIMITS.jsonBytes} characters of JSON`) : ok(v);
}

function parseJson(text: string): Result<unknown> {
  if (text.length > LIMITS.jsonBytes) return fail(`it is longer than ${LIMITS.jsonBytes} characters`);
  try {
    return ok(JSON.parse(text));
  } catch {
    return fail('it is not valid JSON');
  }
}

function fromObject(r: Result<unknown>): Result<Restored> {
  if (!r.ok) return r;
  const m = migrate(r.value);
  if (!m.ok) return m;
  const v = validateScenario(m.value);
  return v.ok ? ok({ scenario: v.value }) : v;
}
