/**
 * redis-benchmark against our RESP server and a real redis-server in the same run: ops/s for both and the ratio.
 * No assertions: figures only. Run through `npm run bench` (or build it with bench/vite.bench.config.ts and run
 * `node .cache/bench/server-bench.js [--quick]` from the repository root).
 *
 * Both servers run as processes of their own, as a user runs them: redis-server, and our server bundled from
 * server/main.ts the way vite bundles the benchmarks (no TypeScript loader in the hot path), rather than inside this
 * process beside the driver. Each row first sends both servers a short unmeasured run of the same command, so that
 * V8 has compiled our server's path for it; then the servers take turns, and each keeps its best run (ROUNDS).
 *
 * Goals printed next to the figures: ≥ 0.9× redis-server without pipelining, ≥ 0.5× with -P 16 on XADD and XLEN.
 *
 * A last row measures the floor under the no-pipelining goal: a Node TCP server that parses nothing and answers
 * every request with `:1`, against redis-server and ours, in the same alternation. Without pipelining each request
 * costs one read and one write on both sides; what a Node server spends around them (libuv, the socket stream, a
 * Buffer per read) is the part no engine work can remove.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RawClient, frame } from '../server/testing/raw-client.ts';
import { freePort, startRealRedis } from '../server/testing/real-redis.ts';

const quick = process.argv.includes('--quick');
const CLIENTS = 50;
/** Requests per run: sized so the whole bench stays within about a minute and a half on 2 cores. */
const N = { plain: quick ? 10_000 : 40_000, pipelined: quick ? 30_000 : 150_000, warmup: quick ? 5_000 : 20_000 };
/**
 * Runs per server and row; the best is kept. Runs without pipelining take under a second each and swing by a
 * third from one to the next on this shared machine (both servers alike), so they get more of them.
 */
const ROUNDS = { plain: quick ? 3 : 7, pipelined: 3 };

interface Row {
  readonly label: string;
  readonly args: readonly string[];
  /** Goal ratios (ours / redis) without and with -P 16; undefined = no goal. */
  readonly goal: readonly [number | undefined, number | undefined];
  /** Prepare both servers before the run (given the number of requests). */
  readonly setup?: (c: RawClient, n: number) => Promise<void>;
}

/** A stream `rg` with entries 0-1 … 0-n and a group `g` at its start, for the XREADGROUP and XACK rows. */
async function populate(c: RawClient, n: number): Promise<void> {
  await c.call(['DEL', 'rg']);
  const batch = 1000;
  for (let i = 1; i <= n; i += batch) {
    let req = '';
    const count = Math.min(batch, n - i + 1);
    for (let j = 0; j < count; j++) req += frame(['XADD', 'rg', `0-${i + j}`, 'f', 'v']);
    c.send(req);
    for (let j = 0; j < count; j++) await c.reply(10_000);
  }
  await c.call(['XGROUP', 'CREATE', 'rg', 'g', '0']);
}

const ROWS: readonly Row[] = [
  { label: 'XADD s * f v', args: ['XADD', 's', '*', 'f', 'v'], goal: [0.9, 0.5] },
  { label: 'XLEN s', args: ['XLEN', 's'], goal: [0.9, 0.5] },
  { label: 'XRANGE s - + COUNT 10', args: ['XRANGE', 's', '-', '+', 'COUNT', '10'], goal: [0.9, undefined] },
  {
    label: 'XREADGROUP … COUNT 1 >',
    args: ['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '1', 'STREAMS', 'rg', '>'],
    goal: [0.9, undefined],
    setup: populate,
  },
  { label: 'XACK rg g <random id>', args: ['XACK', 'rg', 'g', '0-__rand_int__'], goal: [0.9, undefined] },
];

function run(port: number, args: readonly string[], n: number, pipeline: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const argv = ['-p', String(port), '-n', String(n), '-c', String(CLIENTS), '-P', String(pipeline), '-r', String(n), '-q', '--csv', ...args];
    const child = spawn('redis-benchmark', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      // --csv: "test","rps",... — the first numeric field after the name is requests per second.
      const m = /^"[^"]*","([\d.]+)"/m.exec(out);
      if (m) resolve(Number(m[1]));
      else reject(new Error(`redis-benchmark output not understood:\n${out}`));
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);

/** Our RESP server as a child process, from a bundle of server/main.ts in .cache/bench (built here). */
async function startOurProcess(profile: string): Promise<{ port: number; stop(): void }> {
  const root = process.cwd();
  const build = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_ENTRY: join(root, 'server', 'main.ts') },
  });
  if (build.status !== 0) throw new Error('could not bundle server/main.ts');
  const port = await freePort();
  const child = spawn('node', [join(root, '.cache', 'bench', 'main.js'), '--port', String(port), '--profile', profile], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`our server exited (${code}) before listening`)));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('listening on')) resolve();
    });
  });
  process.once('exit', () => child.kill('SIGTERM'));
  return { port, stop: () => child.kill('SIGTERM') };
}

/**
 * The floor: a Node TCP server that counts the requests in each read (a line starting with `*`; only valid for
 * commands without a `*` argument) and answers each with `:1`, nothing else. Run with `node -e` as its own process.
 */
const FLOOR_SOURCE = `
const port = Number(process.argv[1]);
require('node:net').createServer({ noDelay: true }, (s) => {
  s.on('error', () => {});
  s.on('data', (buf) => {
    let n = 0;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 42 && (i === 0 || buf[i - 1] === 10)) n++;
    s.write(':1\\r\\n'.repeat(n || 1));
  });
}).listen(port, '127.0.0.1', () => console.log('listening on ' + port));
`;

async function startFloorProcess(): Promise<{ port: number; stop(): void }> {
  const port = await freePort();
  const child = spawn('node', ['-e', FLOOR_SOURCE, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the floor server exited (${code}) before listening`)));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('listening on')) resolve();
    });
  });
  process.once('exit', () => child.kill('SIGTERM'));
  return { port, stop: () => child.kill('SIGTERM') };
}

/** Best of ROUNDS runs per server (by pipelining), the servers taking turns (reversed every other round). */
async function bestOf(ports: readonly number[], args: readonly string[], n: number, pipeline: number, setup?: Row['setup']): Promise<number[]> {
  const rps = ports.map(() => 0);
  const rounds = pipeline === 1 ? ROUNDS.plain : ROUNDS.pipelined;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < ports.length; i++) {
      const idx = round % 2 === 0 ? i : ports.length - 1 - i;
      if (setup) {
        const c = await RawClient.open(ports[idx]);
        await setup(c, n);
        c.close();
      }
      rps[idx] = Math.max(rps[idx], await run(ports[idx], args, n, pipeline));
    }
  }
  return rps;
}

async function main(): Promise<void> {
  const real = await startRealRedis();
  const ours = await startOurProcess('redis-7.0');
  const servers = [
    { name: 'redis', port: real.port },
    { name: 'ours', port: ours.port },
  ];
  console.log(`redis-benchmark -c ${CLIENTS}, an unmeasured warm-up run each, then best of ${ROUNDS.plain} (-P 1) or ${ROUNDS.pipelined} (-P 16) alternating runs; redis-server ${real.version} on :${real.port}, our RESP server (own process, profile redis-7.0) on :${ours.port}`);
  console.log(`${'command'.padEnd(26)}${'mode'.padEnd(8)}${'redis ops/s'.padStart(12)}${'ours ops/s'.padStart(12)}${'ratio'.padStart(8)}   goal`);
  const t0 = Date.now();
  for (const row of ROWS) {
    for (const [mode, pipeline] of [['-P 1', 1], ['-P 16', 16]] as const) {
      const n = pipeline === 1 ? N.plain : N.pipelined;
      for (const s of servers) {
        if (row.setup) {
          const c = await RawClient.open(s.port);
          await row.setup(c, N.warmup);
          c.close();
        }
        await run(s.port, row.args, N.warmup, pipeline);
      }
      // Best of ROUNDS, alternating the servers, so a burst of load elsewhere on the machine hurts both alike.
      const rps = await bestOf(servers.map((x) => x.port), row.args, n, pipeline, row.setup);
      const ratio = rps[1] / rps[0];
      const goal = row.goal[pipeline === 1 ? 0 : 1];
      const verdict = goal === undefined ? '' : `≥ ${goal.toFixed(1)}× ${ratio >= goal ? 'met' : 'NOT met'}`;
      console.log(`${row.label.padEnd(26)}${mode.padEnd(8)}${fmt(rps[0]).padStart(12)}${fmt(rps[1]).padStart(12)}${ratio.toFixed(2).padStart(8)}   ${verdict}`);
    }
  }
  const floor = await startFloorProcess();
  const ports = [real.port, floor.port, ours.port];
  for (const port of ports) await run(port, ['XLEN', 's'], N.warmup, 1);
  const [r, f, o] = await bestOf(ports, ['XLEN', 's'], N.plain, 1);
  console.log(
    `${'XLEN s, Node floor'.padEnd(26)}${'-P 1'.padEnd(8)}${fmt(r).padStart(12)}${fmt(f).padStart(12)}${(f / r).toFixed(2).padStart(8)}   ` +
      `a Node server that only answers :1 (ours in the same runs: ${(o / r).toFixed(2)}×)`,
  );
  floor.stop();
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  ours.stop();
  await real.stop();
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
