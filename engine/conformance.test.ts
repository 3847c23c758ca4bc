/** Replays every conformance transcript in engine/conformance/*.redis on the engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, runCase } from './testing/transcript.ts';

const dir = join(import.meta.dirname, 'conformance');
const files = readdirSync(dir).filter((f) => f.endsWith('.redis')).sort();

for (const file of files) {
  describe(file, () => {
    for (const c of parseTranscript(readFileSync(join(dir, file), 'utf8'), file)) {
      it(c.title, () => {
        const { results, unclaimed } = runCase(c);
        for (const { step, actual } of results) {
          if (step.kind === 'advance') continue;
          const what = step.kind === 'command' ? `${step.client}> ${step.line}` : `${step.client}<`;
          expect(actual, `${file}:${step.lineNo} ${what}`).toBe(step.expect);
        }
        expect(unclaimed, 'replies received by blocked clients that the transcript does not list').toEqual([]);
      });
    }
  });
}
