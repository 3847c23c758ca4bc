/** Links and snippets made from a scenario: the share URL, the embed iframe, and reading `?scenario=`. */
import type { RunResult } from '../../engine/worker.ts';
import { encodeScenario } from './codec.ts';
import type { EmbedOptions } from '../embed/options.ts';
import type { Scenario } from './format.ts';

/** `href` with its hash replaced by the scenario. */
export function shareLink(href: string, s: Scenario): string {
  const u = new URL(href);
  u.hash = encodeScenario(s);
  return u.toString();
}

/** What a docs author picks for an embed (see web/embed/options.ts for how the embed reads it). */
export interface EmbedChoice {
  readonly panes: EmbedOptions['panes'];
  /** null: follow the reader's own setting. */
  readonly theme: EmbedOptions['theme'];
  /** The docs site's origin, allowed to drive the embed with messages; '' for an embed nobody drives. */
  readonly origin: string;
}

/** The embed's URL: embed mode, the chosen panes, theme and origin, the scenario in the hash. */
export function embedUrl(href: string, s: Scenario, c: EmbedChoice): string {
  const u = new URL(href);
  u.search = `?embed&panes=${c.panes}${c.theme ? `&theme=${c.theme}` : ''}${c.origin ? `&origin=${encodeURIComponent(c.origin)}` : ''}`;
  u.hash = encodeScenario(s);
  return u.toString();
}

/** An iframe for a docs page around an `embedUrl`. */
export function embedSnippet(url: string, title: string): string {
  const safeTitle = title.replace(/[<>"&]/g, '');
  return `<iframe src="${url.replace(/"/g, '%22')}" title="${safeTitle} (Streams Playground)" style="width:100%;height:600px;border:0" loading="lazy"></iframe>`;
}

export const galleryParam = (search: string): string | null => new URLSearchParams(search).get('scenario');

export const idsByName = (r: RunResult): Map<string, number> => new Map(r.clients.map((c) => [c.name, c.id]));

/** The full playground with this scenario: same page, without the embed parameters. */
export function playgroundLink(href: string, s: Scenario): string {
  const u = new URL(href);
  u.search = '';
  u.hash = encodeScenario(s);
  return u.toString();
}
