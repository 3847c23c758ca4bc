/**
 * Narration: one plain sentence per event saying what it did and why, for learners and screen readers. Each line
 * names the anchors it talks about so hovering the line highlights them. Events that add nothing a learner needs
 * (clock ticks, the cursor move that every `>` read makes) return null.
 */
import type { EngineEvent, RefPolicy } from '../../engine/index.ts';
import { anchor } from './anchors.ts';

export interface NarrationContext {
  /** The command that produced the event, as typed (the wake-up of a blocked client has none). */
  readonly argv?: readonly string[];
  /** A client's display name. */
  clientName(id: number): string;
}

export interface Narration {
  readonly text: string;
  /** Anchors the sentence mentions. */
  readonly refs: readonly string[];
}

const MAX_LISTED = 5;

/** `1-0, 2-0 and 3-0`, or `1-0, 2-0, … (12 entries)` when long. */
export function listIds(ids: readonly string[]): string {
  if (ids.length <= 1) return ids[0] ?? 'nothing';
  if (ids.length > MAX_LISTED) return `${ids.slice(0, MAX_LISTED - 1).join(', ')}, … (${ids.length} entries)`;
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The min-idle-time argument of XCLAIM / XAUTOCLAIM (4th) or XREADGROUP CLAIM <ms>. */
export function minIdleOf(argv: readonly string[] | undefined): string | null {
  if (!argv || argv.length < 2) return null;
  const cmd = argv[0].toLowerCase();
  if ((cmd === 'xclaim' || cmd === 'xautoclaim') && argv.length > 4) return argv[4];
  if (cmd === 'xreadgroup') {
    const i = argv.findIndex((a) => a.toLowerCase() === 'claim');
    if (i > 0 && argv[i + 1] !== undefined) return argv[i + 1];
  }
  return null;
}

/**
 * What a removal did to the groups' pending references, as a clause after a semicolon; '' when KEEPREF left none
 * (no group had those entries pending, so there is nothing to explain). `atLeast`: only some IDs were counted.
 */
function refsClause(refs: RefPolicy, dangling: number, removed: 'deleted' | 'trimmed', atLeast = false): string {
  if (refs === 'delref') return '; their pending references were removed too (DELREF)';
  if (refs === 'acked') return '; only entries every group had read and acknowledged were removed (ACKED)';
  if (dangling === 0) return '';
  const one = dangling === 1;
  const refsText = `${atLeast ? 'at least ' : ''}${plural(dangling, 'pending reference')}`;
  return one
    ? `; ${refsText} to a ${removed} entry stays (KEEPREF), drawn as a ghost until acknowledged`
    : `; ${refsText} to ${removed} entries stay (KEEPREF), drawn as ghosts until acknowledged`;
}

export function narrate(e: EngineEvent, ctx: NarrationContext): Narration | null {
  const tok = (db: number, key: string, group: string) => (id: string) => anchor.token(db, key, group, id);
  switch (e.type) {
    case 'stream-created':
      // XGROUP CREATE … MKSTREAM makes an empty stream; otherwise XADD made it.
      return ctx.argv?.[0]?.toLowerCase() === 'xgroup'
        ? { text: `Created the empty stream ${e.key}: MKSTREAM makes the key for the new group when it does not exist.`, refs: [anchor.stream(e.db, e.key)] }
        : { text: `Created the stream ${e.key}: XADD makes the key when it does not exist.`, refs: [anchor.stream(e.db, e.key)] };
    case 'entry-added':
      return {
        text: `XADD appended ${e.id} to the end of ${e.key}; IDs only grow, so it is the newest entry.`,
        refs: [anchor.entry(e.db, e.key, e.id)],
      };
    case 'entry-deduplicated':
      return { text: `Nothing was added to ${e.key}: this producer message was already stored as ${e.id}.`, refs: [anchor.entry(e.db, e.key, e.id)] };
    case 'delivered': {
      const ids = e.entries.map((p) => p.id);
      const refs = ids.map(e.noack ? (id: string) => anchor.entry(e.db, e.key, id) : tok(e.db, e.key, e.group));
      if (e.noack) {
        return {
          text: `${e.consumer} read ${listIds(ids)} from ${e.key} with NOACK: the group cursor moved, but nothing is pending, so nothing needs an XACK.`,
          refs,
        };
      }
      if (e.via === 'new') {
        return {
          text: `Group ${e.group} delivered ${listIds(ids)} to ${e.consumer} and moved its cursor; ${ids.length === 1 ? 'it stays' : 'they stay'} pending for ${e.consumer} until acknowledged with XACK.`,
          refs: [...refs, anchor.cursor(e.db, e.key, e.group)],
        };
      }
      const missing = e.missing.length > 0 ? ` ${listIds(e.missing)} no longer ${e.missing.length === 1 ? 'exists' : 'exist'} in the stream, so ${e.missing.length === 1 ? 'it comes' : 'they come'} back as nil.` : '';
      if (ids.length === 0 && e.missing.length === 0) {
        return { text: `${e.consumer} asked for its pending history in ${e.group}: it has nothing pending there.`, refs: [anchor.lane(e.db, e.key, e.group, e.consumer)] };
      }
      return {
        text: `${e.consumer} re-read its own pending ${ids.length === 1 ? 'entry' : 'entries'} ${listIds(ids)} (an ID instead of >), which counts as another delivery.${missing}`,
        refs: [...refs, ...e.missing.map(tok(e.db, e.key, e.group))],
      };
    }
    case 'acked': {
      const owners = [...new Set(e.owners.filter((o): o is string => o !== null))];
      const whose = owners.length > 0 ? ` from ${owners.join(' and ')}'s pending list` : ' from the pending list';
      return {
        text: `XACK removed ${listIds(e.ids)}${whose} in group ${e.group}: processing is done, so Redis forgets ${e.ids.length === 1 ? 'it' : 'them'}.`,
        refs: [...e.ids.map(tok(e.db, e.key, e.group)), anchor.acked(e.db, e.key, e.group)],
      };
    }
    case 'claimed': {
      const ids = e.entries.map((p) => p.id);
      const froms = [...new Set(e.entries.map((p) => p.from ?? 'the unowned zone'))];
      const idle = minIdleOf(ctx.argv);
      const why = idle !== null ? ` because ${ids.length === 1 ? 'it was' : 'they were'} idle for at least ${idle} ms (the min-idle-time)` : '';
      const cmd = e.via === 'xreadgroup' ? 'XREADGROUP CLAIM' : e.via.toUpperCase();
      const counts = [...new Set(e.entries.map((p) => p.count))];
      const countText = counts.length === 1 ? `; delivery count is now ${counts[0]}` : '';
      return {
        text: `${cmd} moved ${listIds(ids)} from ${froms.join(' and ')} to ${e.consumer}${why}${countText}.`,
        refs: [...ids.map(tok(e.db, e.key, e.group)), anchor.lane(e.db, e.key, e.group, e.consumer)],
      };
    }
    case 'nacked': {
      const ids = e.entries.map((p) => p.id);
      const froms = [...new Set(e.entries.map((p) => p.from).filter((x): x is string => x !== null))];
      return {
        text: `XNACK (${e.mode.toUpperCase()}) gave ${listIds(ids)}${froms.length ? ` from ${froms.join(' and ')}` : ''} back to group ${e.group}: still pending, but unowned, so the next reader can take ${ids.length === 1 ? 'it' : 'them'}.`,
        refs: [...ids.map(tok(e.db, e.key, e.group)), anchor.unowned(e.db, e.key, e.group)],
      };
    }
    case 'entries-deleted':
      return {
        text: `${e.cause.toUpperCase()} deleted ${listIds(e.ids)} from ${e.key}${refsClause(e.refs, e.dangling, 'deleted')}.`,
        refs: e.ids.map((id) => anchor.entry(e.db, e.key, id)),
      };
    case 'entries-trimmed': {
      const approx = ctx.argv?.some((a) => a === '~') ? ' (~ trims whole nodes only, so a few more may stay)' : '';
      return {
        text: `${e.cause.toUpperCase()} trimmed ${plural(e.count, 'entry', 'entries')} from the head of ${e.key}${approx}${refsClause(e.refs, e.dangling, 'trimmed', e.count > e.ids.length)}.`,
        refs: [anchor.outlet(e.db, e.key)],
      };
    }
    case 'refs-removed':
      return {
        text: `Group ${e.group} dropped its pending ${e.ids.length === 1 ? 'reference' : 'references'} to ${listIds(e.ids)}: the ${e.ids.length === 1 ? 'entry is' : 'entries are'} no longer in the stream.`,
        refs: [...e.ids.map(tok(e.db, e.key, e.group)), anchor.group(e.db, e.key, e.group)],
      };
    case 'stream-id-set':
      return { text: `XSETID set ${e.key}'s last ID to ${e.lastId}; new entries must have a greater ID.`, refs: [anchor.stream(e.db, e.key)] };
    case 'group-created':
      return {
        text: `Created group ${e.group} on ${e.key} with its cursor at ${e.lastId}: it will deliver the entries after that ID.`,
        refs: [anchor.group(e.db, e.key, e.group), anchor.cursor(e.db, e.key, e.group)],
      };
    case 'group-destroyed':
      return { text: `Destroyed group ${e.group} on ${e.key}, with its consumers and pending entries.`, refs: [anchor.stream(e.db, e.key)] };
    case 'group-cursor-moved':
      if (e.cause === 'read') return null;
      return {
        text: `${e.cause === 'setid' ? 'XGROUP SETID' : 'XCLAIM LASTID'} moved group ${e.group}'s cursor to ${e.lastId}: the next > read starts after it.`,
        refs: [anchor.cursor(e.db, e.key, e.group)],
      };
    case 'consumer-created': {
      const explicit = ctx.argv?.[0]?.toLowerCase() === 'xgroup' && ctx.argv[1]?.toLowerCase() === 'createconsumer';
      const how = explicit ? 'created by XGROUP CREATECONSUMER, with nothing pending until it reads' : 'created on first use';
      return { text: `Group ${e.group} gained consumer ${e.consumer} (${how}).`, refs: [anchor.lane(e.db, e.key, e.group, e.consumer)] };
    }
    case 'consumer-deleted':
      return {
        text: `Deleted consumer ${e.consumer} from group ${e.group}; its ${plural(e.dropped.length, 'pending entry', 'pending entries')} ${e.dropped.length === 1 ? 'was' : 'were'} dropped, not acknowledged.`,
        refs: [anchor.group(e.db, e.key, e.group)],
      };
    case 'read':
      return {
        text: `${ctx.clientName(e.client)} read ${listIds(e.ids)} from ${e.key} with XREAD: no group, so nothing is tracked as pending.`,
        refs: [...e.ids.map((id) => anchor.entry(e.db, e.key, id)), anchor.reader(e.client)],
      };
    case 'blocked': {
      const who = e.consumer ? `${ctx.clientName(e.client)} (${e.consumer} in ${e.group})` : ctx.clientName(e.client);
      const refs = [anchor.blocked(e.client)];
      if (e.command !== 'xread' && e.command !== 'xreadgroup') {
        // BLPOP, BLMOVE, BZPOPMIN…: a key of another type, with a timeout argument rather than BLOCK.
        const until = e.deadline === null ? 'with no timeout' : 'until its timeout runs out';
        return { text: `${who} is waiting ${until} in ${e.command.toUpperCase()} on ${e.keys.join(', ')}: nothing was there to take yet.`, refs };
      }
      const wait = e.deadline === null ? 'with no timeout (BLOCK 0)' : `until the BLOCK timeout runs out`;
      return { text: `${who} is waiting ${wait} for new entries on ${e.keys.join(', ')}: nothing was there to read yet.`, refs };
    }
    case 'unblocked': {
      const name = ctx.clientName(e.client);
      const why = {
        served: 'new data arrived on a stream it was waiting on',
        timeout: 'its BLOCK timeout ran out with nothing new, so it got a nil reply',
        'client-unblock': 'CLIENT UNBLOCK ended the wait',
        error: 'the stream or group it waited on changed, so it got an error',
        disconnected: 'it disconnected',
      }[e.reason];
      return { text: `${name} stopped waiting: ${why}.`, refs: [anchor.blocked(e.client)] };
    }
    case 'key-deleted':
      return { text: `The key ${e.key} was ${e.cause === 'del' ? 'deleted' : 'overwritten'}.`, refs: [] };
    case 'key-expired':
      return { text: `The key ${e.key} expired.`, refs: [] };
    case 'key-renamed':
      return { text: `Renamed ${e.from} to ${e.to}.`, refs: [] };
    case 'db-flushed':
      return { text: e.db === 'all' ? 'Every database was flushed.' : `Database ${e.db} was flushed.`, refs: [] };
    default:
      return null;
  }
}
