/**
 * Replays one conformance case against two servers at once and compares the raw reply bytes of every step.
 */
import type { Case } from '../../engine/testing/transcript.ts';
import { frame, RawClient } from './raw-client.ts';

/** A `(blocked)` step: no reply may arrive within this time. */
export const BLOCKED_WAIT_MS = 50;
/** How long a reply may take (woken replies included). */
const REPLY_WAIT_MS = 2000;

export interface Mismatch {
  readonly where: string;
  readonly ours: string;
  readonly theirs: string;
}

export interface CaseOutcome {
  readonly compared: number;
  readonly mismatches: Mismatch[];
}

/** Show bytes readably: JSON-escaped, long replies cut. */
export function show(bytes: string | null): string {
  if (bytes === null) return '(no reply)';
  const s = JSON.stringify(bytes);
  return s.length > 600 ? `${s.slice(0, 600)}… (${bytes.length} bytes)` : s;
}

/** Parameters the transcripts change, with Redis's defaults. */
const CONFIG_DEFAULTS: readonly (readonly [string, string])[] = [
  ['stream-node-max-entries', '100'],
  ['stream-node-max-bytes', '4096'],
  ['maxmemory', '0'],
  ['maxmemory-policy', 'noeviction'],
  ['hz', '10'],
];

/** Put a server back to a fresh state between cases: empty keyspace, default configuration. */
export async function resetServer(port: number): Promise<string[]> {
  const c = await RawClient.open(port);
  const replies = [await c.call(['FLUSHALL'])];
  for (const [name, value] of CONFIG_DEFAULTS) replies.push(await c.call(['CONFIG', 'SET', name, value]));
  c.close();
  return replies.map((r) => r ?? '(no reply)');
}

export async function compareCase(c: Case, ourPort: number, theirPort: number): Promise<CaseOutcome> {
  const mismatches: Mismatch[] = [];
  let compared = 0;
  const ours = new Map<string, RawClient>();
  const theirs = new Map<string, RawClient>();
  const clientsFor = async (name: string): Promise<[RawClient, RawClient]> => {
    let a = ours.get(name);
    let b = theirs.get(name);
    if (!a || !b) {
      [a, b] = await Promise.all([RawClient.open(ourPort), RawClient.open(theirPort)]);
      ours.set(name, a);
      theirs.set(name, b);
    }
    return [a, b];
  };
  const check = (where: string, x: string | null, y: string | null) => {
    compared++;
    if (x !== y) mismatches.push({ where, ours: show(x), theirs: show(y) });
  };
  try {
    for (const step of c.steps) {
      if (step.kind === 'advance') continue;
      const [a, b] = await clientsFor(step.client);
      if (step.kind === 'command') {
        const where = `${c.file}:${step.lineNo} ${step.client}> ${step.line}`;
        const bytes = frame(step.argv);
        a.send(bytes);
        b.send(bytes);
        if (step.expect === '(blocked)') {
          const [x, y] = await Promise.all([a.drain(BLOCKED_WAIT_MS), b.drain(BLOCKED_WAIT_MS)]);
          check(where, x === '' ? '(blocked)' : x, y === '' ? '(blocked)' : y);
        } else {
          const [x, y] = await Promise.all([a.reply(REPLY_WAIT_MS), b.reply(REPLY_WAIT_MS)]);
          check(where, x, y);
        }
      } else {
        const where = `${c.file}:${step.lineNo} ${step.client}<`;
        const [x, y] = await Promise.all([a.reply(REPLY_WAIT_MS), b.reply(REPLY_WAIT_MS)]);
        check(where, x, y);
      }
    }
    // Replies nobody asked for (a wake-up the transcript does not list) must match too.
    for (const [name, a] of ours) {
      const b = theirs.get(name);
      const x = a.take();
      const y = b?.take() ?? '';
      if (x !== '' || y !== '') check(`${c.file}:${c.lineNo} unread replies of ${name}`, x, y);
    }
  } finally {
    for (const conn of [...ours.values(), ...theirs.values()]) conn.close();
  }
  return { compared, mismatches };
}

/** The `@profile` a case names explicitly (the parser's default does not count), read from the file text. */
export function explicitProfile(fileText: string, c: Case): string | undefined {
  const lines = fileText.split('\n');
  for (let i = c.lineNo; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^@profile\s+(\S+)/.exec(line);
    if (m) return m[1];
    if (!line.startsWith('@')) return undefined;
  }
  return undefined;
}
