/** Starting a real redis-server for the differential tests survives losing its port to another process. */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, redisServerVersion, startRealRedis, tryStartRealRedis } from './real-redis.ts';

const listen = (server: Server, port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

describe.skipIf(!redisServerVersion())('startRealRedis', () => {
  const taken: Server[] = [];
  afterEach(() => {
    for (const s of taken.splice(0)) s.close();
  });

  it('refuses a port that another process answers on, even one that speaks RESP', async () => {
    const port = await freePort();
    const impostor = createServer((sock) => sock.on('data', () => sock.write('$27\r\nredis_version:7.0.15\r\nfoo:1\r\n\r\n')));
    taken.push(impostor);
    await listen(impostor, port);
    expect(await tryStartRealRedis(port)).toBe(`port ${port} answered for another process`);
  });

  it('reports a redis-server that could not bind its port', async () => {
    const port = await freePort();
    const silent = createServer(() => {});
    taken.push(silent);
    await listen(silent, port);
    expect(await tryStartRealRedis(port)).toMatch(/another process|\(redis-server exited\)/);
  });

  it('starts one it can talk to, and stops it', async () => {
    const real = await startRealRedis();
    expect(real.version).toMatch(/^\d+\.\d+\.\d+$/);
    await real.stop();
    const again = createServer();
    taken.push(again);
    await listen(again, real.port); // the stopped server let its port go
    expect(again.listening).toBe(true);
  });
});
