/**
 * Per-console command history, linenoise style: up/down browse (keeping the line being edited), consecutive
 * duplicates collapse, at most `max` lines, persisted through a small storage interface (localStorage in the app).
 */

export interface HistoryStore {
  load(): string[];
  save(lines: readonly string[]): void;
}

/** Saves waiting to be written, by store: typing a command must not wait for localStorage. */
const unsaved = new Map<HistoryStore, () => void>();

/** Write every history save still waiting (the page is going away). */
export function flushHistories(): void {
  for (const write of [...unsaved.values()]) write();
}
globalThis.addEventListener?.('pagehide', flushHistories);

/**
 * localStorage under a key that may change (a renamed console keeps its history). Saves are coalesced and written
 * `delayMs` after the first: a console fed ten commands a second would otherwise serialise and store its whole
 * history ten times a second, on the thread that draws the page.
 */
export function localStore(key: () => string, delayMs = 500): HistoryStore {
  let latest: readonly string[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const store: HistoryStore = {
    load() {
      try {
        const v: unknown = JSON.parse(globalThis.localStorage?.getItem(key()) ?? '[]');
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      } catch {
        return [];
      }
    },
    save(lines) {
      latest = [...lines];
      if (timer === null) {
        timer = setTimeout(write, delayMs);
        unsaved.set(store, write);
      }
    },
  };
  function write(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    unsaved.delete(store);
    try {
      globalThis.localStorage?.setItem(key(), JSON.stringify(latest));
    } catch {
      // Storage full or disabled: history stays in memory.
    }
  }
  return store;
}

export class History {
  private lines: string[];
  /** Browsing position: lines.length = the line being edited; smaller = an older entry. */
  private pos: number;
  /** What the user was typing before browsing started. */
  private draft = '';

  constructor(
    private readonly store: HistoryStore,
    private readonly max = 100,
  ) {
    this.lines = store.load().slice(-max);
    this.pos = this.lines.length;
  }

  get entries(): readonly string[] {
    return this.lines;
  }

  add(line: string): void {
    this.pos = this.lines.length;
    if (line.trim() === '' || this.lines[this.lines.length - 1] === line) return;
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
    this.pos = this.lines.length;
    this.store.save(this.lines);
  }

  /** Up arrow: the previous entry, or undefined at the oldest. */
  prev(current: string): string | undefined {
    if (this.pos === 0) return undefined;
    if (this.pos === this.lines.length) this.draft = current;
    this.pos--;
    return this.lines[this.pos];
  }

  /** Down arrow: the next entry, the saved draft after the newest, undefined when already there. */
  next(): string | undefined {
    if (this.pos >= this.lines.length) return undefined;
    this.pos++;
    return this.pos === this.lines.length ? this.draft : this.lines[this.pos];
  }

  resetBrowsing(): void {
    this.pos = this.lines.length;
  }

  /** Ctrl-R: the newest entry containing `query` strictly older than index `before`; returns its index. */
  search(query: string, before = this.lines.length): number {
    if (query === '') return -1;
    for (let i = Math.min(before, this.lines.length) - 1; i >= 0; i--) if (this.lines[i].includes(query)) return i;
    return -1;
  }
}
