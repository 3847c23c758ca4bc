/** The embed API's trust rules: which origins count, and which events may go to any origin. */
import { describe, expect, it } from 'vitest';
import { allowedOrigins, event, isPublicEvent, parseHostMessage } from './protocol.ts';

describe('allowed origins', () => {
  it('takes exact http(s) origins, comma-separated or repeated', () => {
    expect(allowedOrigins('?embed&origin=https://docs.example,http://localhost:3000&origin=https://b.example/')).toEqual([
      'https://docs.example',
      'http://localhost:3000',
      'https://b.example',
    ]);
  });
  it('ignores paths, wildcards, other schemes and junk, so they can never match', () => {
    expect(allowedOrigins('?origin=*&origin=https://docs.example/page&origin=javascript:alert(1)&origin=null&origin=')).toEqual([]);
  });
});

describe('events', () => {
  it('only ready and height may be posted to any origin', () => {
    expect(isPublicEvent(event('ready', {}))).toBe(true);
    expect(isPublicEvent(event('height', { height: 300 }))).toBe(true);
    expect(isPublicEvent(event('executed', { client: 'a', command: 'PING', reply: 'PONG\n' }))).toBe(false);
    expect(isPublicEvent(event('state', { cursor: 0, length: 0, streams: [] }))).toBe(false);
  });
});

describe('host messages', () => {
  it('keep the id for matching replies, even on an error', () => {
    expect(parseHostMessage({ v: 1, type: 'step', to: 3, id: 'q1' })).toEqual({ ok: true, msg: { v: 1, type: 'step', to: 3, id: 'q1' } });
    expect(parseHostMessage({ v: 1, type: 'step', to: -1, id: 'q2' })).toMatchObject({ ok: false, id: 'q2' });
  });
  it('load carries the scenario unread; restore() judges it', () => {
    expect(parseHostMessage({ v: 1, type: 'load', scenario: 'x', autoplay: true })).toEqual({ ok: true, msg: { v: 1, type: 'load', scenario: 'x', autoplay: true } });
    expect(parseHostMessage({ v: 1, type: 'load' }).ok).toBe(false);
  });
});
