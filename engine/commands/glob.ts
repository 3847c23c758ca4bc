/**
 * Redis's glob matcher (util.c stringmatchlen), byte for byte: `*`, `?`, `[...]` with `^`, ranges and `\` escapes,
 * and `\` escaping outside brackets. An unterminated `[` matches what it has seen so far, as in Redis.
 * `skipLonger` is Redis's guard against exponential backtracking on patterns like `a*a*a*a*b`.
 */

const MAX_NESTING = 1000;

export function globMatch(pattern: string, str: string, nocase = false): boolean {
  const skip = { longer: false };
  return match(pattern, 0, str, 0, nocase, skip, 0);
}

function lower(c: string): string {
  return c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
}

function match(p: string, pi: number, s: string, si: number, nocase: boolean, skip: { longer: boolean }, nesting: number): boolean {
  if (nesting > MAX_NESTING) return false;
  const eq = (a: string, b: string) => (nocase ? lower(a) === lower(b) : a === b);
  while (pi < p.length && si < s.length) {
    switch (p[pi]) {
      case '*': {
        while (pi + 1 < p.length && p[pi + 1] === '*') pi++;
        if (pi + 1 === p.length) return true;
        while (si < s.length) {
          if (match(p, pi + 1, s, si, nocase, skip, nesting + 1)) return true;
          if (skip.longer) return false;
          si++;
        }
        skip.longer = true;
        return false;
      }
      case '?':
        si++;
        break;
      case '[': {
        pi++;
        const not = p[pi] === '^';
        if (not) pi++;
        let matched = false;
        for (;;) {
          if (p[pi] === '\\' && p.length - pi >= 2) {
            pi++;
            if (eq(p[pi], s[si])) matched = true;
          } else if (p[pi] === ']') {
            break;
          } else if (pi >= p.length) {
            pi--;
            break;
          } else if (p.length - pi >= 3 && p[pi + 1] === '-') {
            let start = p.charCodeAt(pi);
            let end = p.charCodeAt(pi + 2);
            let c = s.charCodeAt(si);
            if (start > end) [start, end] = [end, start];
            if (nocase) {
              start = lower(String.fromCharCode(start)).charCodeAt(0);
              end = lower(String.fromCharCode(end)).charCodeAt(0);
              c = lower(s[si]).charCodeAt(0);
            }
            pi += 2;
            if (c >= start && c <= end) matched = true;
          } else if (eq(p[pi], s[si])) {
            matched = true;
          }
          pi++;
        }
        if (not) matched = !matched;
        if (!matched) return false;
        si++;
        break;
      }
      case '\\':
        if (p.length - pi >= 2) pi++;
        if (!eq(p[pi], s[si])) return false;
        si++;
        break;
      default:
        if (!eq(p[pi], s[si])) return false;
        si++;
        break;
    }
    pi++;
    if (si === s.length) {
      while (p[pi] === '*') pi++;
      break;
    }
  }
  return pi === p.length && si === s.length;
}
