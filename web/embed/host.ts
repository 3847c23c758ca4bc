/**
 * The embed's side of the postMessage API: accepts messages only from the parent window and only from the origins
 * listed in `?origin=`, validates them (protocol.ts), acts through the scenario session and the consoles, and
 * answers to the sender's origin. Only `ready` and `height`, which carry nothing, are posted to any origin.
 */
import { lineToArgv } from '../scenario/command-text.ts';
import type { ScenarioSession } from '../scenario/session.svelte.ts';
import type { Playground } from '../lib/playground.svelte.ts';
import { allowedOrigins, event, isPublicEvent, parseHostMessage, type EmbedEvent, type HostMessage, type StreamFacts } from './protocol.ts';

export interface EmbedApi {
  /** Messages refused: wrong window, wrong origin, or invalid. */
  readonly rejected: () => number;
  postHeight(height: number): void;
  /** Tell the host the playground is ready for messages (after the scenario loaded). */
  announce(): void;
  dispose(): void;
}

export function installEmbedApi(ss: ScenarioSession, pg: Playground, search: string): EmbedApi {
  const allowed = allowedOrigins(search);
  const parent = window.parent !== window ? window.parent : null;
  let rejected = 0;
  let lastHeight = -1;

  const post = (e: EmbedEvent, origin?: string) => {
    if (!parent) return;
    if (isPublicEvent(e)) parent.postMessage(e, '*');
    else for (const o of origin ? [origin] : allowed) parent.postMessage(e, o);
  };

  const streams = (): StreamFacts[] =>
    (pg.summary?.streams ?? []).slice(0, 50).map((s) => ({ key: s.key, length: s.length, lastId: s.lastId, groups: s.groups.map((g) => ({ name: g.name, pending: g.pending, lastId: g.lastId })) }));
  const state = (id?: string) => post(event('state', { cursor: ss.cursor, length: ss.length, streams: streams(), ...(id ? { id } : {}) }));

  let stateTimer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (stateTimer) clearTimeout(stateTimer);
    stateTimer = setTimeout(() => state(), 50);
  };
  const executed = (client: string, command: string, reply: string) => post(event('executed', { client, command, reply }));
  ss.onChange.add(changed);
  ss.onExecuted.add(executed);

  async function handle(m: HostMessage, origin: string): Promise<void> {
    const id = m.id;
    const fail = (message: string) => post(event('error', { message, ...(id ? { id } : {}) }), origin);
    switch (m.type) {
      case 'load': {
        if (!(await ss.open({ from: 'message', value: m.scenario }))) return fail(ss.message);
        if (m.autoplay) ss.play();
        break;
      }
      case 'run': {
        const c = m.client === undefined ? pg.consoles[0] : pg.consoles.find((x) => x.name === m.client);
        const s = c && pg.session(c.uid);
        if (!s) return fail(`no console named "${(m.client ?? '').slice(0, 32)}"`);
        const bad = m.commands.find((l) => l.trim() === '' || /[\r\n]/.test(l) || lineToArgv(l).length === 0);
        if (bad !== undefined) return fail('each command must be one non-empty line with balanced quotes');
        // Typed into the console like a person would, so it shows there, records on the timeline and animates.
        s.term.input(m.commands.map((l) => `${l}\r`).join(''), true);
        break;
      }
      case 'reset':
        await ss.jump(0);
        break;
      case 'step':
        if (m.to === 'forward') await ss.forward();
        else if (m.to === 'back') await ss.back();
        else await ss.jump(m.to === 'start' ? 0 : m.to === 'end' ? ss.length : m.to);
        break;
    }
    state(id);
  }

  const onMessage = (ev: MessageEvent) => {
    if (!parent || ev.source !== parent || !allowed.includes(ev.origin)) {
      if (ev.source === parent) rejected++;
      return;
    }
    const p = parseHostMessage(ev.data);
    if (!p.ok) {
      rejected++;
      post(event('error', { message: p.error, ...(p.id ? { id: p.id } : {}) }), ev.origin);
      return;
    }
    void handle(p.msg, ev.origin);
  };
  window.addEventListener('message', onMessage);

  return {
    rejected: () => rejected,
    announce() {
      post(event('ready', {}));
      state();
    },
    postHeight(height: number) {
      const h = Math.ceil(height);
      if (h === lastHeight) return;
      lastHeight = h;
      post(event('height', { height: h }));
    },
    dispose() {
      window.removeEventListener('message', onMessage);
      ss.onChange.delete(changed);
      ss.onExecuted.delete(executed);
    },
  };
}
