/**
 * An estimate of the memory the keyspace holds, for the `maxmemory` budget (OOM replies) and INFO memory.
 * Streams keep their own running byte count; other types are summed on demand (they are small in a playground).
 */
import type { Engine } from './engine.ts';
import type { Value } from './keyspace.ts';

/** Fixed cost of an empty engine, so INFO shows a plausible used_memory. */
const BASE = 900_000;
const KEY_OVERHEAD = 64;

export function valueMemory(v: Value): number {
  switch (v.type) {
    case 'string':
      return 16 + v.v.length;
    case 'list': {
      let n = 32;
      for (const s of v.v) n += 12 + s.length;
      return n;
    }
    case 'set': {
      let n = 64;
      for (const s of v.v) n += 24 + s.length;
      return n;
    }
    case 'stream':
      return v.v.memoryBytes();
  }
}

export function estimateMemory(engine: Engine): number {
  let total = BASE;
  for (const db of engine.dbs) {
    for (const [key, v] of db.keys) total += KEY_OVERHEAD + key.length + valueMemory(v);
  }
  return total;
}
