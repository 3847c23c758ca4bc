/**
 * The embed's postMessage API, version 1. A host page (a docs site) drives an embedded playground with commands
 * and hears back what happened. Both directions are discriminated unions; what arrives is validated by hand
 * before anything reads it, and anything unexpected gets a clear error instead of being half-used.
 */
import { LIMITS } from '../scenario/format.ts';

export const EMBED_API_VERSION = 1;
/** Marks our messages among everything else a page may receive. */
export const SOURCE = 'streams-playground';

export type HostMessage =
  /** Load a scenario (object or share link), replacing the session. */
  | { readonly type: 'load'; readonly v: 1; readonly id?: string; readonly scenario: unknown; readonly autoplay?: boolean }
  /** Run command lines as a client (default: the first console). */
  | { readonly type: 'run'; readonly v: 1; readonly id?: string; readonly client?: string; readonly commands: readonly string[] }
  /** Back to the scenario's start state. */
  | { readonly type: 'reset'; readonly v: 1; readonly id?: string }
  /** Move on the timeline: one step, to an end, or to a step number. */
  | { readonly type: 'step'; readonly v: 1; readonly id?: string; readonly to: 'forward' | 'back' | 'start' | 'end' | number };

export interface StreamFacts {
  readonly key: string;
  readonly length: number;
  readonly lastId: string;
  readonly groups: readonly { readonly name: string; readonly pending: number; readonly lastId: string }[];
}

export type EmbedEvent =
  | { readonly source: typeof SOURCE; readonly v: 1; readonly type: 'ready' }
  | { readonly source: typeof SOURCE; readonly v: 1; readonly type: 'height'; readonly height: number }
  | { readonly source: typeof SOURCE; readonly v: 1; readonly type: 'executed'; readonly id?: string; readonly client: string; readonly command: string; readonly reply: string }
  | { readonly source: typeof SOURCE; readonly v: 1; readonly type: 'state'; readonly id?: string; readonly cursor: number; readonly length: number; readonly streams: readonly StreamFacts[] }
  | { readonly source: typeof SOURCE; readonly v: 1; readonly type: 'error'; readonly id?: string; readonly message: string };

/** Events safe to post to any origin: they carry no session data. */
export const isPublicEvent = (e: EmbedEvent): boolean => e.type === 'ready' || e.type === 'height';

export type Parsed = { readonly ok: true; readonly msg: HostMessage } | { readonly ok: false; readonly error: string; readonly id?: string };

const MAX_COMMANDS = 1_000;
const MAX_ID = 100;

/** Validate a message from the host page. Never throws; reads only own, plain fields. */
export function parseHostMessage(data: unknown): Parsed {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'a message must be an object' };
  const o = data as Readonly<Record<string, unknown>>;
  let id: string | undefined;
  if (o.id !== undefined) {
    if (typeof o.id !== 'string' || o.id.length > MAX_ID) return { ok: false, error: `id must be text of at most ${MAX_ID} characters` };
    id = o.id;
  }
  const bad = (error: string): Parsed => ({ ok: false, error, ...(id !== undefined ? { id } : {}) });
  if (o.v !== EMBED_API_VERSION) return bad(`unsupported API version ${typeof o.v === 'number' ? o.v : typeof o.v}; this playground speaks version ${EMBED_API_VERSION}`);
  const base = { v: 1 as const, ...(id !== undefined ? { id } : {}) };
  switch (o.type) {
    case 'load': {
      if (!('scenario' in o)) return bad('load needs a scenario');
      if (o.autoplay !== undefined && typeof o.autoplay !== 'boolean') return bad('autoplay must be true or false');
      return { ok: true, msg: { type: 'load', ...base, scenario: o.scenario, ...(o.autoplay !== undefined ? { autoplay: o.autoplay } : {}) } };
    }
    case 'run': {
      if (!Array.isArray(o.commands) || o.commands.length === 0) return bad('run needs commands: a non-empty list of command lines');
      if (o.commands.length > MAX_COMMANDS) return bad(`run takes at most ${MAX_COMMANDS} commands`);
      const commands: string[] = [];
      for (const c of o.commands) {
        if (typeof c !== 'string' || c.length > LIMITS.command) return bad(`each command must be text of at most ${LIMITS.command} characters`);
        commands.push(c);
      }
      if (o.client !== undefined && (typeof o.client !== 'string' || o.client.length > LIMITS.clientName)) return bad('client must be a console name');
      return { ok: true, msg: { type: 'run', ...base, commands, ...(typeof o.client === 'string' ? { client: o.client } : {}) } };
    }
    case 'reset':
      return { ok: true, msg: { type: 'reset', ...base } };
    case 'step': {
      const to = o.to;
      if (to === 'forward' || to === 'back' || to === 'start' || to === 'end') return { ok: true, msg: { type: 'step', ...base, to } };
      if (typeof to === 'number' && Number.isInteger(to) && to >= 0 && to <= LIMITS.steps) return { ok: true, msg: { type: 'step', ...base, to } };
      return bad('step needs to: "forward", "back", "start", "end" or a step number');
    }
    default:
      return bad(`unknown message type ${typeof o.type === 'string' ? `"${o.type.slice(0, 40)}"` : typeof o.type}`);
  }
}

/** The allowed origins from `?origin=` (comma-separated). Only exact `scheme://host[:port]` origins count. */
export function allowedOrigins(search: string): string[] {
  const raw = new URLSearchParams(search).getAll('origin').flatMap((v) => v.split(','));
  const out: string[] = [];
  for (const r of raw) {
    const o = webOrigin(r);
    if (o !== null) out.push(o);
  }
  return out;
}

/** `https://host[:port]` or `http://…` as written (a trailing slash allowed), or null: no path, query or other scheme. */
export function webOrigin(text: string): string | null {
  const t = text.trim();
  try {
    const u = new URL(t);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === t.replace(/\/$/, '') ? u.origin : null;
  } catch {
    // Not a URL: never an origin, so it can never match.
    return null;
  }
}

export const event = <T extends EmbedEvent['type']>(type: T, rest: Omit<Extract<EmbedEvent, { type: T }>, 'source' | 'v' | 'type'>): EmbedEvent =>
  ({ source: SOURCE, v: EMBED_API_VERSION, type, ...rest }) as EmbedEvent;
