/** Links and snippets made from a scenario: the share URL, the embed iframe, and reading `?scenario=`. */
import type { RunResult } from '../../engine/worker.ts';
import { encodeScenario } from './codec.ts';
import type { Scenario } from './format.ts';

/** `href` with its hash replaced by the scenario. */
export function shareLink(href: string, s: Scenario): string {
  const u = new URL(href);
  u.hash = encodeScenario(s);
  return u.toString();
}

/** An iframe for a docs page: embed mode, both panes, the scenario in the hash, the host's origin allowed. */
export function embedSnippet(href: string, s: Scenario, title: string, origin: string): string {
  const u = new URL(href);
  u.search = `?embed&panes=both&origin=${encodeURIComponent(origin)}`;
  u.hash = encodeScenario(s);
  const safeTitle = title.replace(/[<>"&]/g, '');
  return `<iframe src="${u.toString().replace(/"/g, '%22')}" title="${safeTitle} (Streams Playground)" style="width:100%;height:600px;border:0" loading="lazy"></iframe>`;
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
