#!/usr/bin/env node
// `npm test`: every check, in order, ending with one summary line.
// Installs what the tests need when it is missing (npm packages; Debian's chromium and redis-server when run as
// root with apt-get), or says exactly what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const cache = join(root, '.cache');
mkdirSync(cache, { recursive: true });
const isRoot = process.getuid?.() === 0;
const env = { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const results = []; // { name, ok, ms, note }
const counts = { passed: 0, failed: 0, skipped: 0 };
const failures = []; // { name, why }: every failed test, for the summary

function sh(cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  return { ok: r.status === 0, ms: Date.now() - t0 };
}

function quiet(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : '';
}

function step(name, fn) {
  console.log(`\n==> ${name}`);
  const t0 = Date.now();
  let out;
  try {
    out = fn();
  } catch (e) {
    out = { ok: false, note: e instanceof Error ? e.message : String(e) };
  }
  results.push({ name, ok: out.ok, ms: Date.now() - t0, note: out.note ?? '' });
  if (!out.ok) console.log(`!!  ${name} failed${out.note ? `: ${out.note}` : ''}`);
  return out.ok;
}

const which = (bin) => quiet('sh', ['-c', `command -v ${bin}`]);
let aptUpdated = false;
function aptInstall(pkgs) {
  if (!isRoot || !which('apt-get')) return false;
  console.log(`Installing Debian packages: ${pkgs.join(' ')}`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env: aptEnv });
    aptUpdated = true;
  }
  return spawnSync('apt-get', ['install', '-y', '-q', ...pkgs], { stdio: 'inherit', env: aptEnv }).status === 0;
}

// 1. npm packages
step('dependencies', () => {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return { ok: true, note: 'present' };
  return sh('npm', ['ci', '--no-audit', '--no-fund']);
});

// 2. redis-server for the differential tests
step('redis-server', () => {
  let bin = process.env.REDIS_SERVER || which('redis-server');
  if (!bin && aptInstall(['redis-server', 'redis-tools'])) bin = which('redis-server');
  if (bin) {
    env.REDIS_SERVER = bin;
    console.log(`Differential tests will use ${bin} (${quiet(bin, ['--version'])})`);
    return { ok: true };
  }
  console.log(
    'No redis-server found: the differential tests will be SKIPPED.\n' +
      '  Install one with: sudo apt-get install redis-server  (or set REDIS_SERVER=/path/to/redis-server)',
  );
  return { ok: true, note: 'differential tests skipped: no redis-server' };
});

// 3. A Chromium for Playwright: its own browser where installed, else Debian's.
let browserOk = false;
step('chromium', () => {
  const require = createRequire(import.meta.url);
  try {
    const own = require('playwright-core').chromium.executablePath();
    if (own && existsSync(own)) {
      delete env.CHROMIUM_PATH;
      browserOk = true;
      console.log(`Using Playwright's own Chromium: ${own}`);
      return { ok: true };
    }
  } catch {
    // playwright-core not resolvable: fall through to the system browser.
  }
  let bin = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : which('chromium'));
  if (!bin && aptInstall(['chromium'])) bin = '/usr/bin/chromium';
  if (bin && existsSync(bin)) {
    env.CHROMIUM_PATH = bin;
    browserOk = true;
    console.log(`Using ${bin}`);
    return { ok: true };
  }
  return {
    ok: false,
    note:
      'no Chromium for the e2e tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH.',
  };
});

// 4. Static checks
step('lint (eslint, zero warnings)', () => sh('npx', ['eslint', '--max-warnings', '0', '.']));
step('typecheck (tsc app, tsc engine, svelte-check)', () => sh('npm', ['run', '--silent', 'typecheck']));

// 5. Unit, conformance and differential tests
step('unit, conformance and differential tests (vitest)', () => {
  const out = join(cache, 'vitest.json');
  rmSync(out, { force: true });
  const r = sh('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    // Failed tests, and files that failed without one (they did not load).
    const failed = vitestFailures(j);
    counts.passed += j.numPassedTests;
    counts.failed += failed.length;
    counts.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    failures.push(...failed);
    return { ok: r.ok, note: `${j.numPassedTests} passed, ${failed.length} failed, ${j.numPendingTests} skipped` };
  }
  return { ok: false, note: 'vitest wrote no results' };
});

// 6. Build and bundle budget
const built = step('build (vite) and bundle budget', () => {
  const b = sh('npx', ['vite', 'build']);
  if (!b.ok) return b;
  return sh('node', ['scripts/bundle-size.mjs']);
});

// 7. End-to-end tests in Chromium against the built app
step('e2e (Playwright, Chromium)', () => {
  if (!browserOk) return { ok: false, note: 'skipped: no browser (see above)' };
  if (!built) return { ok: false, note: 'skipped: the build failed' };
  const out = join(cache, 'e2e.json');
  rmSync(out, { force: true });
  env.PLAYWRIGHT_JSON_OUTPUT_FILE = out;
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = out;
  const r = sh('npx', ['playwright', 'test', '--reporter=list,json']);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    const s = j.stats;
    failures.push(...playwrightFailures(j));
    counts.passed += s.expected + s.flaky;
    counts.failed += s.unexpected;
    counts.skipped += s.skipped;
    return { ok: r.ok, note: `${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped` };
  }
  return { ok: false, note: 'playwright wrote no results' };
});

// Summary
console.log('\n==> summary');
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${(r.ms / 1000).toFixed(1)} s)${r.note ? ` — ${r.note}` : ''}`);
}
// The failed tests and why, so that the last screenful (all a CI log may keep) says what broke.
for (const f of failures.slice(0, 20)) console.log(`FAIL ${f.name}\n       ${f.why}`);
if (failures.length > 20) console.log(`… and ${failures.length - 20} more failed tests (see above)`);
const failedSteps = results.filter((r) => !r.ok).length;
// A failed step that ran no tests (lint, typecheck, build) still counts as a failure in the closing line.
const failedTotal = counts.failed + results.filter((r) => !r.ok && !/passed/.test(r.note)).length;
console.log(`summary: ${counts.passed} passed, ${failedTotal} failed, ${counts.skipped} skipped`);
process.exit(failedSteps === 0 ? 0 : 1);

/** A failure's message in a few plain lines: no colours, no blank lines, at most 400 characters. */
function why(message) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes
  const plain = String(message ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  // Stack frames out, except the first in our own code: it says which line failed.
  const isFrame = (l) => /^\s*at /.test(l);
  const ours = lines.find((l) => isFrame(l) && !l.includes('node_modules'));
  const text = [...lines.filter((l) => !isFrame(l)).slice(0, 6), ...(ours ? [ours.trim().replace(root, '.')] : [])].join('\n       ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function vitestFailures(j) {
  return (j.testResults ?? []).flatMap((file) => {
    const name = relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    // A file that failed without a failed test (it did not load, a hook threw) says why on the file.
    if (failed.length === 0) return file.status === 'failed' ? [{ name, why: why(file.message) }] : [];
    return failed.map((a) => ({ name: `${name} › ${a.fullName}`, why: why(a.failureMessages?.[0]) }));
  });
}

/** Playwright's error: its stack (message and frames) where it has one. */
const errorText = (e) => e?.stack ?? e?.message;

function playwrightFailures(j) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const last = t.results?.[t.results.length - 1];
        out.push({ name: `e2e/${spec.file}:${spec.line} › ${spec.title}`, why: why(errorText(last?.error ?? last?.errors?.[0])) });
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of j.suites ?? []) walk(suite);
  return out;
}
