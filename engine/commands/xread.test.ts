/** XREAD / XREADGROUP reply shapes that transcripts cannot show: RESP3's top-level map. */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { Engine } from '../engine.ts';
import { encode } from '../reply.ts';

function engineWith(commands: string[][]): { engine: Engine; client: number } {
  const engine = new Engine({ clock: new VirtualClock(1_700_000_000_000, 0) });
  const client = engine.connect();
  for (const argv of commands) engine.exec(client, argv);
  return { engine, client };
}

describe('XREAD RESP3', () => {
  it('answers a map of key to entries, and _ when nothing is served', () => {
    const { engine, client } = engineWith([['XADD', 's', '1-0', 'a', '1'], ['HELLO', '3']]);
    const r = engine.exec(client, ['XREAD', 'STREAMS', 's', '0']).reply;
    expect(r && encode(r, 3)).toBe('%1\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
    const none = engine.exec(client, ['XREAD', 'STREAMS', 's', '1-0']).reply;
    expect(none && encode(none, 3)).toBe('_\r\n');
  });

  it('keeps pairs per stream in RESP2', () => {
    const { engine, client } = engineWith([['XADD', 's', '1-0', 'a', '1']]);
    const r = engine.exec(client, ['XREAD', 'STREAMS', 's', '0']).reply;
    expect(r && encode(r, 2)).toBe('*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n');
  });
});

describe('XREADGROUP RESP3', () => {
  it('answers a map with a deleted entry as [id, _]', () => {
    const { engine, client } = engineWith([
      ['XADD', 's', '1-0', 'a', '1'],
      ['XGROUP', 'CREATE', 's', 'g', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'],
      ['XDEL', 's', '1-0'],
      ['HELLO', '3'],
    ]);
    const r = engine.exec(client, ['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '0']).reply;
    expect(r && encode(r, 3)).toBe('%1\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n1-0\r\n_\r\n');
  });
});
