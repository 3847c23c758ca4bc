/**
 * The goal language: small declarative predicates over a LessonState (state.ts), written as JSON in lesson files.
 * A goal says WHAT must be true of the engine — stream lengths, PEL owners, delivery counts, the clock — never
 * which commands to type, so every correct solution passes. FORMAT.md documents it for teachers; goal-parse.ts
 * validates it. `evaluate` answers with a tree the lesson view shows as a checklist.
 */
import { compareIds, parseId } from '../../engine/ids.ts';
import type { GroupState, LessonState, PendingState, StreamState } from './state.ts';

/** A number, or a range: `3`, `{ "atLeast": 2 }`, `{ "atLeast": 1, "atMost": 3 }`. */
export type Num = number | { readonly equals?: number; readonly atLeast?: number; readonly atMost?: number };

interface Labelled {
  /** Shown in the checklist instead of the generated description. */
  readonly label?: string;
}
export interface AllGoal extends Labelled {
  readonly all: readonly Goal[];
}
export interface AnyGoal extends Labelled {
  readonly any: readonly Goal[];
}
export interface NotGoal extends Labelled {
  readonly not: Goal;
}
/** `{ "stream": "orders", "length": 3 }` — facts about one stream (a missing stream fails every fact but exists: false). */
export interface StreamGoal extends Labelled {
  readonly stream: string;
  readonly exists?: boolean;
  readonly length?: Num;
  readonly entriesAdded?: Num;
  readonly lastId?: string;
  readonly firstId?: string;
  readonly maxDeletedId?: string;
  /** These IDs are live entries. */
  readonly has?: readonly string[];
  /** These IDs are not (deleted, trimmed or never added). */
  readonly lacks?: readonly string[];
  /** Entries whose fields include all of these; `count` says how many (default: at least one). */
  readonly withFields?: Readonly<Record<string, string>>;
  readonly count?: Num;
}
export interface GroupGoal extends Labelled {
  readonly group: {
    readonly stream: string;
    readonly name: string;
    readonly exists?: boolean;
    readonly lastId?: string;
    readonly entriesRead?: Num;
    readonly lag?: Num;
    /** Number of consumers. */
    readonly consumers?: Num;
    /** Size of the whole group PEL. */
    readonly pending?: Num;
  };
}
export interface ConsumerGoal extends Labelled {
  readonly consumer: {
    readonly stream: string;
    readonly group: string;
    readonly name: string;
    readonly exists?: boolean;
    readonly pending?: Num;
  };
}
/** Pending entries matching the filters (consumer: null = unowned); `count` says how many (default: at least one). */
export interface PendingGoal extends Labelled {
  readonly pending: {
    readonly stream: string;
    readonly group: string;
    readonly consumer?: string | null;
    readonly ids?: readonly string[];
    readonly ghost?: boolean;
    /** Only entries delivered at least this many times. */
    readonly minDeliveries?: number;
    readonly count?: Num;
  };
}
/** The delivery count of one pending entry (fails when it is not pending). */
export interface DeliveryCountGoal extends Labelled {
  readonly deliveryCount: { readonly stream: string; readonly group: string; readonly id: string; readonly equals?: number; readonly atLeast?: number; readonly atMost?: number };
}
/** How far the virtual clock has moved since the lesson started. */
export interface ClockGoal extends Labelled {
  readonly clock: { readonly advanced: Num };
}
/** A connected client (a console), e.g. blocked in `XREAD` waiting on a key. */
export interface ClientGoal extends Labelled {
  readonly client: { readonly name: string; readonly blocked?: boolean; readonly command?: string; readonly key?: string };
}
/** A key of any type. */
export interface KeyGoal extends Labelled {
  readonly key: string;
  readonly exists?: boolean;
  readonly type?: string;
}

export type Goal = AllGoal | AnyGoal | NotGoal | StreamGoal | GroupGoal | ConsumerGoal | PendingGoal | DeliveryCountGoal | ClockGoal | ClientGoal | KeyGoal;

/** One line of the checklist: whether it holds, what it asks, and what the state shows when it does not. */
export interface Verdict {
  readonly pass: boolean;
  readonly text: string;
  /** What was found instead (empty when it passes). */
  readonly found: string;
  /** How children combine: every one (all, or several facts about one thing), at least one (any), or none (a fact). */
  readonly combine: 'all' | 'any' | null;
  readonly children: readonly Verdict[];
}

export interface CheckContext {
  /** The lesson's clock start (for `clock.advanced`). */
  readonly start: number;
}

export function check(goal: Goal, state: LessonState, ctx: CheckContext): Verdict {
  const v = evaluate(goal, state, ctx);
  return goal.label ? { ...v, text: goal.label } : v;
}

function evaluate(g: Goal, st: LessonState, ctx: CheckContext): Verdict {
  if ('all' in g) {
    const children = g.all.map((c) => check(c, st, ctx));
    return node(children.every((c) => c.pass), 'All of these', '', children, 'all');
  }
  if ('any' in g) {
    const children = g.any.map((c) => check(c, st, ctx));
    return node(children.some((c) => c.pass), 'At least one of these', '', children, 'any');
  }
  if ('not' in g) {
    const inner = check(g.not, st, ctx);
    return node(!inner.pass, `Not: ${inner.text}`, inner.pass ? 'it holds' : '', []);
  }
  if ('stream' in g) return streamVerdict(g, st);
  if ('group' in g) return groupVerdict(g, st);
  if ('consumer' in g) return consumerVerdict(g, st);
  if ('pending' in g) return pendingVerdict(g, st);
  if ('deliveryCount' in g) return deliveryVerdict(g, st);
  if ('client' in g) return clientVerdict(g, st);
  if ('clock' in g) {
    const moved = st.now - ctx.start;
    return fact(numOk(g.clock.advanced, moved), `The clock has moved ${numText(g.clock.advanced)} ms`, `it moved ${moved} ms`);
  }
  const type = st.keys[g.key];
  if (g.exists === false) return fact(type === undefined, `Key ${g.key} does not exist`, `it is a ${type}`);
  const want = g.type ? `Key ${g.key} is a ${g.type}` : `Key ${g.key} exists`;
  return fact(type !== undefined && (!g.type || type === g.type), want, type === undefined ? 'no such key' : `it is a ${type}`);
}

const node = (pass: boolean, text: string, found: string, children: readonly Verdict[], combine: Verdict['combine'] = null): Verdict => ({ pass, text, found: pass ? '' : found, combine, children });
const fact = (pass: boolean, text: string, found: string): Verdict => node(pass, text, found, []);
/** Several facts about one thing: one line when there is one, a group when there are more. */
function facts(title: string, list: Verdict[]): Verdict {
  if (list.length === 1) return list[0];
  return node(list.every((f) => f.pass), title, '', list, 'all');
}

export function numOk(n: Num, v: number | null): boolean {
  if (v === null) return false;
  if (typeof n === 'number') return v === n;
  return (n.equals === undefined || v === n.equals) && (n.atLeast === undefined || v >= n.atLeast) && (n.atMost === undefined || v <= n.atMost);
}

export function numText(n: Num): string {
  if (typeof n === 'number') return String(n);
  if (n.equals !== undefined) return String(n.equals);
  if (n.atLeast !== undefined && n.atMost !== undefined) return n.atLeast === n.atMost ? String(n.atLeast) : `${n.atLeast} to ${n.atMost}`;
  if (n.atLeast !== undefined) return `at least ${n.atLeast}`;
  if (n.atMost !== undefined) return `at most ${n.atMost}`;
  return 'any number of';
}

/** "1 entry", "at least 1 entry", "at most 1 entry"; otherwise the plural ("0 entries", "1 to 3 entries"). */
const plural = (n: Num, one: string, many: string) => {
  const text = numText(n);
  return `${text} ${/^(at (least|most) )?1$/.test(text) ? one : many}`;
};
const sameId = (a: string, b: string): boolean => {
  const x = parseId(a);
  const y = parseId(b);
  return x && y ? compareIds(x, y) === 0 : a === b;
};

function streamVerdict(g: StreamGoal, st: LessonState): Verdict {
  const s: StreamState | undefined = st.streams[g.stream];
  const name = g.stream;
  if (g.exists === false) return fact(s === undefined, `Stream ${name} does not exist`, 'it exists');
  const out: Verdict[] = [];
  const missing = s ? '' : 'no such stream';
  if (g.exists === true) out.push(fact(s !== undefined, `Stream ${name} exists`, st.keys[name] ? `${name} is a ${st.keys[name]}` : missing));
  if (g.length !== undefined) out.push(fact(!!s && numOk(g.length, s.length), `${name} holds ${plural(g.length, 'entry', 'entries')}`, s ? `it holds ${s.length}` : missing));
  if (g.entriesAdded !== undefined) out.push(fact(!!s && numOk(g.entriesAdded, s.entriesAdded), `${plural(g.entriesAdded, 'entry has', 'entries have')} ever been added to ${name}`, s ? `${s.entriesAdded} were` : missing));
  if (g.lastId !== undefined) out.push(fact(!!s && sameId(s.lastId, g.lastId), `${name}'s last generated ID is ${g.lastId}`, s ? `it is ${s.lastId}` : missing));
  if (g.firstId !== undefined) out.push(fact(!!s && s.length > 0 && sameId(s.entries[0]?.id ?? '', g.firstId), `${name}'s first entry is ${g.firstId}`, s ? (s.length ? `it is ${s.entries[0]?.id}` : 'it is empty') : missing));
  if (g.maxDeletedId !== undefined) out.push(fact(!!s && sameId(s.maxDeletedId, g.maxDeletedId), `${name}'s max deleted ID is ${g.maxDeletedId}`, s ? `it is ${s.maxDeletedId}` : missing));
  if (g.has?.length) {
    const absent = g.has.filter((id) => !s?.entries.some((e) => sameId(e.id, id)));
    out.push(fact(!!s && absent.length === 0, `${name} holds ${g.has.join(', ')}`, s ? `missing ${absent.join(', ')}` : missing));
  }
  if (g.lacks?.length) {
    const present = g.lacks.filter((id) => s?.entries.some((e) => sameId(e.id, id)));
    out.push(fact(present.length === 0, `${name} no longer holds ${g.lacks.join(', ')}`, `still there: ${present.join(', ')}`));
  }
  if (g.withFields) {
    const want = g.withFields;
    const n = s ? s.entries.filter((e) => Object.entries(want).every(([f, v]) => e.fields[f] === v)).length : 0;
    const count = g.count ?? { atLeast: 1 };
    const desc = Object.entries(want).map(([f, v]) => `${f}=${v}`).join(' ');
    out.push(fact(!!s && numOk(count, n), `${name} holds ${plural(count, 'entry', 'entries')} with ${desc}`, s ? `it holds ${n}` : missing));
  }
  if (out.length === 0) out.push(fact(s !== undefined, `Stream ${name} exists`, missing));
  return facts(`Stream ${name}`, out);
}

function findGroup(st: LessonState, stream: string, group: string): GroupState | undefined {
  return st.streams[stream]?.groups[group];
}

function groupVerdict(goal: GroupGoal, st: LessonState): Verdict {
  const g = goal.group;
  const grp = findGroup(st, g.stream, g.name);
  const who = `group ${g.name} on ${g.stream}`;
  if (g.exists === false) return fact(!grp, `There is no ${who}`, 'it exists');
  const missing = grp ? '' : 'no such group';
  const out: Verdict[] = [];
  if (g.exists === true) out.push(fact(!!grp, `There is a ${who}`, missing));
  if (g.lastId !== undefined) out.push(fact(!!grp && sameId(grp.lastId, g.lastId), `The ${who} has read up to ${g.lastId}`, grp ? `its last-delivered-id is ${grp.lastId}` : missing));
  if (g.entriesRead !== undefined) out.push(fact(!!grp && numOk(g.entriesRead, grp.entriesRead), `The ${who} has read ${plural(g.entriesRead, 'entry', 'entries')}`, grp ? `entries-read is ${grp.entriesRead ?? 'unknown'}` : missing));
  if (g.lag !== undefined) out.push(fact(!!grp && numOk(g.lag, grp.lag), `The ${who} has a lag of ${numText(g.lag)}`, grp ? `its lag is ${grp.lag ?? 'unknown'}` : missing));
  if (g.consumers !== undefined) {
    const n = grp ? Object.keys(grp.consumers).length : 0;
    out.push(fact(!!grp && numOk(g.consumers, n), `The ${who} has ${plural(g.consumers, 'consumer', 'consumers')}`, grp ? `it has ${n}` : missing));
  }
  if (g.pending !== undefined) out.push(fact(!!grp && numOk(g.pending, grp.pending.length), `The ${who} has ${plural(g.pending, 'pending entry', 'pending entries')}`, grp ? `it has ${grp.pending.length}` : missing));
  if (out.length === 0) out.push(fact(!!grp, `There is a ${who}`, missing));
  return facts(`The ${who}`, out);
}

function consumerVerdict(goal: ConsumerGoal, st: LessonState): Verdict {
  const c = goal.consumer;
  const grp = findGroup(st, c.stream, c.group);
  const con = grp?.consumers[c.name];
  const who = `consumer ${c.name} (group ${c.group})`;
  if (c.exists === false) return fact(!con, `There is no ${who}`, 'it exists');
  const missing = grp ? 'no such consumer' : 'no such group';
  const out: Verdict[] = [];
  if (c.exists === true) out.push(fact(!!con, `There is a ${who}`, missing));
  if (c.pending !== undefined) out.push(fact(!!con && numOk(c.pending, con.pending), `The ${who} owns ${plural(c.pending, 'pending entry', 'pending entries')}`, con ? `it owns ${con.pending}` : missing));
  if (out.length === 0) out.push(fact(!!con, `There is a ${who}`, missing));
  return facts(`The ${who}`, out);
}

function pendingVerdict(goal: PendingGoal, st: LessonState): Verdict {
  const p = goal.pending;
  const grp = findGroup(st, p.stream, p.group);
  const match = (e: PendingState) =>
    (p.consumer === undefined || e.consumer === p.consumer) &&
    (p.ids === undefined || p.ids.some((id) => sameId(id, e.id))) &&
    (p.ghost === undefined || e.ghost === p.ghost) &&
    (p.minDeliveries === undefined || e.count >= p.minDeliveries);
  const found = grp ? grp.pending.filter(match) : [];
  const count = p.count ?? { atLeast: 1 };
  const what: string[] = [];
  if (p.ids) what.push(p.ids.join(', '));
  if (p.minDeliveries !== undefined) what.push(`delivered ${p.minDeliveries}+ times`);
  if (p.ghost !== undefined) what.push(p.ghost ? 'whose entry is gone from the stream' : 'whose entry is still in the stream');
  const owner = p.consumer === undefined ? '' : p.consumer === null ? ', unowned' : `, owned by ${p.consumer}`;
  const text = `Group ${p.group} on ${p.stream} has ${plural(count, 'pending entry', 'pending entries')}${what.length ? ` (${what.join('; ')})` : ''}${owner}`;
  const list = found.map((e) => e.id).slice(0, 6).join(', ');
  return fact(!!grp && numOk(count, found.length), text, grp ? `found ${found.length}${list ? `: ${list}` : ''}` : 'no such group');
}

function deliveryVerdict(goal: DeliveryCountGoal, st: LessonState): Verdict {
  const d = goal.deliveryCount;
  const e = findGroup(st, d.stream, d.group)?.pending.find((x) => sameId(x.id, d.id));
  const want: Num = { equals: d.equals, atLeast: d.atLeast, atMost: d.atMost };
  return fact(!!e && numOk(want, e.count), `Entry ${d.id} has been delivered ${numText(want)} times (group ${d.group})`, e ? `delivered ${e.count} times` : 'it is not pending');
}

function clientVerdict(goal: ClientGoal, st: LessonState): Verdict {
  const c = goal.client;
  const cl = st.clients[c.name];
  const b = cl?.blocked ?? null;
  if (c.blocked === false) return fact(!!cl && !b, `${c.name} is not blocked`, cl ? `it waits in ${b?.command}` : 'no such client');
  if (c.blocked === undefined && c.command === undefined && c.key === undefined) return fact(!!cl, `${c.name} is connected`, 'no such client');
  const what = `${c.name} is blocked${c.command ? ` in ${c.command.toUpperCase()}` : ''}${c.key ? ` waiting on ${c.key}` : ''}`;
  const pass = !!b && (!c.command || b.command === c.command.toUpperCase()) && (!c.key || b.keys.includes(c.key));
  return fact(pass, what, !cl ? 'no such client' : b ? `it waits in ${b.command} on ${b.keys.join(', ')}` : 'it is not blocked');
}

/** Count the facts and how many hold: the lesson view's "2 of 3 done" (an `any` counts as one fact). */
export function progress(v: Verdict): { done: number; total: number } {
  if (v.combine !== 'all') return { done: v.pass ? 1 : 0, total: 1 };
  return v.children.reduce((a, c) => {
    const p = progress(c);
    return { done: a.done + p.done, total: a.total + p.total };
  }, { done: 0, total: 0 });
}
