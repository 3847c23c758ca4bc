/**
 * Listpack size arithmetic (listpack.c encodings), pinned two ways: element sizes from the encoding rules, and
 * node splits observed on redis-server 7.0.15 while sweeping `stream-node-max-bytes` byte by byte (a split moves
 * when lp_bytes is off by a single byte, so these tables fix lp_bytes exactly).
 */
import { describe, expect, it } from 'vitest';
import { backlenSize, intElementSize, stringAsInt, stringElementSize } from './listpack.ts';
import { Stream } from './stream.ts';

describe('listpack element sizes (encoding + backlen)', () => {
  it('integers: 7-bit, 13-bit, 16-bit, 24-bit, 32-bit, 64-bit', () => {
    const sizes = [0, 127, 128, -1, 4095, -4096, 4096, 32767, -32768, 32768, 8388607, -8388608, 8388608, 2147483647, -2147483648, 2147483648];
    expect(sizes.map((v) => intElementSize(v))).toEqual([2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 10]);
    expect(intElementSize(-9223372036854775808n)).toBe(10);
  });
  it('strings: 6-bit, 12-bit and 32-bit lengths, backlen growing at 128 bytes', () => {
    const lens = [0, 1, 63, 64, 126, 127, 4095, 4096, 16381, 16382];
    expect(lens.map((n) => stringElementSize('s'.repeat(n)))).toEqual([2, 3, 65, 67, 130, 131, 4099, 4103, 16389, 16390]);
  });
  it('backlen sizes', () => {
    expect([1, 127, 128, 16382, 16383, 2097151].map(backlenSize)).toEqual([1, 1, 2, 2, 3, 4]);
  });
  it('strings stored as integers only in canonical int64 form', () => {
    expect(['0', '-1', '123', '9223372036854775807', '-9223372036854775808'].map(stringAsInt)).toEqual([0, -1, 123, 9223372036854775807n, -9223372036854775808n]);
    expect(['', '-', '-0', '007', '+5', '1.5', ' 1', '9223372036854775808', '99999999999999999999'].map(stringAsInt)).toEqual(Array(9).fill(undefined));
    expect(stringElementSize('12345')).toBe(intElementSize(12345));
    expect(stringElementSize('012345')).toBe(8);
  });
});

/** The entries of each sweep: 20 per stream, built the same way as the probe that produced the tables. */
const S = (n: number) => 's'.repeat(n);
const GEN: Record<string, (i: number) => [number | bigint, number | bigint, string[]]> = {
  tiny: (i) => [i, 0, ['f', 'v']],
  s62: (i) => [i, 0, ['f', S(62)]],
  s63: (i) => [i, 0, ['f', S(63)]],
  s64: (i) => [i, 0, ['f', S(64)]],
  s125: (i) => [i, 0, ['f', S(125)]],
  s126: (i) => [i, 0, ['f', S(126)]],
  s127: (i) => [i, 0, ['f', S(127)]],
  i127: (i) => [i, 0, ['f', String(127 + i)]],
  i4095: (i) => [i, 0, ['f', String(4090 + i), 'g', String(-4090 - i)]],
  i32767: (i) => [i, 0, ['f', String(32760 + i), 'g', String(-32760 - i)]],
  i8M: (i) => [i, 0, ['f', String(8388600 + i), 'g', String(-8388600 - i)]],
  i2G: (i) => [i, 0, ['f', String(2147483640 + i), 'g', String(-2147483640 - i)]],
  i64: (i) => [i, 0, ['f', String(9223372036854775800n + BigInt(i % 7)), 'g', '-9223372036854775808']],
  notint: (i) => [i, 0, ['f', '0' + i, 'g', '-0', 'h', '+5', 'k', '99999999999999999999']],
  msdelta: (i) => [1700000000000 + i * i * 40000, i * 5000, ['f', 'v']],
  bigms: (i) => [18446744073709551000n + BigInt(i), 18446744073709551000n + BigInt(i), ['f', 'v']],
  fields: (i) => [i, 0, [`f${i % 3}`, 'v', 'x'.repeat(i % 5), 'y']],
};

/** `B:n` = from stream-node-max-bytes B upwards (until the next pair), 20 entries make n nodes. B runs 30..699. */
const SPLITS_7_0_15: Record<string, string> = {
  tiny: '30:20 32:10 43:7 54:5 65:4 87:3 120:2 230:1',
  s62: '30:20 154:10 226:7 298:5 370:4 514:3',
  s63: '30:20 156:10 229:7 302:5 375:4 521:3',
  s64: '30:20 159:10 234:7 309:5 384:4 534:3',
  s125: '30:20 281:10 417:7 553:5 689:4',
  s126: '30:20 284:10 422:7 560:5 698:4',
  s127: '30:20 286:10 425:7 564:5',
  i127: '30:20 34:10 45:7 56:5 67:4 89:3 122:2 232:1',
  i4095: '30:20 47:17 49:10 61:9 65:7 78:6 81:5 97:4 129:3 177:2 326:1',
  i32767: '30:20 51:16 53:10 67:9 71:7 83:6 89:5 107:4 142:3 197:2 362:1',
  i8M: '30:20 57:16 59:10 75:9 79:7 93:6 99:5 119:4 158:3 219:2 404:1',
  i2G: '30:20 65:16 73:10 85:9 101:7 105:6 129:5 157:4 185:3 269:2 517:1',
  i64: '30:20 91:10 119:7 147:5 175:4 231:3 315:2 595:1',
  notint: '30:20 100:16 101:15 102:10 142:9 145:7 184:6 188:5 231:4 315:3 446:2',
  msdelta: '30:20 32:10 48:7 64:5 80:4 112:3 163:2 337:1',
  bigms: '30:20 32:10 43:7 54:5 65:4 87:3 120:2 230:1',
  fields: '30:20 41:17 43:16 44:12 47:10 65:9 68:8 71:7 91:6 94:5 116:4 164:3 236:2 467:1',
};

function nodesAt(gen: (i: number) => [number | bigint, number | bigint, string[]], maxBytes: number): number {
  const s = new Stream();
  for (let i = 1; i <= 20; i++) {
    const [ms, seq, fv] = gen(i);
    s.append({ ms, seq }, fv, 100, maxBytes);
  }
  return s.nodeCount;
}

describe('node splits under stream-node-max-bytes match redis-server 7.0.15 byte for byte', () => {
  for (const [name, table] of Object.entries(SPLITS_7_0_15)) {
    it(name, () => {
      const changes: string[] = [];
      let prev = -1;
      for (let b = 30; b < 700; b++) {
        const n = nodesAt(GEN[name], b);
        if (n !== prev) changes.push(`${b}:${n}`);
        prev = n;
      }
      expect(changes.join(' ')).toBe(table);
    });
  }
});
