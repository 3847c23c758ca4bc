#!/usr/bin/env node
// The bundle budget: everything the page loads before the console is ready — the entry chunk, its static imports
// and the engine worker — must stay within 200 KB of gzipped JavaScript. Chunks reached only through dynamic
// import() (the diagram, loaded after the consoles) are listed but not counted. Run after `vite build`; exits
// non-zero past the budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const dist = join(import.meta.dirname, '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.m?js$/.test(name)) yield p;
  }
}

if (!existsSync(dist)) {
  console.error('bundle-size: no dist/ — run `npx vite build` first');
  process.exit(2);
}

// Files reachable from the entries by static imports; files reachable only dynamically are "lazy".
const lazy = new Set();
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const eager = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || eager.has(chunk.file)) return;
    eager.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  for (const chunk of Object.values(manifest)) {
    for (const k of chunk.dynamicImports ?? []) {
      const f = manifest[k]?.file;
      if (f && !eager.has(f)) lazy.add(f);
    }
  }
  // A lazy chunk's own static imports are lazy too unless something eager imports them.
  for (const f of [...lazy]) {
    const entry = Object.values(manifest).find((c) => c.file === f);
    for (const k of entry?.imports ?? []) {
      const g = manifest[k]?.file;
      if (g && !eager.has(g)) lazy.add(g);
    }
  }
} else {
  console.log('bundle-size: no .vite/manifest.json; counting every JS file');
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
let lazyTotal = 0;
const rows = [...files(dist)].map((p) => {
  const buf = readFileSync(p);
  const file = relative(dist, p);
  const gz = gzipSync(buf, { level: 9 }).length;
  const isLazy = lazy.has(file);
  if (isLazy) lazyTotal += gz;
  else total += gz;
  return { file, raw: buf.length, gz, isLazy };
});
rows.sort((a, b) => Number(a.isLazy) - Number(b.isLazy) || b.gz - a.gz);
for (const r of rows) {
  console.log(`${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzip${r.isLazy ? '  (lazy, after ready)' : ''}`);
}
console.log(`${'before console ready'.padEnd(44)} ${''.padStart(14)} ${kb(total).padStart(10)} gzip (budget ${kb(BUDGET)})`);
if (lazyTotal > 0) console.log(`${'loaded later'.padEnd(44)} ${''.padStart(14)} ${kb(lazyTotal).padStart(10)} gzip`);
if (total > BUDGET) {
  console.error(`bundle-size: over budget by ${kb(total - BUDGET)}`);
  process.exit(1);
}
