import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/index.ts';
import { plan } from './model.ts';
import { consumerV, groupV, streamV, tokenV, viewV, T0 } from './fixtures.ts';

const g = { db: 0, key: 's', group: 'g' } as const;
const moves = (events: EngineEvent[], prev = viewV([]), next = viewV([])) =>
  plan(prev, next, events).animations.map((a) => `${a.kind} ${a.subject} ${a.from} -> ${a.to}`);

describe('plan: one animation per kind of event, from where the thing was to where it goes', () => {
  it('XADD appends: the entry arrives at the tail end of the stream', () => {
    expect(moves([{ type: 'entry-added', db: 0, key: 's', id: '1-0', fields: ['f', 'v'] }])).toEqual([
      'append entry:0:s:1-0 inlet:0:s -> entry:0:s:1-0',
    ]);
  });

  it('a > read moves a copy of each entry into the consumer lane, and moves the group cursor', () => {
    const prev = viewV([streamV('s', ['1-0', '2-0'], [groupV('g', '0-0')])]);
    const events: EngineEvent[] = [
      { type: 'delivered', ...g, consumer: 'alice', via: 'new', noack: false, entries: [{ id: '1-0', count: 1 }, { id: '2-0', count: 1 }], missing: [] },
      { type: 'group-cursor-moved', ...g, lastId: '2-0', entriesRead: 2, cause: 'read' },
    ];
    expect(moves(events, prev)).toEqual([
      'deliver token:0:s:g:1-0 entry:0:s:1-0 -> lane:0:s:g:alice',
      'deliver token:0:s:g:2-0 entry:0:s:2-0 -> lane:0:s:g:alice',
      'cursor cursor:0:s:g cursor:0:s:g -> cursor:0:s:g',
    ]);
  });

  it('NOACK reads pass through to the lane without creating tokens', () => {
    const e: EngineEvent = { type: 'delivered', ...g, consumer: 'bob', via: 'new', noack: true, entries: [{ id: '1-0', count: 0 }], missing: [] };
    expect(moves([e])).toEqual(['noack entry:0:s:1-0 entry:0:s:1-0 -> lane:0:s:g:bob']);
  });

  it('history reads pulse the re-delivered tokens where they are, including deleted ones', () => {
    const e: EngineEvent = { type: 'delivered', ...g, consumer: 'alice', via: 'history', noack: false, entries: [{ id: '1-0', count: 2 }], missing: ['3-0'] };
    expect(moves([e])).toEqual([
      'pulse token:0:s:g:1-0 token:0:s:g:1-0 -> token:0:s:g:1-0',
      'pulse token:0:s:g:3-0 token:0:s:g:3-0 -> token:0:s:g:3-0',
    ]);
  });

  it('XACK moves each token from its owner lane (or the unowned zone) to the acknowledged area', () => {
    const e: EngineEvent = { type: 'acked', ...g, ids: ['1-0', '2-0'], owners: ['alice', null] };
    expect(moves([e])).toEqual([
      'ack token:0:s:g:1-0 lane:0:s:g:alice -> acked:0:s:g',
      'ack token:0:s:g:2-0 unowned:0:s:g -> acked:0:s:g',
    ]);
  });

  it('XCLAIM, XAUTOCLAIM and XREADGROUP CLAIM move tokens between lanes, labelled with the new count', () => {
    const e: EngineEvent = { type: 'claimed', ...g, consumer: 'bob', via: 'xautoclaim', entries: [{ id: '1-0', count: 2, from: 'alice' }, { id: '4-0', count: 1, from: null }] };
    const p = plan(null, viewV([]), [e]);
    expect(p.animations.map((a) => `${a.from} -> ${a.to} ${a.label}`)).toEqual([
      'lane:0:s:g:alice -> lane:0:s:g:bob 1-0 ×2',
      'unowned:0:s:g -> lane:0:s:g:bob 4-0 ×1',
    ]);
  });

  it('XNACK returns tokens to the group, unowned', () => {
    const e: EngineEvent = { type: 'nacked', ...g, mode: 'silent', entries: [{ id: '1-0', count: 1, from: 'alice' }] };
    expect(moves([e])).toEqual(['nack token:0:s:g:1-0 lane:0:s:g:alice -> unowned:0:s:g']);
  });

  it('XDEL leaves a tombstone where the entry was, and its pending references turn into ghosts', () => {
    const next = viewV([streamV('s', ['1-0'], [groupV('g', '2-0', [consumerV('alice', [tokenV('2-0', 1, true)])])])]);
    const e: EngineEvent = { type: 'entries-deleted', db: 0, key: 's', cause: 'xdel', ids: ['2-0'], refs: 'keepref', dangling: 1 };
    expect(moves([e], viewV([]), next)).toEqual([
      'tombstone entry:0:s:2-0 entry:0:s:2-0 -> stream:0:s',
      'ghost entry:0:s:2-0 entry:0:s:2-0 -> token:0:s:g:2-0',
    ]);
  });

  it('trimming slides the head out; entries beyond the listed IDs count as skipped', () => {
    const e: EngineEvent = { type: 'entries-trimmed', db: 0, key: 's', cause: 'xadd', count: 5, ids: ['1-0', '2-0'], refs: 'keepref', dangling: 0 };
    const p = plan(null, viewV([]), [e]);
    expect(p.animations.map((a) => `${a.kind} ${a.from} -> ${a.to}`)).toEqual([
      'trim entry:0:s:1-0 -> outlet:0:s',
      'trim entry:0:s:2-0 -> outlet:0:s',
    ]);
    expect(p.skipped).toBe(3);
  });

  it('DELREF / clean-up and XGROUP DELCONSUMER drop tokens out of the diagram', () => {
    expect(
      moves([
        { type: 'refs-removed', ...g, ids: ['2-0'] },
        { type: 'consumer-deleted', ...g, consumer: 'alice', dropped: ['3-0'] },
      ]),
    ).toEqual([
      'drop token:0:s:g:2-0 token:0:s:g:2-0 -> outlet:0:s',
      'drop token:0:s:g:3-0 lane:0:s:g:alice -> outlet:0:s',
    ]);
  });

  it('plain XREAD sends copies to the reader, without a group', () => {
    expect(moves([{ type: 'read', db: 0, key: 's', client: 3, ids: ['1-0'] }])).toEqual(['read entry:0:s:1-0 entry:0:s:1-0 -> reader:3']);
  });

  it('a blocked client appears waiting; the XADD that serves it draws the wake-up from the new entry', () => {
    expect(moves([{ type: 'blocked', client: 2, db: 0, keys: ['s'], command: 'xread', deadline: T0 + 1000 }])).toEqual([
      'block blocked:2 stream:0:s -> blocked:2',
    ]);
    const prev = viewV([], {
      blocked: [{ client: 2, name: 'w', db: 0, command: 'XREAD', keys: ['s'], after: ['$'], deadline: null, group: null, consumer: null }],
    });
    const events: EngineEvent[] = [
      { type: 'entry-added', db: 0, key: 's', id: '5-0', fields: [] },
      { type: 'read', db: 0, key: 's', client: 2, ids: ['5-0'] },
      { type: 'unblocked', client: 2, reason: 'served' },
    ];
    expect(moves(events, prev).slice(2)).toEqual(['wake entry:0:s:5-0 entry:0:s:5-0 -> blocked:2']);
    expect(moves([{ type: 'unblocked', client: 2, reason: 'timeout' }], prev)).toEqual(['timeout blocked:2 blocked:2 -> blocked:2']);
  });

  it('caps a big batch and counts what it left out', () => {
    const events: EngineEvent[] = Array.from({ length: 100 }, (_, i) => ({ type: 'entry-added', db: 0, key: 's', id: `${i + 1}-0`, fields: [] }));
    const p = plan(null, viewV([]), events, 10);
    expect(p.animations).toHaveLength(10);
    expect(p.skipped).toBe(90);
  });

  it('ignores events that have nothing to move', () => {
    expect(moves([{ type: 'clock-changed', now: T0 }, { type: 'config-changed', name: 'x', value: 'y' }])).toEqual([]);
  });
});
