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
});
