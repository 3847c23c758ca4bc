import { describe, expect, it } from 'vitest';
import { MAX_STEP_MS, clockFromUrl, clockRangeProblem } from './clock-options.ts';

describe('clock options from the URL', () => {
  it('reads the clock, start, step and profile', () => {
    expect(clockFromUrl('?clock=real&start=1609097574170&step=5&profile=redis-7.0')).toEqual({
      clock: { mode: 'real', start: 1609097574170, step: 5, profile: 'redis-7.0' },
      problems: [],
    });
    expect(clockFromUrl(`?step=${MAX_STEP_MS}&start=8640000000000000`).problems).toEqual([]);
  });

  it('leaves out what it cannot use and says why, instead of failing to start', () => {
    const { clock, problems } = clockFromUrl('?start=9007199254740993&step=-3&clock=banana&profile=redis-6.0');
    expect(clock.mode).toBe('virtual');
    expect(clock.step).toBe(1);
    expect(Number.isSafeInteger(clock.start) && clock.start > 0 && clock.start <= 8.64e15).toBe(true);
    expect(problems).toEqual([
      '?start=9007199254740993 was ignored: it takes Unix ms from 0 to 8640000000000000.',
      '?step=-3 was ignored: it takes milliseconds per command, from 0 to 3600000.',
      '?clock=banana was ignored: it takes real or virtual.',
      '?profile=redis-6.0 was ignored: it takes redis-8, redis-8.0 or redis-7.0.',
    ]);
    expect(clockFromUrl(`?step=${MAX_STEP_MS + 1}`).problems).toHaveLength(1);
    // A hostile value is cut short in the message.
    expect(clockFromUrl(`?start=${'9'.repeat(5000)}`).problems[0].length).toBeLessThan(120);
  });

  it('says why a time is out of range', () => {
    expect(clockRangeProblem(1e17)).toBe('The clock goes from 0 to 8640000000000000 ms (the year 275760): 100000000000000000 is out of range.');
  });
});
