/**
 * Replaying a command sequence on two servers (pipelined) and comparing replies, plus the delta-debugging shrinker
 * that turns a failing sequence into a short one.
 */
import { frame, type RawClient } from './raw-client.ts';

/** A fresh state: a reset connection (no MULTI, no WATCH, database 0), empty keyspace, the given stream node limits. */
export async function prepare(c: RawClient, nodeEntries: number): Promise<void> {
  const reset = await c.call(['RESET']);
  if (reset !== '+RESET\r\n') throw new Error(`cannot reset the connection between runs: ${JSON.stringify(reset)}`);
  const replies = [
    await c.call(['FLUSHALL']),
    await c.call(['CONFIG', 'SET', 'stream-node-max-entries', String(nodeEntries)]),
    await c.call(['CONFIG', 'SET', 'stream-node-max-bytes', '4096']),
  ];
  const bad = replies.find((r) => r !== '+OK\r\n');
  if (bad !== undefined) throw new Error(`cannot reset the server between runs: ${JSON.stringify(bad)}`);
}

/** Send a batch pipelined and read one reply per command. */
export async function pipeline(c: RawClient, cmds: readonly (readonly string[])[]): Promise<string[]> {
  c.send(cmds.map(frame).join(''));
  const out: string[] = [];
  for (let i = 0; i < cmds.length; i++) out.push((await c.reply(5000)) ?? '(no reply)');
  return out;
}

/**
 * What the two servers cannot agree on among the stream commands' replies: extended XPENDING prints each entry's
 * idle time (`[id, consumer, idle, deliveries]`), and HELLO the connection's id. Both are replaced by 0 on both
 * sides; everything else is compared as is.
 */
export function normalise(argv: readonly string[], reply: string): string {
  const name = argv[0].toUpperCase();
  if (name === 'HELLO') return evenHelloId(reply);
  if (name !== 'XPENDING' || argv.length <= 3 || reply[0] !== '*') return reply;
  return reply.replace(/(\*4\r\n\$\d+\r\n[^\r]*\r\n\$\d+\r\n[^\r]*\r\n):\d+\r\n/g, '$1:0\r\n');
}

/** HELLO's reply with the connection id (in its server map, RESP2 or RESP3) replaced by 0. */
export const evenHelloId = (reply: string): string => reply.replace(/(\$2\r\nid\r\n):\d+\r\n/, '$1:0\r\n');

export interface Divergence {
  /** Index of the first command whose replies differ. */
  readonly index: number;
  readonly ours: string;
  readonly theirs: string;
}

/** Replay on both servers from a fresh state; the first divergence, if any. */
export async function replayBoth(
  a: RawClient,
  b: RawClient,
  cmds: readonly (readonly string[])[],
  nodeEntries: number,
  even: (argv: readonly string[], reply: string) => string = normalise,
  batch = 256,
): Promise<{ divergence: Divergence | undefined; compared: number }> {
  await Promise.all([prepare(a, nodeEntries), prepare(b, nodeEntries)]);
  let compared = 0;
  for (let i = 0; i < cmds.length; i += batch) {
    const slice = cmds.slice(i, i + batch);
    const [x, y] = await Promise.all([pipeline(a, slice), pipeline(b, slice)]);
    for (let j = 0; j < slice.length; j++) {
      compared++;
      const nx = even(slice[j], x[j]);
      const ny = even(slice[j], y[j]);
      if (nx !== ny) return { divergence: { index: i + j, ours: x[j], theirs: y[j] }, compared };
    }
  }
  return { divergence: undefined, compared };
}

/**
 * ddmin (Zeller): the smallest subsequence (1-minimal, within a budget of replays) for which `fails` still holds.
 * The last command is kept: it is the one whose reply differed.
 */
export async function shrink<T>(items: readonly T[], fails: (xs: readonly T[]) => Promise<boolean>, budget = 1500): Promise<T[]> {
  const last = items[items.length - 1];
  let cur = items.slice(0, -1);
  const test = async (xs: readonly T[]) => budget-- > 0 && (await fails([...xs, last]));
  let n = 2;
  while (cur.length >= 1 && budget > 0) {
    const size = Math.ceil(cur.length / n);
    let reduced = false;
    for (let i = 0; i < cur.length && budget > 0; i += size) {
      const complement = [...cur.slice(0, i), ...cur.slice(i + size)];
      if (await test(complement)) {
        cur = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size <= 1) break;
      n = Math.min(n * 2, cur.length);
    }
  }
  return [...cur, last];
}

/** A command as one redis-cli line. */
export function cliLine(argv: readonly string[]): string {
  return argv.map((a) => (/^[\x21-\x7e]+$/.test(a) && !/["'\\]/.test(a) ? a : JSON.stringify(a))).join(' ');
}
