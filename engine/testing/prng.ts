/** Seeded randomness for property and fuzz tests: the same inputs on every run, on every machine. */

/** mulberry32: a small, fast, seedable PRNG giving floats in [0, 1). Its low bits have no short cycles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator of integers in [0, n). */
export function randomInts(seed: number): (n: number) => number {
  const next = prng(seed);
  return (n) => Math.floor(next() * n);
}

/** Seeded choices for the random command generators: an index, an element, a coin with probability p. */
export class Chooser {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = prng(seed);
  }

  protected int(n: number): number {
    return Math.floor(this.random() * n);
  }
  protected pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  protected chance(p: number): boolean {
    return this.random() < p;
  }
}
