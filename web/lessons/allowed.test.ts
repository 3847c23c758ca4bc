import { describe, expect, it } from 'vitest';
import { utf8ToBinary } from '../../engine/index.ts';
import { isAllowed, outsideName, refusal } from './allowed.ts';

describe("a lesson's list of commands", () => {
  const allowed = ['XACK', 'xpending', 'XGROUP  CREATE'];

  it('allows listed commands in any case, and a listed subcommand only', () => {
    expect(isAllowed(allowed, ['xack', 's', 'g', '1-1'])).toBe(true);
    expect(isAllowed(allowed, ['XPENDING', 's', 'g'])).toBe(true);
    expect(isAllowed(allowed, ['xgroup', 'create', 's', 'g', '$'])).toBe(true);
    expect(isAllowed(allowed, ['XGROUP', 'DESTROY', 's', 'g'])).toBe(false);
    expect(isAllowed(allowed, ['XACKDEL', 's', 'g', 'IDS', '1', '1-1'])).toBe(false);
    expect(isAllowed(allowed, [])).toBe(false);
  });

  it("names a transcript line's command when the list leaves it out", () => {
    expect(outsideName(allowed, '  xgroup  create s g $ ')).toBeUndefined();
    expect(outsideName(allowed, 'xdel s 1-0')).toBe('XDEL');
  });

  it('a command name alone allows every subcommand', () => {
    expect(isAllowed(['XGROUP'], ['XGROUP', 'SETID', 's', 'g', '0'])).toBe(true);
  });

  it('says what the lesson allows, naming the refused command in readable text', () => {
    expect(refusal(allowed, ['XACK', 's', 'g', '1-1'])).toBe('');
    expect(refusal(allowed, ['del', 's'])).toBe('Not run: this lesson allows only XACK, XPENDING, XGROUP CREATE (not DEL).');
    expect(refusal(allowed, [utf8ToBinary('xäck')])).toContain('(not XÄCK)');
  });
});
