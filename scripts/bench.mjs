#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures next to its goals. Nothing here asserts a time.
// Each benchmark is bundled by vite first (bench/vite.bench.config.ts), so it runs the code as shipped.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

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
  const build = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_ENTRY: join(root, file) },
  });
  if (build.status !== 0) {
    failed++;
    continue;
  }
  const out = join(root, '.cache', 'bench', basename(file).replace(/\.ts$/, '.js'));
  const r = spawnSync('node', ['--expose-gc', out], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
