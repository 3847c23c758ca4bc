import { describe, expect, it } from 'vitest';
import { Engine, VirtualClock } from '../../engine/index.ts';
import { viewState } from '../../engine/view.ts';
import { waitingElsewhere } from './waiting.ts';

describe('clients waiting where no stream is drawn', () => {
  it('lists a reader blocked on a stream that does not exist yet, and drops it once the stream is drawn', () => {
    const e = new Engine({ clock: new VirtualClock(1000) });
    const [reader, lister, producer] = ['reader', 'lister', 'producer'].map((n) => e.connect(n));
    e.exec(reader, ['XREAD', 'BLOCK', '0', 'STREAMS', 'orders', '$']);
    e.exec(lister, ['BLPOP', 'jobs', '5']);
    const w = waitingElsewhere(viewState(e));
    expect(w.map((x) => [x.b.name, x.b.command, x.keys, x.forStream])).toEqual([
      ['reader', 'XREAD', ['orders'], true],
      ['lister', 'BLPOP', ['jobs'], false],
    ]);
    // A client waiting on a drawn stream is listed by that stream instead.
    e.exec(producer, ['XADD', 'other', '*', 'f', 'v']);
    e.exec(e.connect('both'), ['XREAD', 'BLOCK', '0', 'STREAMS', 'other', 'nope', '$', '$']);
    expect(waitingElsewhere(viewState(e)).map((x) => x.b.name)).toEqual(['reader', 'lister']);
    // The XADD that creates the stream serves the reader.
    e.exec(producer, ['XADD', 'orders', '*', 'f', 'v']);
    expect(waitingElsewhere(viewState(e)).map((x) => x.b.name)).toEqual(['lister']);
  });
});
