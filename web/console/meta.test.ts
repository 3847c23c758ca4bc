import { describe, expect, it } from 'vitest';
import { parseDuration, parseMeta } from './meta.ts';

describe('console commands', () => {
  it('parse clock moves with units', () => {
    expect(parseMeta(':clock +30s')).toEqual({ do: 'clock-advance', ms: 30_000 });
    expect(parseMeta(':clock +250')).toEqual({ do: 'clock-advance', ms: 250 });
    expect(parseMeta(':clock set 1609097574170')).toEqual({ do: 'clock-set', t: 1609097574170 });
    expect(parseMeta(':clock step 5')).toEqual({ do: 'clock-step', ms: 5 });
    expect(parseDuration('1.5m')).toBe(90_000);
  });

  it('explain what they do not understand', () => {
    expect(parseMeta(':clock +soon')).toMatchObject({ do: 'error' });
    expect(parseMeta(':nope')).toEqual({ do: 'error', message: "Unknown console command ':nope' (see :help)" });
  });

  it('refuse times and steps the clock cannot take, with the range', () => {
    expect(parseMeta(':clock set 9007199254740991')).toEqual({ do: 'error', message: "Bad time '9007199254740991' (Unix ms up to 8640000000000000, or an ISO date)" });
    expect(parseMeta(':clock set +275761-01-01T00:00:00Z')).toMatchObject({ do: 'error' });
    expect(parseMeta(':clock set 8640000000000000')).toEqual({ do: 'clock-set', t: 8.64e15 });
    expect(parseMeta(':clock step 2h')).toEqual({ do: 'error', message: "Bad step '2h' (0 to 3600000 ms, or a duration up to 1h)" });
    expect(parseMeta(':clock step 1h')).toEqual({ do: 'clock-step', ms: 3_600_000 });
  });
});
