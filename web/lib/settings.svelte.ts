/**
 * User settings: theme, prompt style, hints, layout, persisted in localStorage.
 */
export type Theme = 'system' | 'light' | 'dark';
export type Layout = 'tabs' | 'split';

const KEY = 'streams-playground:settings';

interface Stored {
  theme: Theme;
  prompt: string;
  hints: boolean;
  layout: Layout;
}

const DEFAULTS: Stored = { theme: 'system', prompt: '127.0.0.1:6379', hints: true, layout: 'tabs' };

function load(): Stored {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    if (typeof v !== 'object' || v === null) return DEFAULTS;
    const o = v as Record<string, unknown>;
    return {
      theme: o.theme === 'light' || o.theme === 'dark' ? o.theme : 'system',
      prompt: typeof o.prompt === 'string' && o.prompt.length <= 40 ? o.prompt : DEFAULTS.prompt,
      hints: typeof o.hints === 'boolean' ? o.hints : true,
      layout: o.layout === 'split' ? 'split' : 'tabs',
    };
  } catch {
    return DEFAULTS;
  }
}

export class Settings {
  theme = $state<Theme>('system');
  /** The prompt shown: the user's own, or the one a loaded scenario asks for (see usePrompt). */
  prompt = $state(DEFAULTS.prompt);
  /** The user's own prompt (the one saved): a scenario's prompt lasts only while that scenario is open. */
  ownPrompt = DEFAULTS.prompt;
  hints = $state(true);
  layout = $state<Layout>('tabs');
  /** The system's preference, followed when theme is `system`. */
  systemDark = $state(false);
  readonly effectiveTheme = $derived<'light' | 'dark'>(
    this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme,
  );

  constructor() {
    const s = load();
    this.theme = s.theme;
    this.prompt = this.ownPrompt = s.prompt;
    this.hints = s.hints;
    this.layout = s.layout;
    const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    if (mq) {
      this.systemDark = mq.matches;
      mq.addEventListener('change', (e) => (this.systemDark = e.matches));
    }
  }

  /** The user picks a prompt: shown and saved. */
  setOwnPrompt(p: string): void {
    this.prompt = this.ownPrompt = p;
    this.save();
  }

  /** A scenario opens: its prompt if it names one, else the user's own. Never saved. */
  usePrompt(scenarioPrompt: string | undefined): void {
    this.prompt = scenarioPrompt ?? this.ownPrompt;
  }

  save(): void {
    const s: Stored = { theme: this.theme, prompt: this.ownPrompt, hints: this.hints, layout: this.layout };
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      // Private mode: settings last for this page only.
    }
  }
}
