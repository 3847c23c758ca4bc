/**
 * A real redis-server for differential tests and benchmarks: started on a free loopback port with persistence
 * off, stopped by its pid. The binary is `$REDIS_SERVER` or `redis-server` on PATH.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Engine, type ProfileName } from '../../engine/index.ts';
import { RespServer, type ServerOptions } from '../server.ts';
import { RawClient } from './raw-client.ts';

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER || 'redis-server';

/**
 * The redis-server binary's version (`redis-server --version`), or undefined when it cannot run. Synchronous so
 * tests can decide what to compare (and `skipIf`) while they are being collected.
 */
export function redisServerVersion(): string | undefined {
  const r = spawnSync(REDIS_SERVER_BIN, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return /Redis server v=([\d.]+)/.exec(r.stdout)?.[1];
}

/** A free TCP port on loopback (asks the OS, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface RealRedis {
  readonly port: number;
  /** redis_version from INFO server. */
  readonly version: string;
  stop(): Promise<void>;
}

/**
 * Start redis-server on a free port. The port is free when asked for but released before redis-server binds it, so
 * another process may take it in between: then redis-server exits, or (worse) the port answers for another
 * server. The `process_id` in INFO tells them apart; either way this tries again on another port.
 */
export async function startRealRedis(): Promise<RealRedis> {
  const ATTEMPTS = 5;
  for (let attempt = 1; ; attempt++) {
    const started = await tryStartRealRedis(await freePort());
    if (typeof started !== 'string') return started;
    if (attempt === ATTEMPTS) throw new Error(`redis-server did not start (${ATTEMPTS} attempts; last: ${started})`);
  }
}

/** One attempt on one port: the running server, or why it failed (exported for its test). */
export async function tryStartRealRedis(port: number): Promise<RealRedis | string> {
  const child: ChildProcess = spawn(
    REDIS_SERVER_BIN,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
    { stdio: 'ignore' },
  );
  let gone = false;
  const exited = new Promise<void>((resolve) => {
    const end = () => {
      gone = true;
      resolve();
    };
    child.once('exit', end);
    child.once('error', end); // could not be spawned at all (then there is no 'exit')
  });
  const stop = async () => {
    if (!gone) child.kill('SIGTERM');
    await exited;
  };
  let client: RawClient | undefined;
  for (let i = 0; i < 100 && !client && !gone; i++) {
    try {
      client = await RawClient.open(port);
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (!client) {
    const why = gone ? 'redis-server exited' : 'redis-server did not answer';
    await stop();
    return `nothing answered on port ${port} (${why})`;
  }
  const info = (await client.call(['INFO', 'server'])) ?? '';
  client.close();
  if (/process_id:(\d+)/.exec(info)?.[1] !== String(child.pid)) {
    await stop();
    return `port ${port} answered for another process`;
  }
  const version = /redis_version:([\d.]+)/.exec(info)?.[1] ?? '0';
  return { port, version, stop };
}

/** The engine profile that reproduces a given real server version. */
export function profileFor(version: string): ProfileName {
  const [major, minor] = version.split('.').map(Number);
  if (major < 8) return 'redis-7.0';
  if (major === 8 && minor === 0) return 'redis-8.0';
  return 'redis-8';
}

export interface OurServer {
  readonly port: number;
  readonly server: RespServer;
  stop(): Promise<void>;
}

/** Our RESP server, in this process, on a free loopback port. */
export async function startOurServer(profile: ProfileName = 'redis-7.0', opts: ServerOptions = {}): Promise<OurServer> {
  const server = new RespServer(new Engine({ events: false, profile }), opts);
  const addr = await server.listen({ port: 0 });
  return { port: addr.port, server, stop: () => server.close() };
}
