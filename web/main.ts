/** Entry point: settings, the playground state, the app, and the test hook. */
import '@xterm/xterm/css/xterm.css';
import './app/global.css';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { Playground } from './lib/playground.svelte.ts';
import { Settings } from './lib/settings.svelte.ts';
import { clockFromUrl } from './lib/clock-options.ts';
import { installTestHook } from './test-hook.ts';
import { ScenarioSession } from './scenario/session.svelte.ts';
import { installScenarioHook } from './scenario/hook.ts';
import EmbedApp from './embed/EmbedApp.svelte';
import { LessonHost } from './lessons/host.svelte.ts';
import { installEmbedApi } from './embed/host.ts';
import { embedOptions } from './embed/options.ts';

const settings = new Settings();
const urlClock = clockFromUrl(location.search);
const pg = new Playground(settings, urlClock.clock);
const target = document.getElementById('app');
if (!target) throw new Error('#app missing from index.html');
// Scenarios (web/scenario/): the timeline records the session; a share link, gallery id or saved workspace opens on boot.
const ss = new ScenarioSession(pg);
const embed = embedOptions(location.search);
// Lessons (web/lessons/): #course, #lesson=…, #workshop=… open lesson mode, which drives the scenario session.
const lessons = new LessonHost(pg, ss);
const embedApi = embed ? installEmbedApi(ss, pg, location.search) : null;
if (embed && embedApi) {
  ss.persist = false;
  mount(EmbedApp, { target, props: { pg, ss, options: embed, api: embedApi } });
} else mount(App, { target, props: { pg, ss, lessons } });
installTestHook(pg);
installScenarioHook(ss, embedApi);
addEventListener('pagehide', () => ss.save());
addEventListener('hashchange', () => void (location.hash.startsWith('#s=') && ss.open({ from: 'url', hash: location.hash })));
addEventListener('hashchange', () => void (!embed && lessons.wants(location.hash) && lessons.boot(location.hash)));
void pg
  .start(['producer', 'alice', 'bob'])
  .then(async () => (!embed && lessons.wants(location.hash) && (await lessons.boot(location.hash))) || ss.boot(location, !embed))
  .then(() => {
    // URL values that were left out are said beside whatever the boot itself had to say.
    if (urlClock.problems.length > 0) ss.message = [ss.message, ...urlClock.problems].filter(Boolean).join(' ');
    if (embedApi) {
      if (embed?.autoplay) ss.play();
      embedApi.announce();
    } else pg.session(pg.activeUid)?.term.focus();
  });
