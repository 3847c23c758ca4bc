/**
 * Seeded random differential test: thousands of generated commands (valid and invalid) sent to our RESP server and
 * a real redis-server, every reply compared byte for byte. Two generators: stream commands with explicit IDs
 * (extended XPENDING's idle field is the only normalised value, set to 0 on both sides), and the commands around
 * them — strings, lists, sets, keys, expiry, databases, MULTI/EXEC/WATCH — where running TTLs and the order of a
 * hashtable's members are evened out (session-gen.ts). On a mismatch, the sequence is shrunk by delta debugging
 * and the seed plus the shortest reproducing sequence are printed.
 *
 * RANDOM_DIFF_SEED=<n> picks one seed; RANDOM_DIFF_COMMANDS=<n> the length (default 2500 per seed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from './testing/raw-client.ts';
import { profileFor, REDIS_SERVER_BIN, redisServerVersion, startOurServer, startRealRedis, type OurServer, type RealRedis } from './testing/real-redis.ts';
import { cliLine, normalise, replayBoth, shrink } from './testing/replay.ts';
import { SessionCommandGen, normaliseSession } from './testing/session-gen.ts';
import { show } from './testing/differential.ts';
import { StreamCommandGen } from './testing/stream-gen.ts';

const version = redisServerVersion();
if (!version) console.log(`random-diff: SKIPPED — no redis-server (${REDIS_SERVER_BIN}) found; set $REDIS_SERVER to run it`);

const SEEDS = process.env.RANDOM_DIFF_SEED ? [Number(process.env.RANDOM_DIFF_SEED)] : [1, 2, 3, 4];
const COMMANDS = Number(process.env.RANDOM_DIFF_COMMANDS ?? 2500);
/** Small nodes make approximate trimming, XDEL and node accounting visible; each seed gets its own size. */
const NODE_SIZES = [3, 5, 10, 100];

describe.skipIf(!version)('random differential: stream commands vs redis-server', () => {
  let real: RealRedis;
  let ours: OurServer;
  let a: RawClient;
  let b: RawClient;
  let compared = 0;

  beforeAll(async () => {
    real = await startRealRedis();
    ours = await startOurServer(profileFor(real.version));
    [a, b] = await Promise.all([RawClient.open(ours.port), RawClient.open(real.port)]);
  });

  afterAll(async () => {
    console.log(`random-diff: ${compared} replies compared against redis-server ${real?.version} (seeds ${SEEDS.join(', ')})`);
    a?.close();
    b?.close();
    await ours?.stop();
    await real?.stop();
  });

  const GENERATORS = [
    { name: 'stream commands', make: (seed: number) => new StreamCommandGen(seed), even: normalise },
    { name: 'strings, lists, sets, keys, expiry, MULTI', make: (seed: number) => new SessionCommandGen(seed), even: normaliseSession },
  ];
  for (const gen of GENERATORS) {
    for (const seed of SEEDS) {
      it(`${gen.name}, seed ${seed}: ${COMMANDS} commands give the same replies`, async () => {
        const g = gen.make(seed);
        const cmds = Array.from({ length: COMMANDS }, () => g.next());
        const nodeEntries = NODE_SIZES[seed % NODE_SIZES.length];
        const run = await replayBoth(a, b, cmds, nodeEntries, gen.even);
        compared += run.compared;
        if (!run.divergence) return;
        const failing = cmds.slice(0, run.divergence.index + 1);
        const minimal = await shrink(failing, async (xs) => (await replayBoth(a, b, xs, nodeEntries, gen.even)).divergence !== undefined);
        const final = await replayBoth(a, b, minimal, nodeEntries, gen.even);
        const d = final.divergence ?? run.divergence;
        const report = [
          `${gen.name}, seed ${seed} (stream-node-max-entries ${nodeEntries}): command #${run.divergence.index} differs; shortest reproduction (${minimal.length} commands):`,
          ...minimal.map((argv) => `  ${cliLine(argv)}`),
          `ours:  ${show(d.ours)}`,
          `redis: ${show(d.theirs)}`,
        ].join('\n');
        expect(report).toBe('');
      }, 120_000);
    }
  }
});
