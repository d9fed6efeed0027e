/**
 * Seeded pseudo-random numbers for the demo data: sfc32 (a small, fast 32-bit generator that
 * passes PractRand) seeded through splitmix32. Separate streams of one seed let the contact
 * stream, the agent roster and the cost ledger draw independently, so changing how one of them
 * draws never shifts the others.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number, stream = 0) {
    const low = seed >>> 0;
    const high = Math.floor(seed / 4294967296) >>> 0;
    let state = (low ^ Math.imul(high, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1)) | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = (state + 0x9e3779b9) | 0;
      words.push(splitmixOutput(state));
    }
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    // The first outputs of sfc32 still carry the seed's structure; discard them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Standard normal by Box–Muller; the second value of each pair is kept for the next call. */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  logNormal(shape: LogNormal): number {
    return Math.exp(shape.mu + shape.sigma * this.normal());
  }

  /** Poisson count: exact (Knuth) for small means, normal approximation above 30 where it is close. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }
}

function splitmixOutput(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Parameters of a lognormal distribution with the given mean and coefficient of variation. */
export interface LogNormal {
  mu: number;
  sigma: number;
}

export function logNormal(mean: number, cv: number): LogNormal {
  const variance = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

/** A fixed set of values drawn with fixed relative weights. */
export class WeightedTable<T> {
  private readonly cumulative: number[];

  constructor(
    readonly values: readonly T[],
    weights: readonly number[],
  ) {
    if (values.length === 0 || values.length !== weights.length)
      throw new Error('weighted table needs one weight per value');
    let total = 0;
    const running: number[] = [];
    for (const weight of weights) {
      if (!(weight >= 0)) throw new Error(`weight ${weight} is not >= 0`);
      total += weight;
      running.push(total);
    }
    if (total <= 0) throw new Error('weighted table needs a positive weight');
    this.cumulative = running.map((c) => c / total);
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(
      entries.map(([value]) => value),
      entries.map(([, weight]) => weight),
    );
  }

  /** The probability of the value at `index`. */
  share(index: number): number {
    return (this.cumulative[index] ?? 0) - (index > 0 ? (this.cumulative[index - 1] ?? 0) : 0);
  }

  /** Binary search for the first cumulative share above a uniform draw. */
  pick(random: Random): T {
    const u = random.next();
    const cumulative = this.cumulative;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) <= u) low = middle + 1;
      else high = middle;
    }
    return this.values[low] as T;
  }
}
