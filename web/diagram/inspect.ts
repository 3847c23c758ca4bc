/**
 * The command that inspects a thing on the diagram, shown when it is hovered or focused so the picture always
 * leads back to what a learner would type. Keys and names are quoted only when the console would need it.
 */
import { binaryToUtf8 } from '../../engine/index.ts';

/** A name as typed in the console: bare when safe, otherwise double-quoted with escapes. */
export function arg(s: string): string {
  const text = binaryToUtf8(s);
  if (text !== '' && /^[\x21-\x7e]+$/.test(text) && !/["'\\]/.test(text)) return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export type Inspectable =
  | { readonly kind: 'stream'; readonly key: string }
  | { readonly kind: 'entry'; readonly key: string; readonly id: string }
  | { readonly kind: 'group'; readonly key: string; readonly group: string }
  | { readonly kind: 'consumer'; readonly key: string; readonly group: string; readonly consumer: string }
  | { readonly kind: 'token'; readonly key: string; readonly group: string; readonly id: string }
  | { readonly kind: 'blocked'; readonly client: number };

export function inspectCommand(t: Inspectable): string {
  switch (t.kind) {
    case 'stream':
      return `XINFO STREAM ${arg(t.key)}`;
    case 'entry':
      return `XRANGE ${arg(t.key)} ${t.id} ${t.id}`;
    case 'group':
      return `XINFO GROUPS ${arg(t.key)}`;
    case 'consumer':
      return `XPENDING ${arg(t.key)} ${arg(t.group)} - + 10 ${arg(t.consumer)}`;
    case 'token':
      return `XPENDING ${arg(t.key)} ${arg(t.group)} ${t.id} ${t.id} 1`;
    case 'blocked':
      return `CLIENT LIST ID ${t.client}`;
  }
}

/** A short form of an ID for small tokens: long millisecond parts keep their last 6 digits. */
export function shortId(id: string): string {
  const dash = id.indexOf('-');
  const ms = dash < 0 ? id : id.slice(0, dash);
  return ms.length > 8 ? `…${ms.slice(-6)}${id.slice(dash)}` : id;
}

/** Idle time as a learner reads it: 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min. */
export function formatIdle(ms: number): string {
  if (ms < 0) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')} s`;
  return `${Math.floor(ms / 3_600_000)} h ${String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0')} min`;
}
