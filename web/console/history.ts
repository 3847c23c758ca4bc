/**
 * Per-console command history, linenoise style: up/down browse (keeping the line being edited), consecutive
 * duplicates collapse, at most `max` lines, persisted through a small storage interface (localStorage in the app).
 */

export interface HistoryStore {
  load(): string[];
  save(lines: readonly string[]): void;
}

/** localStorage under a key that may change (a renamed console keeps its history). */
export function localStore(key: () => string): HistoryStore {
  return {
    load() {
      try {
        const v: unknown = JSON.parse(globalThis.localStorage?.getItem(key()) ?? '[]');
        return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
      } catch {
        return [];
      }
    },
    save(lines) {
      try {
        globalThis.localStorage?.setItem(key(), JSON.stringify(lines));
      } catch {
        // Storage full or disabled: history stays in memory.
      }
    },
  };
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
