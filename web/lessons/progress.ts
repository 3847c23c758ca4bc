/**
 * Learner progress in localStorage, versioned: which lessons are done (with the commands used), how many hints
 * were revealed, and where the learner was. An unreadable or future-version record is ignored, never trusted.
 */
export const PROGRESS_KEY = 'streams-playground:lessons';
export const PROGRESS_VERSION = 1;

export interface Progress {
  readonly v: typeof PROGRESS_VERSION;
  /** Lesson id → the best (fewest) commands used when it was solved. */
  readonly done: Readonly<Record<string, { readonly commands: number; readonly at: number }>>;
  /** Lesson id → hints revealed. */
  readonly hints: Readonly<Record<string, number>>;
  /** The lesson last opened. */
  readonly current?: string;
}

export const EMPTY_PROGRESS: Progress = { v: PROGRESS_VERSION, done: {}, hints: {} };

/** Minimal storage surface, so tests can pass a Map-backed one. */
export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function loadProgress(store: Store | undefined): Progress {
  try {
    const raw: unknown = JSON.parse(store?.getItem(PROGRESS_KEY) ?? 'null');
    if (!isRecord(raw) || raw.v !== PROGRESS_VERSION) return EMPTY_PROGRESS;
    const done: Record<string, { commands: number; at: number }> = {};
    if (isRecord(raw.done)) {
      for (const [id, d] of Object.entries(raw.done)) {
        if (isRecord(d) && Number.isSafeInteger(d.commands) && typeof d.at === 'number') done[id] = { commands: Number(d.commands), at: d.at };
      }
    }
    const hints: Record<string, number> = {};
    if (isRecord(raw.hints)) for (const [id, n] of Object.entries(raw.hints)) if (Number.isSafeInteger(n)) hints[id] = Number(n);
    return { v: PROGRESS_VERSION, done, hints, ...(typeof raw.current === 'string' ? { current: raw.current } : {}) };
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function saveProgress(store: Store | undefined, p: Progress): void {
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Storage full or blocked: progress stays in memory for this visit.
  }
}

/** Record a solve, keeping the best command count. */
export function markDone(p: Progress, id: string, commands: number, at: number): Progress {
  const prev = p.done[id];
  const best = prev && prev.commands <= commands ? prev : { commands, at };
  return { ...p, done: { ...p.done, [id]: best } };
}

export const withHints = (p: Progress, id: string, n: number): Progress => ({ ...p, hints: { ...p.hints, [id]: Math.max(n, p.hints[id] ?? 0) } });
export const withCurrent = (p: Progress, id: string): Progress => ({ ...p, current: id });
