/**
 * Blocked clients: who waits on which key (first blocked, first served), and when each one times out.
 * The engine owns the wake-up logic; this registry only keeps the bookkeeping consistent.
 */
import type { BlockedState, Client } from './client.ts';
import type { Reply } from './reply.ts';

/** The sentinel a handler returns (through `ctx.block`) when the caller now waits: "no reply yet". */
export const BLOCKED: Reply = Object.freeze({ t: 'nullarray' });

export class BlockingRegistry {
  /** `db\0key` → clients waiting on it, in blocking order. */
  private readonly byKey = new Map<string, Client[]>();
  /** Every blocked client. */
  private readonly all = new Set<Client>();
  private seq = 0;

  get count(): number {
    return this.all.size;
  }

  add(c: Client, state: BlockedState): void {
    const withSeq: BlockedState = { ...state, seq: ++this.seq };
    c.blocked = withSeq;
    this.all.add(c);
    for (const key of withSeq.keys) {
      const k = `${withSeq.db}\0${key}`;
      const list = this.byKey.get(k);
      if (list) list.push(c);
      else this.byKey.set(k, [c]);
    }
  }

  remove(c: Client): void {
    const b = c.blocked;
    if (!b || !this.all.delete(c)) return;
    for (const key of b.keys) {
      const k = `${b.db}\0${key}`;
      const list = this.byKey.get(k);
      if (!list) continue;
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byKey.delete(k);
    }
  }

  /** Re-blocked after a re-run that found nothing: it goes to the back of each key's line, as in Redis. */
  reschedule(c: Client): void {
    const b = c.blocked;
    if (!b) return;
    for (const key of b.keys) {
      const list = this.byKey.get(`${b.db}\0${key}`);
      if (!list) continue;
      const i = list.indexOf(c);
      if (i >= 0) {
        list.splice(i, 1);
        list.push(c);
      }
    }
  }

  isWaitedOn(db: number, key: string): boolean {
    return this.byKey.has(`${db}\0${key}`);
  }

  /** A copy of the line for a key (serving may change it). */
  waitingOn(db: number, key: string): Client[] {
    return [...(this.byKey.get(`${db}\0${key}`) ?? [])];
  }

  /** Clients whose timeout or recheck time has come, earliest first. */
  due(now: number): Client[] {
    const out: Client[] = [];
    for (const c of this.all) {
      const b = c.blocked;
      if (!b) continue;
      if ((b.deadline !== 0 && b.deadline <= now) || (b.recheckAt !== 0 && b.recheckAt <= now)) out.push(c);
    }
    return out.sort((a, b) => dueTime(a) - dueTime(b) || (a.blocked?.seq ?? 0) - (b.blocked?.seq ?? 0));
  }

  nextDeadline(): number {
    let next = Infinity;
    for (const c of this.all) {
      const t = dueTime(c);
      if (t < next) next = t;
    }
    return next;
  }

  *blockedKeys(): Iterable<[number, string]> {
    for (const k of this.byKey.keys()) {
      const sep = k.indexOf('\0');
      yield [Number(k.slice(0, sep)), k.slice(sep + 1)];
    }
  }

  clients(): Client[] {
    return [...this.all].sort((a, b) => (a.blocked?.seq ?? 0) - (b.blocked?.seq ?? 0));
  }

  clear(): void {
    for (const c of this.all) c.blocked = null;
    this.all.clear();
    this.byKey.clear();
  }
}

function dueTime(c: Client): number {
  const b = c.blocked;
  if (!b) return Infinity;
  const d = b.deadline || Infinity;
  const r = b.recheckAt || Infinity;
  return Math.min(d, r);
}
