import { describe, expect, it } from 'vitest';
import { formatReply, type Reply } from '../../engine/index.ts';
import { formatChunks } from './format.ts';

const entry = (i: number): Reply => [`${i}-0`, ['f', 'v']];

describe('formatChunks', () => {
  it('joins to exactly what formatReply prints, in several chunks for big replies', () => {
    const big: Reply = Array.from({ length: 1234 }, (_, i) => entry(i));
    const chunks = [...formatChunks(big, 100)];
    expect(chunks.length).toBe(13);
    expect(chunks.join('')).toBe(formatReply(big));
  });

  it('formats RESP3 maps the same way', () => {
    const map: Reply = { t: 'map', v: Array.from({ length: 30 }, (_, i) => [`k${i}`, { t: 'int', v: i }] as [Reply, Reply]) };
    expect([...formatChunks(map, 7)].join('')).toBe(formatReply(map));
  });

  it('puts a map value printed on several lines on its own line, as formatReply does (RESP3 COMMAND DOCS)', () => {
    const doc = (i: number): Reply => ({ t: 'map', v: [['summary', `command ${i}`], ['since', '1.0.0']] });
    const map: Reply = { t: 'map', v: Array.from({ length: 250 }, (_, i) => [`cmd${i}`, doc(i)] as [Reply, Reply]) };
    const joined = [...formatChunks(map, 100)].join('');
    expect(joined).toBe(formatReply(map));
    expect(joined.startsWith('  1# "cmd0" => \n     1# "summary" => "command 0"\n')).toBe(true);
  });
});
