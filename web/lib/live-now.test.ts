import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVE_TICK_MS, LiveNow } from './live-now.ts';

describe('LiveNow: the engine time the page shows', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('on a real clock, runs on from the last view between views', () => {
    let shown = 0;
    const live = new LiveNow((t) => (shown = t));
    live.set(1_000_000, true);
    expect(shown).toBe(1_000_000);
    vi.advanceTimersByTime(LIVE_TICK_MS * 5);
    expect(shown).toBe(1_000_000 + LIVE_TICK_MS * 5);
    // A new view resets it to the engine's own time.
    live.set(2_000_000, true);
    expect(shown).toBe(2_000_000);
    vi.advanceTimersByTime(LIVE_TICK_MS);
    expect(shown).toBe(2_000_000 + LIVE_TICK_MS);
    live.stop();
  });

  it('on a virtual clock, stays at the view time (it moves only with commands)', () => {
    let shown = 0;
    const live = new LiveNow((t) => (shown = t));
    live.set(1_000_000, true);
    live.set(1_609_097_574_170, false);
    vi.advanceTimersByTime(5_000);
    expect(shown).toBe(1_609_097_574_170);
    expect(vi.getTimerCount()).toBe(0);
  });
});
