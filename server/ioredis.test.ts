/**
 * A real client library against our RESP server: ioredis drives a producer / consumer-group flow with XPENDING,
 * XCLAIM and XACK, and a blocking XREADGROUP that another connection's XADD wakes up.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOurServer, type OurServer } from './testing/real-redis.ts';

let ours: OurServer;
const clients: Redis[] = [];

/** A connection that fails fast instead of retrying forever (a broken server should fail the test, not hang it). */
function client(name: string): Redis {
  const r = new Redis({ port: ours.port, host: '127.0.0.1', connectionName: name, maxRetriesPerRequest: 0, retryStrategy: () => null });
  clients.push(r);
  return r;
}

beforeAll(async () => {
  ours = await startOurServer('redis-8');
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await ours?.stop();
});

describe('ioredis: producer and consumer group', () => {
  it('delivers, tracks pending, claims and acknowledges entries', async () => {
    const producer = client('producer');
    const alice = client('alice');
    const bob = client('bob');

    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await producer.xadd('orders', '*', 'item', `book-${i}`, 'qty', String(i))) ?? '');
    expect(ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);
    expect(await producer.xlen('orders')).toBe(3);
    expect(await producer.xgroup('CREATE', 'orders', 'shipping', '0')).toBe('OK');

    // alice reads two new entries: they become pending for her.
    const read = await alice.xreadgroup('GROUP', 'shipping', 'alice', 'COUNT', '2', 'STREAMS', 'orders', '>');
    expect(read).toEqual([
      ['orders', [[ids[0], ['item', 'book-1', 'qty', '1']], [ids[1], ['item', 'book-2', 'qty', '2']]]],
    ]);
    expect(await producer.xpending('orders', 'shipping')).toEqual([2, ids[0], ids[1], [['alice', '2']]]);
    const detail = (await producer.xpending('orders', 'shipping', '-', '+', '10')) as [string, string, number, number][];
    expect(detail.map(([id, consumer, , deliveries]) => [id, consumer, deliveries])).toEqual([
      [ids[0], 'alice', 1],
      [ids[1], 'alice', 1],
    ]);

    // bob takes over the first entry (min-idle 0), then acknowledges it; alice acknowledges the second.
    expect(await bob.xclaim('orders', 'shipping', 'bob', 0, ids[0])).toEqual([[ids[0], ['item', 'book-1', 'qty', '1']]]);
    expect(await producer.xpending('orders', 'shipping')).toEqual([2, ids[0], ids[1], [['alice', '1'], ['bob', '1']]]);
    expect(await bob.xack('orders', 'shipping', ids[0])).toBe(1);
    expect(await alice.xack('orders', 'shipping', ids[1], ids[1])).toBe(1);
    expect(await producer.xpending('orders', 'shipping')).toEqual([0, null, null, null]);

    // The third entry is still new for the group.
    const rest = await bob.xreadgroup('GROUP', 'shipping', 'bob', 'STREAMS', 'orders', '>');
    expect(rest).toEqual([['orders', [[ids[2], ['item', 'book-3', 'qty', '3']]]]]);
  });

  it('wakes a blocked XREADGROUP when another connection adds an entry', async () => {
    const producer = client('producer2');
    const carol = client('carol');
    await producer.xgroup('CREATE', 'events', 'audit', '$', 'MKSTREAM');
    const waiting = carol.xreadgroup('GROUP', 'audit', 'carol', 'BLOCK', '0', 'STREAMS', 'events', '>');
    await new Promise((r) => setTimeout(r, 50));
    const id = await producer.xadd('events', '*', 'kind', 'login');
    expect(await waiting).toEqual([['events', [[id, ['kind', 'login']]]]]);
    expect(await producer.xpending('events', 'audit')).toEqual([1, id, id, [['carol', '1']]]);
  });

  it('times out a blocked XREADGROUP with a null reply', async () => {
    const dave = client('dave');
    await dave.xgroup('CREATE', 'quiet', 'g', '$', 'MKSTREAM');
    const t0 = Date.now();
    expect(await dave.xreadgroup('GROUP', 'g', 'dave', 'BLOCK', '100', 'STREAMS', 'quiet', '>')).toBeNull();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
  });

  it('lists the real connections in CLIENT LIST', async () => {
    const erin = client('erin');
    await erin.ping();
    const list = (await erin.client('LIST')) as string;
    const line = list.split('\n').find((l) => / name=erin /.test(l)) ?? '';
    const local = erin.stream.localPort;
    expect(line).toContain(`addr=127.0.0.1:${local} `);
    expect(line).toContain(`laddr=127.0.0.1:${ours.port} `);
    const names = list.split('\n').filter((l) => l.includes(' name=')).length;
    expect(names).toBe([...ours.server.connections()].length);
  });
});
