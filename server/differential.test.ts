/**
 * Differential test: every conformance transcript (engine/conformance/*.redis) replayed against our RESP server and
 * a real redis-server at once, comparing the raw reply bytes of every step. Cases whose replies depend on the clock
 * (@timing), that need a newer server than the real one (@since), or that pin another profile are not compared
 * here; the engine conformance test checks them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions } from '../engine/profiles.ts';
import { parseTranscript, type Case } from '../engine/testing/transcript.ts';
import { compareCase, explicitProfile, resetServer } from './testing/differential.ts';
import { profileFor, REDIS_SERVER_BIN, redisServerVersion, startOurServer, startRealRedis, type OurServer, type RealRedis } from './testing/real-redis.ts';

const version = redisServerVersion();
if (!version) console.log(`differential: SKIPPED — no redis-server (${REDIS_SERVER_BIN}) found; set $REDIS_SERVER to run it`);

const dir = join(import.meta.dirname, '..', 'engine', 'conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.redis')).sort();
let skipped = 0;
const transcripts = files.map((file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const all = parseTranscript(text, file);
  const cases = version ? all.filter((c) => !notComparable(text, c, version)) : all;
  skipped += all.length - cases.length;
  return { file, cases };
});

/** Why a case cannot be compared with this real server, if it cannot. */
function notComparable(text: string, c: Case, version: string): string | undefined {
  if (c.timing) return 'timing';
  if (compareVersions(c.since, version) > 0) return `since ${c.since}`;
  const p = explicitProfile(text, c);
  if (p !== undefined && p !== profileFor(version)) return `profile ${p}`;
  return undefined;
}

describe.skipIf(!version)('differential: conformance transcripts vs redis-server', () => {
  let real: RealRedis;
  let ours: OurServer;
  let compared = 0;
  let mismatched = 0;

  beforeAll(async () => {
    real = await startRealRedis();
    ours = await startOurServer(profileFor(real.version));
  });

  afterAll(async () => {
    console.log(
      `differential: ${compared} replies compared against redis-server ${real?.version}, ${mismatched} mismatches, ` +
        `${skipped} cases skipped (timing/version/profile)`,
    );
    await ours?.stop();
    await real?.stop();
  });

  for (const { file, cases } of transcripts.filter((t) => t.cases.length > 0)) {
    describe(file, () => {
      for (const c of cases) {
        it(c.title, async () => {
          const [a, b] = await Promise.all([resetServer(ours.port), resetServer(real.port)]);
          expect(a, 'FLUSHALL / CONFIG SET on our server').toEqual(b);
          const out = await compareCase(c, ours.port, real.port);
          compared += out.compared;
          mismatched += out.mismatches.length;
          const report = out.mismatches.map((m) => `${m.where}\n  ours:  ${m.ours}\n  redis: ${m.theirs}`).join('\n');
          expect(report, `${file}:${c.lineNo} ${c.title}`).toBe('');
        });
      }
    });
  }
});
