import { describe, expect, it } from 'vitest';
import { logNormal, Random, WeightedTable } from './random.js';

function draws(random: Random, n: number, draw: (r: Random) => number): number[] {
  return Array.from({ length: n }, () => draw(random));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('Random', () => {
  it('repeats its sequence for the same seed and stream, and differs otherwise', () => {
    const a = draws(new Random(42), 100, (r) => r.nextUint32());
    expect(draws(new Random(42), 100, (r) => r.nextUint32())).toEqual(a);
    expect(draws(new Random(43), 100, (r) => r.nextUint32())).not.toEqual(a);
    expect(draws(new Random(42, 1), 100, (r) => r.nextUint32())).not.toEqual(a);
    // Seeds that differ only above 32 bits are different seeds.
    expect(draws(new Random(42 + 2 ** 32), 100, (r) => r.nextUint32())).not.toEqual(a);
  });

  it('draws uniformly from [0, 1): mean 1/2, variance 1/12, every decile about a tenth', () => {
    const u = draws(new Random(7), 100_000, (r) => r.next());
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    const m = mean(u);
    expect(m).toBeCloseTo(0.5, 2);
    expect(mean(u.map((x) => (x - m) ** 2))).toBeCloseTo(1 / 12, 2);
    const deciles = new Array(10).fill(0);
    for (const x of u) deciles[Math.floor(x * 10)]++;
    // Binomial(100000, 0.1) has a standard deviation of about 95: 500 is over five of them.
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws normals with mean 0 and variance 1', () => {
    const z = draws(new Random(3), 100_000, (r) => r.normal());
    expect(mean(z)).toBeCloseTo(0, 1);
    expect(mean(z.map((x) => x * x))).toBeCloseTo(1, 1);
  });

  it('draws lognormals with the requested mean and coefficient of variation', () => {
    const x = draws(new Random(5), 200_000, (r) => r.logNormal(logNormal(300, 0.75)));
    const m = mean(x);
    const sd = Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
    expect(Math.abs(m - 300) / 300).toBeLessThan(0.01);
    expect(Math.abs(sd / m - 0.75)).toBeLessThan(0.03);
    expect(x.every((v) => v > 0)).toBe(true);
  });

  it('draws Poisson counts with mean and variance equal to the rate, below and above the switch to the normal approximation', () => {
    for (const rate of [3, 200]) {
      const k = draws(new Random(rate), 50_000, (r) => r.poisson(rate));
      const m = mean(k);
      expect(Math.abs(m - rate) / rate).toBeLessThan(0.02);
      expect(Math.abs(mean(k.map((v) => (v - m) ** 2)) - rate) / rate).toBeLessThan(0.05);
      expect(k.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    }
    expect(new Random(1).poisson(0)).toBe(0);
  });
});

describe('WeightedTable', () => {
  it('picks values in proportion to their weights and never a zero-weight value', () => {
    const table = WeightedTable.of([
      ['a', 1],
      ['never', 0],
      ['b', 3],
      ['c', 6],
    ]);
    const random = new Random(9);
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const v = table.pick(random);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.get('never')).toBeUndefined();
    expect((counts.get('a') ?? 0) / 100_000).toBeCloseTo(0.1, 2);
    expect((counts.get('b') ?? 0) / 100_000).toBeCloseTo(0.3, 2);
    expect((counts.get('c') ?? 0) / 100_000).toBeCloseTo(0.6, 2);
    expect(table.share(2)).toBeCloseTo(0.3, 12);
  });

  it('rejects tables that cannot be drawn from', () => {
    expect(() => new WeightedTable(['a'], [0])).toThrow();
    expect(() => new WeightedTable(['a', 'b'], [1])).toThrow();
    expect(() => new WeightedTable(['a'], [-1])).toThrow();
  });
});
