/**
 * redis-cli's inline hints (7.2+, `src/redis-cli.c`): the typed words are matched against the argument tree
 * (matchArgs and friends) and the arguments not yet typed are rendered (addHintForArguments and friends).
 * A faithful port: the same matching rules, the same `[...]`, `|` and ` [x ...]` rendering.
 */
import type { ArgDoc } from './model.ts';

interface Match {
  matched: number;
  matchedToken: boolean;
  matchedName: boolean;
  matchedAll: boolean;
}

/** One matching session: redis-cli keeps these flags on its argument structs; we keep them on the side. */
export class ArgMatcher {
  private readonly state = new Map<ArgDoc, Match>();

  st(a: ArgDoc): Match {
    let s = this.state.get(a);
    if (!s) this.state.set(a, (s = { matched: 0, matchedToken: false, matchedName: false, matchedAll: false }));
    return s;
  }

  /** clearMatchedArgs */
  clear(a: ArgDoc): void {
    const s = this.st(a);
    s.matched = 0;
    s.matchedToken = s.matchedName = s.matchedAll = false;
    for (const c of a.args ?? []) this.clear(c);
  }

  private noToken(w: readonly string[], at: number, n: number, a: ArgDoc): number {
    const s = this.st(a);
    const kids = a.args ?? [];
    switch (a.type) {
      case 'block':
        s.matched += this.args(w, at, n, kids);
        s.matchedAll = kids.every((c) => this.st(c).matchedAll);
        break;
      case 'oneof':
        for (const c of kids) {
          if (this.arg(w, at, n, c)) {
            s.matched += this.st(c).matched;
            s.matchedAll = this.st(c).matchedAll;
            break;
          }
        }
        break;
      case 'integer':
      case 'unix-time':
      case 'double': {
        // sscanf("%lld") / sscanf("%lf") succeed on a numeric prefix.
        const re = a.type === 'double' ? /^\s*[+-]?(\d|\.\d|inf|nan)/i : /^\s*[+-]?\d/;
        if (re.test(w[at])) {
          s.matched += 1;
          s.matchedName = s.matchedAll = true;
        } else {
          s.matched = 0;
          s.matchedName = false;
        }
        break;
      }
      default:
        s.matched += 1;
        s.matchedName = s.matchedAll = true;
    }
    return s.matched;
  }

  private once(w: readonly string[], at: number, n: number, a: ArgDoc): number {
    const s = this.st(a);
    if (a.token !== undefined) {
      if (a.token.toLowerCase() !== w[at].toLowerCase()) return 0;
      s.matchedToken = true;
      s.matched = 1;
      if (a.type === 'pure-token') {
        s.matchedAll = true;
        return 1;
      }
      if (n === 1) return 1;
      at++;
      n--;
    }
    if (!this.noToken(w, at, n, a)) return 0;
    return s.matched;
  }

  arg(w: readonly string[], at: number, n: number, a: ArgDoc): number {
    let once = this.once(w, at, n, a);
    if (!a.multiple) return once;
    const s = this.st(a);
    let words = once;
    while (s.matchedAll && words < n) {
      this.clear(a);
      if (a.token !== undefined && !a.multipleToken) {
        once = this.noToken(w, at + words, n - words, a);
        if (s.matched) s.matchedToken = true;
      } else {
        once = this.once(w, at + words, n - words, a);
      }
      words += once;
    }
    s.matchedAll = false; // more repetitions may follow
    return words;
  }

  private oneOptional(w: readonly string[], at: number, n: number, args: readonly ArgDoc[]): [number, number] {
    for (let i = 0; i < args.length; i++) {
      if (this.st(args[i]).matched) continue;
      const words = this.arg(w, at, n, args[i]);
      if (words) return [words, i];
    }
    return [0, -1];
  }

  private optionals(w: readonly string[], at: number, n: number, args: readonly ArgDoc[]): number {
    let next = 0;
    let last = -1;
    while (next !== n) {
      const [words, which] = this.oneOptional(w, at + next, n - next, args);
      if (words === 0) break;
      if (last !== -1) this.st(args[last]).matchedAll = true;
      last = which;
      next += words;
    }
    return next;
  }

  /** matchArgs: how many of the words match the arguments (0 when a required one does not). */
  args(w: readonly string[], at: number, n: number, args: readonly ArgDoc[]): number {
    let next = 0;
    for (let i = 0; next !== n && i < args.length; i++) {
      let words: number;
      if (args[i].optional) {
        let last = i;
        while (last < args.length && args[last].optional) last++;
        words = this.optionals(w, at + next, n - next, args.slice(i, last));
        i = last - 1;
      } else {
        words = this.arg(w, at + next, n - next, args[i]);
        if (words === 0) return 0;
      }
      next += words;
    }
    return next;
  }

  // ----- rendering -----

  hintFor(args: readonly ArgDoc[], sep: string, into = ''): string {
    let hint = into;
    let len = hint.length;
    const separate = (last: boolean) => {
      if (hint.length > len && !last) {
        hint += sep;
        len = hint.length;
      }
    };
    for (let i = 0; i < args.length; i++) {
      if (!args[i].optional) {
        hint = this.hintOne(hint, args[i]);
        separate(i === args.length - 1);
        continue;
      }
      // Consecutive optional arguments may come in any order: the one being typed goes first.
      let j = i;
      let incomplete = -1;
      for (; j < args.length && args[j].optional; j++) {
        const s = this.st(args[j]);
        if (s.matched !== 0 && !s.matchedAll) {
          hint = this.hintOne(hint, args[j]);
          separate(i === args.length - 1);
          incomplete = j;
        }
      }
      if (j === args.length || this.st(args[j]).matched === 0) {
        for (; i < j; i++) {
          if (incomplete !== i) {
            hint = this.hintOne(hint, args[i]);
            separate(i === args.length - 1);
          }
        }
      }
      i = j - 1;
    }
    return hint;
  }

  private repeated(hint: string, a: ArgDoc): string {
    if (!a.multiple) return hint;
    this.clear(a);
    if (hint !== '') hint += ' ';
    hint += '[';
    if (a.multipleToken) {
      hint += orEmpty(a.token ?? '');
      if (a.type !== 'pure-token') hint += ' ';
    }
    if (a.type === 'oneof') hint = this.hintFor(a.args ?? [], '|', hint);
    else if (a.type === 'block') hint = this.hintFor(a.args ?? [], ' ', hint);
    else if (a.type !== 'pure-token') hint += orEmpty(a.display);
    return hint + ' ...]';
  }

  private hintOne(hint: string, a: ArgDoc): string {
    const s = this.st(a);
    if (s.matchedAll) return hint;
    const bracket = a.optional && !s.matched;
    if (bracket) hint += '[';
    if (a.token !== undefined && !s.matchedToken) {
      hint += orEmpty(a.token);
      if (a.type !== 'pure-token') hint += ' ';
    }
    if (a.type === 'oneof') {
      if (s.matched === 0) hint = this.hintFor(a.args ?? [], '|', hint);
      else for (const c of a.args ?? []) if (this.st(c).matched !== 0) hint = this.hintOne(hint, c);
    } else if (a.type === 'block') {
      hint = this.hintFor(a.args ?? [], ' ', hint);
    } else if (a.type !== 'pure-token' && !s.matchedName) {
      hint += orEmpty(a.display);
    }
    hint = this.repeated(hint, a);
    if (bracket) hint += ']';
    return hint;
  }
}

const orEmpty = (s: string) => (s === '' ? '""' : s);

/** makeHint: the hint after the words typed past the command name, or '' when they do not match. */
export function cliHint(args: readonly ArgDoc[], typed: readonly string[]): string {
  if (args.length === 0) return '';
  const m = new ArgMatcher();
  const words = m.args(typed, 0, typed.length, args);
  return words === typed.length ? m.hintFor(args, ' ') : '';
}
