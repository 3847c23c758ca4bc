#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures next to its goals. Nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const benches = [
  ['Engine, in-process', 'bench/engine-bench.ts'],
  ['RESP server vs redis-server (redis-benchmark)', 'bench/server-bench.ts'],
  ['Diagram frame times (Chromium)', 'bench/diagram-bench.ts'],
];
let failed = 0;
for (const [title, file] of benches) {
  if (!existsSync(join(root, file))) continue;
  console.log(`\n=== ${title} (${file})`);
  const r = spawnSync('node', ['--expose-gc', '--import', 'tsx', file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
