/**
 * The RESP server's protocol handling: inline commands, pipelines, RESP3, protocol errors (checked against a real
 * redis-server too when one is installed), hostile input, blocking across connections, and backpressure.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frame, RawClient, replyEnd } from './testing/raw-client.ts';
import { redisServerVersion, startOurServer, startRealRedis, type OurServer, type RealRedis } from './testing/real-redis.ts';
import { OUTPUT_HIGH_WATER } from './connection.ts';
import { randomInts } from '../engine/testing/prng.ts';

let ours: OurServer;
let real: RealRedis | undefined;
const redisVersion = redisServerVersion();

beforeAll(async () => {
  if (redisVersion) real = await startRealRedis();
  else console.log('protocol: no redis-server found; protocol errors are checked against recorded Redis 7.0.15 texts only');
});
afterAll(async () => {
  await real?.stop();
});

const open = () => RawClient.open(ours.port);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Send raw bytes on a fresh connection; what came back within `ms`, and whether the server closed it. */
async function exchange(port: number, bytes: string, ms = 150): Promise<{ out: string; closed: boolean }> {
  const c = await RawClient.open(port);
  c.send(bytes);
  const out = await c.drain(ms);
  const closed = c.closed;
  c.close();
  return { out, closed };
}

/** Hostile frames and what Redis 7.0.15 answers (recorded from a real server; re-checked live when installed). */
const PROTOCOL_CASES: readonly (readonly [string, string, boolean])[] = [
  ['*2147483648\r\n', '-ERR Protocol error: invalid multibulk length\r\n', true],
  ['*+1\r\n', '-ERR Protocol error: invalid multibulk length\r\n', true],
  ['*01\r\n', '-ERR Protocol error: invalid multibulk length\r\n', true],
  ['*a\r\n', '-ERR Protocol error: invalid multibulk length\r\n', true],
  ['*1\r\n$536870913\r\n', '-ERR Protocol error: invalid bulk length\r\n', true],
  ['*1\r\n$-1\r\n', '-ERR Protocol error: invalid bulk length\r\n', true],
  ['*1\r\nx\r\n', "-ERR Protocol error: expected '$', got 'x'\r\n", true],
  ['*1\r\n\r\n', "-ERR Protocol error: expected '$', got ' '\r\n", true],
  ['SET k "a\r\n', '-ERR Protocol error: unbalanced quotes in request\r\n', true],
  ['SET k \'a\'b\r\n', '-ERR Protocol error: unbalanced quotes in request\r\n', true],
  [`GET ${'x'.repeat(70000)}`, '-ERR Protocol error: too big inline request\r\n', true],
  [`*${'1'.repeat(70000)}`, '-ERR Protocol error: too big mbulk count string\r\n', true],
  [`*1\r\n$${'1'.repeat(70000)}`, '-ERR Protocol error: too big bulk count string\r\n', true],
  ['SET a 1\r\n*1\r\n$x\r\nGET a\r\n', '+OK\r\n-ERR Protocol error: invalid bulk length\r\n', true],
  // Not errors: accepted lengths wait for the data, *0 and negative counts are empty requests.
  ['*1048577\r\n', '', false],
  ['*1\r\n$536870912\r\n', '', false],
  ['*-5\r\n*0\r\nGET nokey\r\n', '$-1\r\n', false],
  ['*1\rX$3\r\nGETxx', "-ERR wrong number of arguments for 'get' command\r\n", false],
  ['GE\0T nokey\r\nGET nokey\r\n', '', false],
  ['QUIT now\r\nGET nokey\r\n', '+OK\r\n', true],
  ['MULTI\r\nQUIT\r\n', '+OK\r\n+OK\r\n', true],
];

/** Every protocol test runs twice: reads into the shared buffer (the default), and reads as 'data' events. */
describe.each([
  { reads: 'into the shared read buffer', directReads: true },
  { reads: "as 'data' events", directReads: false },
])('reads $reads', ({ directReads }) => {
  beforeAll(async () => {
    ours = await startOurServer('redis-7.0', { directReads });
  });
  afterAll(async () => {
    await ours?.stop();
  });

  it('reads the way it was asked to', async () => {
    const c = await open();
    expect(await c.call(['PING'])).toBe('+PONG\r\n');
    const conns = [...ours.server.connections()];
    expect(conns.length).toBeGreaterThan(0);
    for (const conn of conns) expect(conn.direct).toBe(directReads);
    c.close();
  });

  describe('inline commands and pipelines', () => {
    it('accepts inline commands as telnet users type them, quotes included', async () => {
      const c = await open();
      c.send('SET greeting "hello world"\r\nGET greeting\nGET \'greeting\'\r\n\r\n   \r\nDEL greeting\r\n');
      expect(await c.drain(100)).toBe('+OK\r\n$11\r\nhello world\r\n$11\r\nhello world\r\n:1\r\n');
      c.close();
    });

    it('answers a thousand pipelined commands in order', async () => {
      const c = await open();
      let req = '';
      let want = '';
      for (let i = 0; i < 1000; i++) {
        req += frame(['SET', `k${i}`, `v${i}`]) + frame(['GET', `k${i}`]);
        want += `+OK\r\n$${`v${i}`.length}\r\nv${i}\r\n`;
      }
      c.send(req);
      let got = '';
      while (got.length < want.length) got += (await c.reply()) ?? '(none)';
      expect(got).toBe(want);
      c.close();
    });

    it('reassembles frames split at every byte', async () => {
      const c = await open();
      const req = frame(['SET', 'split', 'a\r\nb']) + frame(['GET', 'split']);
      for (const ch of req) {
        c.send(ch);
        await sleep(0);
      }
      expect(await c.reply()).toBe('+OK\r\n');
      expect(await c.reply()).toBe('$4\r\na\r\nb\r\n');
      c.close();
    });

    it('reads a 5 MB argument that arrives in small pieces', async () => {
      const c = await open();
      const big = 'z'.repeat(5 * 1024 * 1024);
      const req = frame(['SET', 'big', big]);
      for (let i = 0; i < req.length; i += 64 * 1024) c.send(req.slice(i, i + 64 * 1024));
      expect(await c.reply(5000)).toBe('+OK\r\n');
      expect(await c.call(['STRLEN', 'big']).catch(() => null)).not.toBeNull();
      c.close();
    });

    it('serves hundreds of concurrent connections', async () => {
      const clients = await Promise.all(Array.from({ length: 200 }, () => open()));
      const results = await Promise.all(
        clients.map(async (c, i) => {
          await c.call(['SET', `conc${i}`, String(i)]);
          return c.call(['GET', `conc${i}`]);
        }),
      );
      results.forEach((r, i) => expect(r).toBe(`$${String(i).length}\r\n${i}\r\n`));
      for (const c of clients) c.close();
    });
  });

  describe('RESP3', () => {
    it('switches to RESP3 after HELLO 3 and back after RESET', async () => {
      const c = await open();
      expect(await c.call(['BLPOP', 'nolist', '0.01'])).toBe('*-1\r\n');
      const hello = (await c.call(['HELLO', '3'])) ?? '';
      expect(hello.startsWith('%')).toBe(true);
      expect(await c.call(['GET', 'nokey'])).toBe('_\r\n');
      expect(await c.call(['RESET'])).toBe('+RESET\r\n');
      expect(await c.call(['GET', 'nokey'])).toBe('$-1\r\n');
      c.close();
    });
  });

  describe('protocol errors', () => {
    const label = (input: string) => JSON.stringify(input.length > 40 ? `${input.slice(0, 30)}…(${input.length} bytes)` : input);
    const named = PROTOCOL_CASES.map(([input, want, closes]) => ({ name: `${label(input)} → ${JSON.stringify(want)}${closes ? ', closed' : ''}`, input, want, closes }));
    it.each(named)('$name', async ({ input, want, closes }) => {
      const got = await exchange(ours.port, input);
      expect(got).toEqual({ out: want, closed: closes });
      if (real) expect(await exchange(real.port, input), `redis-server ${real.port}`).toEqual(got);
    });

    it('refuses oversized lengths without allocating them', async () => {
      const before = process.memoryUsage().arrayBuffers;
      const c = await open();
      c.send('*1\r\n$536870912\r\n');
      await sleep(50);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
      c.close();
      const d = await open();
      d.send('*2000000\r\n$3\r\nGET\r\n');
      await sleep(50);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
      expect(d.closed).toBe(false);
      d.close();
    });

    it('survives thousands of random and truncated frames and keeps answering', async () => {
      const rand = randomInts(12345);
      const words = ['SET', 'GET', 'DEL', 'RPUSH', 'LPOP', 'MULTI', 'EXEC', 'XADD', 'XRANGE', 'k', '0', '-1', '*', '"', "'", '\\x', '\r', '\n', '\0', '$', '*'];
      const garbage = (): string => {
        let s = '';
        const kind = rand(4);
        if (kind === 0) for (let i = rand(40); i > 0; i--) s += String.fromCharCode(rand(256));
        else if (kind === 1) {
          const argv = Array.from({ length: 1 + rand(4) }, () => words[rand(words.length)]);
          s = frame(argv);
          s = s.slice(0, rand(s.length + 1));
        } else if (kind === 2) {
          for (let i = rand(6); i > 0; i--) s += words[rand(words.length)] + (rand(2) ? ' ' : '');
          s += rand(2) ? '\r\n' : '';
        } else {
          s = `*${rand(5) - 1}\r\n${rand(2) ? '$' : ''}${rand(100) - 2}\r\n${'a'.repeat(rand(10))}\r\n`;
        }
        return s;
      };
      const baseline = ours.server.engine.clients.size;
      for (let batch = 0; batch < 30; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, async () => {
            const s = connect(ours.port, '127.0.0.1');
            s.on('error', () => {});
            s.on('data', () => {});
            await new Promise<void>((resolve) => s.once('connect', () => resolve()));
            s.end(Buffer.from(garbage(), 'latin1'));
            await new Promise<void>((resolve) => s.once('close', () => resolve()));
          }),
        );
        const ok = await open();
        expect(await ok.call(['SET', 'alive', String(batch)])).toBe('+OK\r\n');
        ok.close();
      }
      for (let i = 0; i < 100 && ours.server.engine.clients.size > baseline; i++) await sleep(10);
      expect(ours.server.engine.clients.size).toBe(baseline);
      expect(ours.server.engine.blocking.nextDeadline()).toBe(Infinity);
    });
  });

  describe('blocking across connections', () => {
    it('wakes a blocked client with another connection’s push, then runs its pipelined commands', async () => {
      const alice = await open();
      const bob = await open();
      alice.send(frame(['BLPOP', 'jobs', '0']) + frame(['GET', 'nokey']));
      expect(await alice.drain(50)).toBe('');
      expect(await bob.call(['RPUSH', 'jobs', 'j1'])).toBe(':1\r\n');
      expect(await alice.reply()).toBe('*2\r\n$4\r\njobs\r\n$2\r\nj1\r\n');
      expect(await alice.reply()).toBe('$-1\r\n');
      alice.close();
      bob.close();
    });

    it('times out a BLOCK with the real clock', async () => {
      const c = await open();
      const t0 = Date.now();
      expect(await c.call(['BLPOP', 'never', '0.1'])).toBe('*-1\r\n');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
      c.close();
    });

    it('forgets a client that disconnects while blocked', async () => {
      const alice = await open();
      const bob = await open();
      const before = ours.server.engine.clients.size;
      alice.command(['BLPOP', 'orphan', '0']);
      expect(await alice.drain(50)).toBe('');
      alice.close();
      for (let i = 0; i < 100 && ours.server.engine.clients.size === before; i++) await sleep(5);
      expect(ours.server.engine.clients.size).toBe(before - 1);
      expect(await bob.call(['RPUSH', 'orphan', 'x'])).toBe(':1\r\n');
      expect(await bob.call(['LLEN', 'orphan'])).toBe(':1\r\n');
      bob.close();
    });
  });

  describe('slow readers', () => {
    it('stops executing a client’s input while its replies are not drained', async () => {
      const setup = await open();
      const value = 'v'.repeat(64 * 1024);
      expect(await setup.call(['SET', 'fat', value])).toBe('+OK\r\n');
      setup.close();
      const s = connect(ours.port, '127.0.0.1');
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
      s.pause();
      const n = 1000; // 64 MB of replies
      s.write(frame(['GET', 'fat']).repeat(n));
      await sleep(300);
      const backlog = Math.max(...[...ours.server.connections()].map((c) => c.socket.writableLength));
      expect(backlog).toBeLessThan(OUTPUT_HIGH_WATER + 2 * value.length);
      const conn = [...ours.server.connections()].find((c) => c.socket.writableLength === backlog);
      expect(conn?.parser.buffered ?? 0, 'requests left unexecuted').toBeGreaterThan(0);
      let received = '';
      let replies = 0;
      s.on('data', (d: Buffer) => {
        received += d.toString('latin1');
        for (let end = replyEnd(received, 0); end >= 0; end = replyEnd(received, 0)) {
          received = received.slice(end);
          replies++;
        }
      });
      s.resume();
      for (let i = 0; i < 500 && replies < n; i++) await sleep(10);
      expect(replies).toBe(n);
      s.destroy();
    });
  });
});

describe('npm run serve', () => {
  it('prints where it listens and answers', async () => {
    const tsx = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(import.meta.dirname, 'main.ts'), '--port', '0', '--profile', 'redis-7.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.trim());
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(line).toMatch(/^streams-playground RESP server \(redis-7\.0, redis_version 7\.0\.15\) listening on 127\.0\.0\.1:\d+$/);
      const port = Number(/:(\d+)$/.exec(line)?.[1]);
      const c = await RawClient.open(port);
      expect(await c.call(['PING'])).toBe('+PONG\r\n');
      c.close();
    } finally {
      child.kill();
    }
  }, 30_000);
});
