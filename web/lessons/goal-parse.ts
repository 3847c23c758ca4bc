/**
 * Validation of a goal written in a lesson file: `unknown` in, a typed Goal or a message naming the field out.
 * Every predicate has exactly one kind key (all, any, not, stream, group, consumer, pending, deliveryCount,
 * clock, client, key); unknown fields are refused so that a typo cannot silently weaken a goal.
 */
import { parseId } from '../../engine/ids.ts';
import { LESSON_LIMITS } from './format.ts';
import type { Goal, Num } from './goal.ts';

export class GoalError extends Error {}

type O = Readonly<Record<string, unknown>>;
const KINDS = ['all', 'any', 'not', 'stream', 'group', 'consumer', 'pending', 'deliveryCount', 'clock', 'client', 'key'] as const;

const isO = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, at: string, allowed: readonly string[]): O {
  if (!isO(v)) throw new GoalError(`${at} should be an object`);
  const extra = Object.keys(v).filter((k) => !allowed.includes(k));
  if (extra.length) throw new GoalError(`${at} has an unknown field "${extra[0].slice(0, 40)}" (allowed: ${allowed.join(', ')})`);
  return v;
}

function text(v: unknown, at: string, max = 512): string {
  if (typeof v !== 'string' || v === '') throw new GoalError(`${at} should be non-empty text`);
  if (v.length > max) throw new GoalError(`${at} is longer than ${max} characters`);
  return v;
}

function id(v: unknown, at: string): string {
  const s = text(v, at, 60);
  if (!parseId(s)) throw new GoalError(`${at} "${s}" is not a stream ID (like 1-0 or 1700000000000-3)`);
  return s;
}

function ids(v: unknown, at: string): string[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > 100) throw new GoalError(`${at} should be a list of 1 to 100 stream IDs`);
  return v.map((x, i) => id(x, `${at}[${i}]`));
}

function int(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new GoalError(`${at} should be a whole number`);
  return v;
}

function bool(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw new GoalError(`${at} should be true or false`);
  return v;
}

function num(v: unknown, at: string): Num {
  if (typeof v === 'number') return int(v, at);
  if (!isO(v)) throw new GoalError(`${at} should be a whole number or a range like { "atLeast": 2 }`);
  const o = obj(v, at, ['equals', 'atLeast', 'atMost']);
  if (Object.keys(o).length === 0) throw new GoalError(`${at} should give equals, atLeast or atMost`);
  return {
    ...(o.equals !== undefined ? { equals: int(o.equals, `${at}.equals`) } : {}),
    ...(o.atLeast !== undefined ? { atLeast: int(o.atLeast, `${at}.atLeast`) } : {}),
    ...(o.atMost !== undefined ? { atMost: int(o.atMost, `${at}.atMost`) } : {}),
  };
}

/** Copy the optional fields present, each through its checker. */
function pick<T>(o: O, at: string, spec: Readonly<Record<string, (v: unknown, at: string) => unknown>>): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(spec)) if (o[k] !== undefined) out[k] = f(o[k], `${at}.${k}`);
  return out as Partial<T>;
}

const name = (v: unknown, at: string) => text(v, at, 256);
const fields = (v: unknown, at: string): Record<string, string> => {
  if (!isO(v) || Object.keys(v).length === 0) throw new GoalError(`${at} should be an object of field names to values`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw new GoalError(`${at}.${k} should be text`);
    out[k] = x;
  }
  return out;
};

interface Budget {
  nodes: number;
}

export function parseGoal(v: unknown, at = 'goal.check'): Goal {
  return goal(v, at, 0, { nodes: 0 });
}

function goal(v: unknown, at: string, depth: number, b: Budget): Goal {
  if (++b.nodes > LESSON_LIMITS.goalNodes) throw new GoalError(`the goal has more than ${LESSON_LIMITS.goalNodes} predicates`);
  if (depth > LESSON_LIMITS.goalDepth) throw new GoalError(`${at} nests deeper than ${LESSON_LIMITS.goalDepth} levels`);
  if (!isO(v)) throw new GoalError(`${at} should be an object`);
  const kinds = KINDS.filter((k) => k in v);
  if (kinds.length !== 1) throw new GoalError(`${at} should have exactly one of ${KINDS.join(', ')}`);
  const label = v.label !== undefined ? { label: text(v.label, `${at}.label`, 300) } : {};
  const list = (x: unknown, where: string): Goal[] => {
    if (!Array.isArray(x) || x.length === 0) throw new GoalError(`${where} should be a non-empty list of goals`);
    return x.map((g, i) => goal(g, `${where}[${i}]`, depth + 1, b));
  };
  switch (kinds[0]) {
    case 'all':
      obj(v, at, ['all', 'label']);
      return { all: list(v.all, `${at}.all`), ...label };
    case 'any':
      obj(v, at, ['any', 'label']);
      return { any: list(v.any, `${at}.any`), ...label };
    case 'not':
      obj(v, at, ['not', 'label']);
      return { not: goal(v.not, `${at}.not`, depth + 1, b), ...label };
    case 'stream': {
      const o = obj(v, at, ['stream', 'label', 'exists', 'length', 'entriesAdded', 'lastId', 'firstId', 'maxDeletedId', 'has', 'lacks', 'withFields', 'count']);
      if (o.count !== undefined && o.withFields === undefined) throw new GoalError(`${at}.count counts entries matching withFields; give withFields (or use length)`);
      return {
        ...pick(o, at, { exists: bool, length: num, entriesAdded: num, lastId: id, firstId: id, maxDeletedId: id, has: ids, lacks: ids, withFields: fields, count: num }),
        stream: name(o.stream, `${at}.stream`),
        ...label,
      };
    }
    case 'group': {
      const o = obj(v, at, ['group', 'label']);
      const g = obj(o.group, `${at}.group`, ['stream', 'name', 'exists', 'lastId', 'entriesRead', 'lag', 'consumers', 'pending']);
      return {
        group: { ...pick(g, `${at}.group`, { exists: bool, lastId: id, entriesRead: num, lag: num, consumers: num, pending: num }), stream: name(g.stream, `${at}.group.stream`), name: name(g.name, `${at}.group.name`) },
        ...label,
      };
    }
    case 'consumer': {
      const o = obj(v, at, ['consumer', 'label']);
      const c = obj(o.consumer, `${at}.consumer`, ['stream', 'group', 'name', 'exists', 'pending']);
      const w = `${at}.consumer`;
      return { consumer: { ...pick(c, w, { exists: bool, pending: num }), stream: name(c.stream, `${w}.stream`), group: name(c.group, `${w}.group`), name: name(c.name, `${w}.name`) }, ...label };
    }
    case 'pending': {
      const o = obj(v, at, ['pending', 'label']);
      const w = `${at}.pending`;
      const p = obj(o.pending, w, ['stream', 'group', 'consumer', 'ids', 'ghost', 'minDeliveries', 'count']);
      const consumer = p.consumer === undefined ? {} : { consumer: p.consumer === null ? null : name(p.consumer, `${w}.consumer`) };
      return { pending: { ...pick(p, w, { ids, ghost: bool, minDeliveries: int, count: num }), ...consumer, stream: name(p.stream, `${w}.stream`), group: name(p.group, `${w}.group`) }, ...label };
    }
    case 'deliveryCount': {
      const o = obj(v, at, ['deliveryCount', 'label']);
      const w = `${at}.deliveryCount`;
      const d = obj(o.deliveryCount, w, ['stream', 'group', 'id', 'equals', 'atLeast', 'atMost']);
      if (d.equals === undefined && d.atLeast === undefined && d.atMost === undefined) throw new GoalError(`${w} should give equals, atLeast or atMost`);
      return { deliveryCount: { ...pick(d, w, { equals: int, atLeast: int, atMost: int }), stream: name(d.stream, `${w}.stream`), group: name(d.group, `${w}.group`), id: id(d.id, `${w}.id`) }, ...label };
    }
    case 'clock': {
      const o = obj(v, at, ['clock', 'label']);
      const c = obj(o.clock, `${at}.clock`, ['advanced']);
      return { clock: { advanced: num(c.advanced, `${at}.clock.advanced`) }, ...label };
    }
    case 'client': {
      const o = obj(v, at, ['client', 'label']);
      const w = `${at}.client`;
      const c = obj(o.client, w, ['name', 'blocked', 'command', 'key']);
      return { client: { ...pick(c, w, { blocked: bool, command: name, key: name }), name: name(c.name, `${w}.name`) }, ...label };
    }
    default: {
      const o = obj(v, at, ['key', 'label', 'exists', 'type']);
      return { ...pick(o, at, { exists: bool, type: name }), key: name(o.key, `${at}.key`), ...label };
    }
  }
}
