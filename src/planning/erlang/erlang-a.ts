import { inverseErlangB } from './erlang-b.js';
import {
  assertAgents,
  assertWorkload,
  DEFAULT_SHORT_ABANDON_SECONDS,
  type ErlangAMetrics,
  hasPatience,
  type Thresholds,
  trafficErlangs,
  type Workload,
} from './types.js';

/*
 * Erlang A (M/M/n+M): Poisson arrivals λ, exponential handling μ = 1/AHT, n agents, and callers
 * who abandon after an exponential patience with rate θ. With x = nμ/θ and y = λ/θ, a caller who
 * arrives to find all agents busy and j callers ahead is answered with probability x/(x+j+1), and
 * the stationary probabilities of j callers waiting are π_n·y^j/((x+1)(x+2)…(x+j)). Summing the
 * per-j figures against those weights gives every result; the sums are the series below. The
 * waiting-time tail follows from the same sums evaluated at y·e^{−θt} (docs/planning.md derives it).
 */

/** Series over the number of callers ahead, all scaled by e^{−logScale} so that none overflows. */
interface WaitingSums {
  logScale: number;
  /** Σ w_j: with π_n, the probability of waiting. */
  all: number;
  /** Σ w_j·x/(x+j+1): answered after waiting. */
  served: number;
  /** Σ w_j·(j+1)/(x+j+1): abandoned. */
  abandoned: number;
  /** Σ w_j·x/(x+j+1)·Σ_{i<=j} 1/(x+i+1): mean wait of answered callers, in units of patience. */
  servedWait: number;
}

const RESCALE_ABOVE = 1e280;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);
const RELATIVE_TAIL = 1e-17;

/** w_j = y^j / ((x+1)…(x+j)); the terms rise while y > x+j, then fall faster than geometrically. */
function waitingSums(x: number, y: number): WaitingSums {
  let term = 1;
  let logScale = 0;
  let all = 0;
  let served = 0;
  let abandoned = 0;
  let servedWait = 0;
  let harmonic = 0;
  for (let j = 0; ; j++) {
    const d = x + j + 1;
    harmonic += 1 / d;
    const answered = (term * x) / d;
    all += term;
    served += answered;
    abandoned += (term * (j + 1)) / d;
    servedWait += answered * harmonic;
    const ratio = y / d;
    term *= ratio;
    if (term > RESCALE_ABOVE) {
      term /= RESCALE_ABOVE;
      all /= RESCALE_ABOVE;
      served /= RESCALE_ABOVE;
      abandoned /= RESCALE_ABOVE;
      servedWait /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    // Past the peak the rest is below term/(1 − ratio) (ratios only shrink), times a slowly growing harmonic.
    if (ratio < 1 && term * (harmonic + 1) < all * RELATIVE_TAIL * (1 - ratio)) break;
  }
  return { logScale, all, served, abandoned, servedWait };
}

/**
 * Callers whose wait exceeds t, relative to π_n: the sums at y' = y·e^{−θt} times
 * e^{−(x+1)·θt + y(1−e^{−θt})}. Returns the answered and the all-callers tails, scaled like `base`.
 */
function beyond(
  x: number,
  y: number,
  thetaT: number,
  base: WaitingSums,
): { answered: number; waiting: number } {
  if (thetaT === 0) return { answered: base.served, waiting: base.all };
  const decay = Math.exp(-thetaT);
  const tail = waitingSums(x, y * decay);
  const factor = Math.exp(-(x + 1) * thetaT + y * (1 - decay) + tail.logScale - base.logScale);
  return { answered: tail.served * factor, waiting: tail.all * factor };
}

/** Erlang A metrics from R = 1/B(n, a) (Erlang B with the same agents and traffic). */
export function erlangAFromInverse(
  agents: number,
  traffic: number,
  inverse: number,
  load: { ahtSeconds: number; patienceSeconds: number },
  thresholds: Thresholds,
): ErlangAMetrics {
  if (traffic === 0) {
    return {
      model: 'erlang-a',
      trafficErlangs: 0,
      agents,
      stable: true,
      pWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      pAbandon: 0,
      answeredWithinOfOffered: 1,
    };
  }
  const x = (agents * load.patienceSeconds) / load.ahtSeconds;
  const y = (traffic * load.patienceSeconds) / load.ahtSeconds;
  const sums = waitingSums(x, y);
  // π_n = 1 / (R + S − 1); in the scaled units of the sums the normaliser is (R − 1)·e^{−L} + S·e^{−L}.
  const norm = Math.exp(Math.log(inverse - 1) - sums.logScale) + sums.all;
  const pWait = sums.all / norm;
  const pAbandon = sums.abandoned / norm;
  const afterT = beyond(x, y, thresholds.answerWithinSeconds / load.patienceSeconds, sums);
  const answeredWithin = 1 - pWait + (sums.served - afterT.answered) / norm;
  const pAnswered = 1 - pAbandon;
  const outcomes: Outcomes = {
    x,
    y,
    patience: load.patienceSeconds,
    sums,
    norm,
    pAbandon,
    afterT,
    answeredWithin,
    pAnswered,
  };
  const serviceLevel = serviceLevelOf(thresholds, outcomes);
  return {
    model: 'erlang-a',
    trafficErlangs: traffic,
    agents,
    stable: true,
    pWait,
    serviceLevel: clamp(serviceLevel, 0, 1),
    // Nobody is answered without agents: an infinite ASA keeps it monotone in n for searches.
    asaSeconds:
      agents > 0 ? (load.patienceSeconds * sums.servedWait) / norm / pAnswered : Number.POSITIVE_INFINITY,
    occupancy: agents === 0 ? 0 : Math.min(1, (traffic * pAnswered) / agents),
    pAbandon,
    answeredWithinOfOffered: clamp(answeredWithin, 0, 1),
  };
}

/** Shares of all offered callers, and what the abandon shares are computed from where a formula needs them. */
interface Outcomes {
  x: number;
  y: number;
  patience: number;
  sums: WaitingSums;
  norm: number;
  pAbandon: number;
  /** Callers still waiting or answered after t. */
  afterT: { answered: number; waiting: number };
  answeredWithin: number;
  pAnswered: number;
}

/** Abandons within a time: all abandons minus those still waiting after it (the tail beyond it). */
function abandonedWithin(o: Outcomes, after: { answered: number; waiting: number }): number {
  return clamp(o.pAbandon - Math.max(0, after.waiting - after.answered) / o.norm, 0, o.pAbandon);
}

function shortAbandons(o: Outcomes, thresholds: Thresholds): number {
  const s = thresholds.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON_SECONDS;
  return abandonedWithin(o, beyond(o.x, o.y, s / o.patience, o.sums));
}

function serviceLevelOf(thresholds: Thresholds, o: Outcomes): number {
  switch (thresholds.formula ?? 'short_abandons_excluded') {
    case 'short_abandons_excluded':
      return o.answeredWithin / (1 - shortAbandons(o, thresholds));
    case 'abandons_against':
      return o.answeredWithin;
    case 'answered_only':
      return o.pAnswered > 0 ? o.answeredWithin / o.pAnswered : 0;
    case 'early_abandons_good':
      return o.answeredWithin + abandonedWithin(o, o.afterT);
    case 'early_abandons_ignored':
      return o.answeredWithin / (1 - abandonedWithin(o, o.afterT));
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Erlang A: callers abandon after an exponential patience (finite; without it, use Erlang C). */
export function erlangA(load: Workload, agents: number, thresholds: Thresholds): ErlangAMetrics {
  assertWorkload(load);
  assertAgents(agents);
  if (!hasPatience(load))
    throw new RangeError('Erlang A needs a finite patience; without abandonment use Erlang C');
  const traffic = trafficErlangs(load);
  return erlangAFromInverse(agents, traffic, inverseErlangB(agents, traffic), load, thresholds);
}
