import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DiagramState } from './diagram.svelte.ts';
import { streamV, viewV } from './fixtures.ts';

/** Animation frames run by hand: `frame()` runs the callbacks requested so far, as the browser does at a vsync. */
let requested: FrameRequestCallback[] = [];
const frame = async (): Promise<void> => {
  const due = requested;
  requested = [];
  for (const f of due) f(performance.now());
  await new Promise((r) => setTimeout(r, 0)); // the draw's promise chain
};
const viewOf = (n: number) => viewV([streamV('s', Array.from({ length: n }, (_, i) => `${i + 1}-0`))]);
const xadd = { argv: ['XADD', 's', '*', 'f', 'v'], client: 1, events: [] };

describe('DiagramState draws on animation frames', () => {
  beforeEach(() => {
    requested = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => requested.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('draws the batches that arrive before a frame together, at that frame', async () => {
    const ds = new DiagramState();
    void ds.ingest(viewOf(1), [xadd]);
    void ds.ingest(viewOf(2), [xadd]);
    expect(ds.drawn).toBe(0);
    expect(requested).toHaveLength(1);
    await frame();
    expect(ds.drawn).toBe(2);
    expect(ds.view?.streams[0].length).toBe(2);
    expect(ds.compact).toBe(true); // two batches in one frame are a stream
  });

  it('draws a batch that comes just after a draw at the very next frame, under a stream of batches too', async () => {
    const ds = new DiagramState();
    for (let i = 1; i <= 5; i++) {
      const done = ds.ingest(viewOf(i), [xadd]);
      // Requested at once, not after a minimum gap since the last draw: a gap cost a typed command a frame or two.
      expect(requested).toHaveLength(1);
      await frame();
      await done;
      expect(ds.drawn).toBe(i);
      expect(ds.view?.streams[0].length).toBe(i);
    }
    expect(ds.compact).toBe(true);
  });
});
