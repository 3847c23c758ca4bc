import { describe, expect, it } from 'vitest';
import { mainThreadWorkPerFrame } from './frame-trace.ts';

const MAIN = { pid: 7, tid: 1 };
const frame = (ms: number) => ({ name: 'BeginMainThreadFrame', ph: 'I', ...MAIN, ts: ms * 1000 });
const task = (ms: number, dur: number, where = MAIN, cpu = dur) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  ...where,
  ts: ms * 1000,
  dur: dur * 1000,
  tdur: cpu * 1000,
});

describe('mainThreadWorkPerFrame', () => {
  it('sums the main thread tasks inside each frame interval, splitting a task across the frames it spans', () => {
    const work = mainThreadWorkPerFrame({
      traceEvents: [frame(0), frame(16.7), frame(33.4), frame(70), task(1, 2), task(10, 3), task(30, 10), task(40, 25)],
    });
    expect(work.wall.map((w) => Number(w.toFixed(1)))).toEqual([5, 3.4, 31.6]);
    expect(work.cpu).toEqual(work.wall);
  });

  it('gives CPU time beside wall time: a task preempted half the time used half its wall time', () => {
    const work = mainThreadWorkPerFrame([frame(0), frame(16), frame(32), task(10, 12, MAIN, 6)]);
    expect(work.wall).toEqual([6, 6]);
    expect(work.cpu).toEqual([3, 3]);
  });

  it('ignores other threads and processes (the browser, the engine worker)', () => {
    const work = mainThreadWorkPerFrame([frame(0), frame(16), task(2, 10, { pid: 7, tid: 2 }), task(2, 10, { pid: 9, tid: 1 }), task(4, 1)]);
    expect(work.wall).toEqual([1]);
  });

  it('gives nothing when the page drew fewer than two frames', () => {
    expect(mainThreadWorkPerFrame({ traceEvents: [frame(0), task(1, 5)] })).toEqual({ wall: [], cpu: [] });
    expect(mainThreadWorkPerFrame({})).toEqual({ wall: [], cpu: [] });
  });
});
