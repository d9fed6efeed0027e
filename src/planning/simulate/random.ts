/**
 * xoshiro128** (Blackman & Vigna): a small, fast 32-bit generator with a period of 2^128 − 1, seeded
 * through splitmix32 so that nearby seeds give unrelated streams. The simulation gives every queue of
 * every replication a stream of its own (seed, replication, queue), so a caller's arrival, patience,
 * handle time and callback choice do not depend on how the agents were staffed: two staffings of the
 * same seed are compared on the same callers (common random numbers).
 */
export class Stream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = Number.NaN;

  constructor(seed: number, ...path: readonly number[]) {
    let state = mix(seed >>> 0) ^ mix(Math.floor(seed / 4294967296) >>> 0);
    for (const p of path) state = mix((state ^ Math.imul(p + 1, 0x9e3779b9)) >>> 0);
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      return mix(state >>> 0);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1; // never the all-zero state
  }

  /** Uniform in [0, 1). */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result / 4294967296;
  }

  /** Exponential with the given mean; 1 − u lies in (0, 1], so the logarithm is finite. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal by Box–Muller, the second value of each pair kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const spare = this.spare;
      this.spare = Number.NaN;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32's output function: a bijective scramble of 32 bits. */
function mix(x: number): number {
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
