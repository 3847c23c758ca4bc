/**
 * Structural invariants of the engine's data, checked by the property tests after every command.
 * Returns a list of violations (empty when all hold).
 */
import type { Engine } from '../engine.ts';
import { compareIds, formatId, MIN_ID } from '../ids.ts';
import type { Stream } from '../stream.ts';

export function checkInvariants(engine: Engine): string[] {
  const out: string[] = [];
  for (const db of engine.dbs) {
    for (const [key, v] of db.keys) {
      if (v.type === 'stream') checkStream(`db${db.index}:${key}`, v.v, out);
    }
    for (const key of db.expires.keys()) if (!db.keys.has(key)) out.push(`db${db.index}: TTL on missing key ${key}`);
  }
  for (const c of engine.clients.values()) {
    if (c.blocked && !engine.blocking.clients().includes(c)) out.push(`client ${c.id} blocked but not registered`);
  }
  for (const c of engine.blocking.clients()) {
    if (!engine.clients.has(c.id)) out.push(`registry holds disconnected client ${c.id}`);
  }
  return out;
}

function checkStream(name: string, s: Stream, out: string[]): void {
  let live = 0;
  let prevLast = undefined as ReturnType<Stream['nodes'][number]['idAt']> | undefined;
  let firstLive = undefined as ReturnType<Stream['nodes'][number]['idAt']> | undefined;
  for (const node of s.nodes) {
    if (node.live + node.deleted !== node.len) out.push(`${name}: node ${formatId(node.master)} counters`);
    if (node.len === 0) out.push(`${name}: empty node ${formatId(node.master)}`);
    if (compareIds(node.idAt(0), node.master) !== 0) out.push(`${name}: node master is not its first ID`);
    for (let i = 0; i < node.len; i++) {
      const id = node.idAt(i);
      if (prevLast && compareIds(prevLast, id) >= 0) out.push(`${name}: IDs not increasing at ${formatId(id)}`);
      prevLast = id;
      if (!node.isDeleted(i)) {
        live++;
        firstLive ??= id;
      }
    }
  }
  if (live !== s.length) out.push(`${name}: length ${s.length} but ${live} live entries`);
  if (prevLast && compareIds(prevLast, s.lastId) > 0) out.push(`${name}: entry beyond last-generated-id`);
  const expectedFirst = firstLive ?? MIN_ID;
  if (compareIds(expectedFirst, s.firstId) !== 0) {
    out.push(`${name}: first-id ${formatId(s.firstId)} but first live entry ${formatId(expectedFirst)}`);
  }
  if (s.entriesAdded < s.length) out.push(`${name}: entries-added ${s.entriesAdded} < length ${s.length}`);
  for (const g of s.groups.values()) {
    const gname = `${name} group ${g.name}`;
    if (g.entriesRead < -1) out.push(`${gname}: entries-read ${g.entriesRead}`);
    let owned = 0;
    for (const c of g.consumers.values()) {
      for (const pe of c.pel.values()) {
        owned++;
        if (g.pel.get(pe) !== pe) out.push(`${gname}: ${c.name} holds ${formatId(pe)} not shared with the group PEL`);
        if (pe.consumer !== c) out.push(`${gname}: ${formatId(pe)} in ${c.name}'s PEL but owned by ${pe.consumer?.name}`);
      }
    }
    let unowned = 0;
    for (const pe of g.pel.values()) {
      if (pe.consumer === null) {
        unowned++;
        if (!g.nacked.includes(pe)) out.push(`${gname}: unowned ${formatId(pe)} missing from the NACK order`);
      } else if (g.consumers.get(pe.consumer.name) !== pe.consumer) {
        out.push(`${gname}: ${formatId(pe)} owned by a consumer not in the group`);
      } else if (pe.consumer.pel.get(pe) !== pe) {
        out.push(`${gname}: ${formatId(pe)} missing from ${pe.consumer.name}'s PEL`);
      }
    }
    if (owned + unowned !== g.pel.size) {
      out.push(`${gname}: group PEL ${g.pel.size} ≠ consumer PELs ${owned} + unowned ${unowned}`);
    }
    if (g.nacked.length !== unowned) out.push(`${gname}: NACK order holds ${g.nacked.length}, unowned ${unowned}`);
  }
}
