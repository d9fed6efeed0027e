import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../money/decimal.js';
import type { Pair } from './arithmetic.js';
import {
  type CpcDecomposition,
  decomposeCostPerContact,
  type PeriodInput,
  type SegmentEffect,
} from './midpoint.js';

/** Exact rationals over BigInt: a second, naive computation the Decimal results are checked against. */
class Q {
  constructor(
    readonly n: bigint,
    readonly d: bigint = 1n,
  ) {}
  static cents(c: number): Q {
    return new Q(BigInt(c), 100n);
  }
  plus(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return this.plus(new Q(-o.n, o.d));
  }
  times(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return o.n < 0n ? new Q(-this.n * o.d, -this.d * o.n) : new Q(this.n * o.d, this.d * o.n);
  }
  half(): Q {
    return new Q(this.n, this.d * 2n);
  }
  /** |this − x| ≤ 10^−places, compared exactly. */
  near(x: Decimal, places: number): boolean {
    const scale = 10n ** BigInt(places + 2);
    const [n, d] = x.toFraction().map((v) => BigInt(v.toFixed(0))) as [bigint, bigint];
    const diff = this.minus(new Q(n, d));
    const abs = diff.n < 0n ? -diff.n : diff.n;
    return abs * scale <= 100n * (diff.d < 0n ? -diff.d : diff.d);
  }
}

interface Seg {
  key: string;
  v: Pair<number>;
  cents: Pair<number>;
}

const toInput = (segs: readonly Seg[], t: 0 | 1, unallocatedCents: number): PeriodInput => ({
  segments: segs
    .filter((s) => s.v[t] > 0 || s.cents[t] !== 0)
    .map((s) => ({ key: s.key, contacts: s.v[t], cost: (s.cents[t] / 100).toFixed(2) })),
  unallocated: (unallocatedCents / 100).toFixed(2),
});

/** The textbook formulas, term by term, in exact rationals. */
function naive(segs: readonly Seg[], unallocated: Pair<number>) {
  const V = [0, 1].map((t) => segs.reduce((n, s) => n + s.v[t as 0 | 1], 0)) as [number, number];
  const C = [0, 1].map((t) =>
    segs.reduce((c, s) => c.plus(Q.cents(s.cents[t as 0 | 1])), Q.cents(unallocated[t as 0 | 1])),
  );
  const cpc = [0, 1].map((t) => (C[t] as Q).div(new Q(BigInt(V[t] as number))));
  const per = new Map<string, { mix: Q; rate: Q; cost: Q; volume: Q; own: Q }>();
  for (const s of segs) {
    const v = s.v.map((x) => new Q(BigInt(x)));
    const c = s.cents.map(Q.cents) as [Q, Q];
    const w = v.map((x, t) => x.div(new Q(BigInt(V[t] as number)))) as [Q, Q];
    const zero = new Q(0n);
    if (s.v[0] > 0 && s.v[1] > 0) {
      const u = c.map((x, t) => x.div(v[t] as Q)) as [Q, Q];
      const wBar = w[0].plus(w[1]).half();
      const inv = v.map((x) => new Q(1n).div(x)) as [Q, Q];
      per.set(s.key, {
        mix: w[1].minus(w[0]).times(u[0].plus(u[1]).half()),
        rate: wBar.times(u[1].minus(u[0])),
        cost: wBar.times(c[1].minus(c[0])).times(inv[0].plus(inv[1]).half()),
        volume: wBar.times(inv[1].minus(inv[0])).times(c[0].plus(c[1]).half()),
        own: zero,
      });
    } else {
      const own = c[1].div(new Q(BigInt(V[1]))).minus(c[0].div(new Q(BigInt(V[0]))));
      per.set(s.key, { mix: zero, rate: zero, cost: zero, volume: zero, own });
    }
  }
  return { change: (cpc[1] as Q).minus(cpc[0] as Q), per };
}

/** 1–6 segments with contacts 0..400 (zero often, so segments enter and leave) and costs in cents. */
const segmentsArb = fc
  .array(
    fc.record({
      v: fc.tuple(
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
        fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
      ),
      cents: fc.tuple(
        fc.integer({ min: -50_000, max: 5_000_000 }),
        fc.integer({ min: -50_000, max: 5_000_000 }),
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((list) => list.map((s, i) => ({ key: `s${i}`, ...s }) as Seg))
  .filter((segs) => segs.some((s) => s.v[0] > 0) && segs.some((s) => s.v[1] > 0));
const unallocatedArb = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }));

const decompose = (segs: readonly Seg[], u: Pair<number>) =>
  decomposeCostPerContact([toInput(segs, 0, u[0]), toInput(segs, 1, u[1])]);

const sumOfParts = (d: CpcDecomposition) =>
  d.mix.plus(d.rate).plus(d.entered).plus(d.left).plus(d.withoutContacts).plus(d.unallocated);

describe('midpoint decomposition of cost per contact', () => {
  it('matches the hand-computed example', () => {
    // See the comment in midpoint.ts: voice 100 @ 500.00 → 100 @ 600.00, email 100 @ 300.00 → 300 @ 600.00.
    const d = decomposeCostPerContact([
      {
        segments: [
          { key: 'voice', contacts: 100, cost: '500.00' },
          { key: 'email', contacts: 100, cost: '300.00' },
        ],
        unallocated: 0,
      },
      {
        segments: [
          { key: 'voice', contacts: 100, cost: '600.00' },
          { key: 'email', contacts: 300, cost: '600.00' },
        ],
        unallocated: 0,
      },
    ]);
    expect(d.costPerContact.map(String)).toEqual(['4', '3']);
    expect(d.change.toString()).toBe('-1');
    expect(d.mix.toString()).toBe('-0.75');
    const [email, voice] = d.segments as [SegmentEffect, SegmentEffect];
    expect([
      voice.key,
      voice.rate.toString(),
      voice.costGrowth.toString(),
      voice.volumeGrowth.toString(),
    ]).toEqual(['voice', '0.375', '0.375', '0']);
    expect([
      email.key,
      email.rate.toString(),
      email.costGrowth.toString(),
      email.volumeGrowth.toString(),
    ]).toEqual(['email', '-0.625', '1.25', '-1.875']);
    expect([voice.mix.toString(), email.mix.toString()]).toEqual(['-1.375', '0.625']);
  });

  it('reports entered, left, cost without contacts and unallocated cost as their own parts', () => {
    /*
     * Period 0: voice 3 contacts 30.00, sms 1 contact 10.00, social no contacts 4.00, unallocated 8.00;
     *   V = 4, C = 52, CPC 13. Period 1: voice 3 contacts 30.00, chat 5 contacts 10.00, social 0 contacts
     *   8.00, unallocated 0; V = 8, C = 48, CPC 6; change −7.
     * sms left: 0/8 − 10/4 = −2.5. chat entered: 10/8 − 0 = 1.25. social: 8/8 − 4/4 = 0.
     * unallocated: 0 − 8/4 = −2. voice: w 3/4 → 3/8, u 10 → 10: mix (−3/8)·10 = −3.75, rate 0.
     * −3.75 − 2.5 + 1.25 + 0 − 2 = −7.
     */
    const d = decomposeCostPerContact([
      {
        segments: [
          { key: 'voice', contacts: 3, cost: '30' },
          { key: 'sms', contacts: 1, cost: '10' },
          { key: 'social', contacts: 0, cost: '4' },
        ],
        unallocated: '8',
      },
      {
        segments: [
          { key: 'voice', contacts: 3, cost: '30' },
          { key: 'chat', contacts: 5, cost: '10' },
          { key: 'social', contacts: 0, cost: '8' },
        ],
        unallocated: '0',
      },
    ]);
    const view = Object.fromEntries(d.segments.map((s) => [s.key, [s.status, s.total.toString()]]));
    expect(view).toEqual({
      chat: ['entered', '1.25'],
      sms: ['left', '-2.5'],
      social: ['without-contacts', '0'],
      voice: ['continuing', '-3.75'],
    });
    expect(
      [d.change, d.mix, d.rate, d.entered, d.left, d.withoutContacts, d.unallocated].map(String),
    ).toEqual(['-7', '-3.75', '0', '1.25', '-2.5', '0', '-2']);
  });

  it('leaves out segments with neither contacts nor cost, and refuses a period without contacts', () => {
    const d = decomposeCostPerContact([
      {
        segments: [
          { key: 'a', contacts: 1, cost: '1' },
          { key: 'b', contacts: 0, cost: '0' },
        ],
        unallocated: 0,
      },
      { segments: [{ key: 'a', contacts: 1, cost: '2' }], unallocated: 0 },
    ]);
    expect(d.segments.map((s) => s.key)).toEqual(['a']);
    expect(() =>
      decomposeCostPerContact([
        { segments: [{ key: 'a', contacts: 0, cost: '1' }], unallocated: 0 },
        { segments: [{ key: 'a', contacts: 1, cost: '2' }], unallocated: 0 },
      ]),
    ).toThrow(/no counted contacts/);
  });

  it('parts sum to the change, and agree with exact rational arithmetic term by term', () => {
    fc.assert(
      fc.property(segmentsArb, unallocatedArb, (segs, u) => {
        const d = decompose(segs, u);
        const expected = naive(segs, u);
        expect(expected.change.near(d.change, 39)).toBe(true);
        expect(expected.change.near(sumOfParts(d), 37)).toBe(true);
        expect(d.change.minus(sumOfParts(d)).abs().lte('1e-37')).toBe(true);
        for (const s of d.segments) {
          const e = expected.per.get(s.key);
          expect(e).toBeDefined();
          if (!e) continue;
          expect([e.mix.near(s.mix, 39), e.rate.near(s.rate, 39), e.cost.near(s.costGrowth, 39)]).toEqual([
            true,
            true,
            true,
          ]);
          expect([e.volume.near(s.volumeGrowth, 39), e.own.near(s.own, 39)]).toEqual([true, true]);
          // cost growth + volume growth = rate, the two computed independently of rate
          expect(s.costGrowth.plus(s.volumeGrowth).minus(s.rate).abs().lte('1e-39')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order or the names of the segments', () => {
    const arb = segmentsArb.chain((segs) =>
      fc.tuple(
        fc.constant(segs),
        unallocatedArb,
        fc.shuffledSubarray(segs, { minLength: segs.length, maxLength: segs.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([segs, u, shuffled]) => {
        // New names sort in the reverse order of the old ones, and the input order is shuffled.
        const rename = (key: string) => `z${String(99 - Number(key.slice(1))).padStart(2, '0')}`;
        const a = decompose(segs, u);
        const b = decompose(
          shuffled.map((s) => ({ ...s, key: rename(s.key) })),
          u,
        );
        for (const part of [
          'change',
          'mix',
          'rate',
          'costGrowth',
          'volumeGrowth',
          'entered',
          'left',
          'unallocated',
        ] as const) {
          expect(b[part].eq(a[part])).toBe(true);
        }
        const byKey = new Map(b.segments.map((s) => [s.key, s]));
        for (const s of a.segments) {
          const other = byKey.get(rename(s.key));
          expect(
            other &&
              [other.mix, other.rate, other.costGrowth, other.volumeGrowth, other.own].every((x, i) =>
                x.eq([s.mix, s.rate, s.costGrowth, s.volumeGrowth, s.own][i] as Decimal),
              ),
          ).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('negates every part when the periods are swapped', () => {
    const swapped: Record<string, string> = {
      continuing: 'continuing',
      entered: 'left',
      left: 'entered',
      'without-contacts': 'without-contacts',
    };
    fc.assert(
      fc.property(segmentsArb, unallocatedArb, (segs, u) => {
        const a = decompose(segs, u);
        const b = decompose(
          segs.map((s) => ({ key: s.key, v: [s.v[1], s.v[0]], cents: [s.cents[1], s.cents[0]] })),
          [u[1], u[0]],
        );
        for (const part of [
          'change',
          'mix',
          'rate',
          'costGrowth',
          'volumeGrowth',
          'withoutContacts',
          'unallocated',
        ] as const) {
          expect(b[part].eq(a[part].neg())).toBe(true);
        }
        expect(b.entered.eq(a.left.neg()) && b.left.eq(a.entered.neg())).toBe(true);
        a.segments.forEach((s, i) => {
          const o = b.segments[i] as SegmentEffect;
          expect([o.key, o.status]).toEqual([s.key, swapped[s.status]]);
          expect([o.mix, o.rate, o.costGrowth, o.volumeGrowth, o.own].map(String)).toEqual(
            [s.mix, s.rate, s.costGrowth, s.volumeGrowth, s.own].map((x) => x.neg().toString()),
          );
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps money inputs exact: a tenth of a cent per contact survives', () => {
    // 1000.01 over 1000 contacts vs 1000.00: the change is 0.00001 exactly, all of it cost growth.
    const d = decomposeCostPerContact([
      { segments: [{ key: 'a', contacts: 1000, cost: new Decimal('1000.00') }], unallocated: 0 },
      { segments: [{ key: 'a', contacts: 1000, cost: new Decimal('1000.01') }], unallocated: 0 },
    ]);
    expect([
      d.change.toString(),
      d.segments[0]?.costGrowth.toString(),
      d.segments[0]?.volumeGrowth.toString(),
    ]).toEqual(['0.00001', '0.00001', '0']);
  });
});
