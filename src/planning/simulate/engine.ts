import { EventHeap } from './event-heap.js';
import { GF, GROUP_FIELDS, QF, QUEUE_FIELDS, type SimCounts, type SimModel } from './model.js';
import { Stream } from './random.js';

const QN = QUEUE_FIELDS.length;
const GN = GROUP_FIELDS.length;
const DEFAULT_SHORT_ABANDON = 5;
const DEFAULT_PRIORITY_SHARE = 0.5;

/** Waiting callers of one queue (or its callbacks), first come first served, in growable typed arrays. */
class Line {
  arrived: Float64Array = new Float64Array(16);
  deadline: Float64Array = new Float64Array(16);
  service: Float64Array = new Float64Array(16);
  interval: Int32Array = new Int32Array(16);
  head = 0;
  size = 0;

  push(arrived: number, deadline: number, service: number, interval: number): void {
    if (this.size === this.arrived.length) this.grow();
    const at = (this.head + this.size) & (this.arrived.length - 1);
    this.arrived[at] = arrived;
    this.deadline[at] = deadline;
    this.service[at] = service;
    this.interval[at] = interval;
    this.size++;
  }

  shift(): void {
    this.head = (this.head + 1) & (this.arrived.length - 1);
    this.size--;
  }

  private grow(): void {
    const capacity = this.arrived.length * 2;
    const order = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
      for (let i = 0; i < this.size; i++) b[i] = a[(this.head + i) & (a.length - 1)] as number;
      return b;
    };
    this.arrived = order(this.arrived, new Float64Array(capacity));
    this.deadline = order(this.deadline, new Float64Array(capacity));
    this.service = order(this.service, new Float64Array(capacity));
    this.interval = order(this.interval, new Int32Array(capacity));
    this.head = 0;
  }
}

/**
 * One replication of a discrete-event simulation of a contact center: Poisson arrivals per queue
 * with a rate per interval, handle times (exponential or lognormal), exponential patience, callback
 * offers, and groups of agents with skills whose numbers change at interval boundaries.
 *
 * Callers are served first come first served within a queue; an agent who becomes free takes a due
 * callback first, else the longest-waiting live caller among its skills, else any callback. A caller
 * arriving to an idle agent of its queue is served at once (groups whose own queue it is first).
 * Abandonment is exact and lazy: a caller whose patience ran out before an agent reached it is
 * counted as abandoned at its deadline when it reaches the head of the line. Callback offers use the
 * head-of-line delay as the predicted wait (Ibrahim & Whitt 2009). When staffing falls at a boundary,
 * busy agents finish their call before they leave. After the horizon the last interval's agents
 * serve whoever still waits; arrivals stop.
 */
export function simulateOnce(model: SimModel, seed: number, replication: number): SimCounts {
  const I = model.intervalSeconds;
  const N = model.intervals;
  const Q = model.queues.length;
  const G = model.groups.length;
  const counts = new Float64Array(Q * N * QN);
  const groupCounts = new Float64Array(G * N * GN);

  const streams = model.queues.map((_, q) => new Stream(seed, replication, q));
  const aht = Float64Array.from(model.queues, (q) => q.ahtSeconds);
  const patience = Float64Array.from(model.queues, (q) => q.patienceSeconds ?? Number.POSITIVE_INFINITY);
  const within = Float64Array.from(model.queues, (q) => q.answerWithinSeconds);
  const short = Float64Array.from(model.queues, (q) => q.shortAbandonSeconds ?? DEFAULT_SHORT_ABANDON);
  const lognormal = model.service.distribution === 'lognormal';
  const sigma2 = Math.log(1 + (model.service.cv ?? 1) ** 2);
  const sigma = Math.sqrt(sigma2);
  const ahtBy = model.queues.map((q) => q.ahtByInterval);
  const patienceBy = model.queues.map((q) => q.patienceByInterval);
  const offers = model.queues.map((q) => q.callback);
  const due = Float64Array.from(offers, (c) =>
    c ? c.withinSeconds * (c.priorityAfterShare ?? DEFAULT_PRIORITY_SHARE) : 0,
  );
  const lines = model.queues.map(() => new Line());
  const callbacks = model.queues.map(() => new Line());

  const skills = model.groups.map((g) => Int32Array.from(g.skills));
  const plans = model.groups.map((g) => g.agents);
  const factor = Float64Array.from(model.groups, (g) => g.otherSkillFactor ?? 1);
  const onDuty = new Int32Array(G);
  const busy = new Int32Array(G);
  const idle = new Int32Array(G);
  // For each queue, the groups that serve it: those whose own queue it is first.
  const preference = model.queues.map((_, q) => {
    const own = model.groups.flatMap((g, i) => (g.skills[0] === q ? [i] : []));
    const other = model.groups.flatMap((g, i) => (g.skills[0] !== q && g.skills.includes(q) ? [i] : []));
    return Int32Array.from([...own, ...other]);
  });
  for (let g = 0; g < G; g++) {
    const agents = plans[g] as ArrayLike<number>;
    for (let i = 0; i < N; i++) groupCounts[(g * N + i) * GN + GF.agentSeconds] = (agents[i] ?? 0) * I;
    onDuty[g] = agents[0] ?? 0;
    idle[g] = onDuty[g] as number;
  }
  const heap = new EventHeap();
  const nextArrival = new Float64Array(Q);
  const count = (q: number, interval: number, field: number, value = 1) => {
    const at = (q * N + interval) * QN + field;
    counts[at] = (counts[at] as number) + value;
  };

  /** The next arrival after `from` of queue q: exponential gaps at each interval's rate, memoryless across boundaries. */
  const drawArrival = (q: number, from: number): number => {
    const arrivals = model.queues[q]?.arrivals as ArrayLike<number>;
    const stream = streams[q] as Stream;
    let t = from;
    let i = Math.floor(t / I);
    while (i < N) {
      const mean = arrivals[i] ?? 0;
      const end = (i + 1) * I;
      if (mean > 0) {
        const next = t + stream.exponential(I / mean);
        if (next < end) return next;
      }
      t = end;
      i++;
    }
    return Number.POSITIVE_INFINITY;
  };

  const addBusy = (g: number, start: number, duration: number) => {
    let s = start;
    const end = start + duration;
    for (let i = Math.floor(s / I); s < end && i < N; i++) {
      const stop = Math.min(end, (i + 1) * I);
      const at = (g * N + i) * GN + GF.busySeconds;
      groupCounts[at] = (groupCounts[at] as number) + stop - s;
      s = stop;
    }
  };

  const startService = (g: number, q: number, base: number, t: number) => {
    const duration = (skills[g] as Int32Array)[0] === q ? base : base * (factor[g] as number);
    busy[g] = (busy[g] as number) + 1;
    heap.push(t + duration, g);
    addBusy(g, t, duration);
  };

  /** Callers whose patience ran out by `t` leave the head of queue q, counted at their deadline. */
  const purge = (q: number, t: number) => {
    const line = lines[q] as Line;
    while (line.size > 0 && (line.deadline[line.head] as number) <= t) {
      const h = line.head;
      const waited = (line.deadline[h] as number) - (line.arrived[h] as number);
      const interval = line.interval[h] as number;
      count(q, interval, QF.abandoned);
      if (waited <= (short[q] as number)) count(q, interval, QF.abandonedShort);
      if (waited <= (within[q] as number)) count(q, interval, QF.abandonedWithin);
      line.shift();
    }
  };

  const serveCallback = (g: number, q: number, t: number) => {
    const line = callbacks[q] as Line;
    const h = line.head;
    const interval = line.interval[h] as number;
    count(q, interval, QF.callbacksServed);
    if (t - (line.arrived[h] as number) <= (offers[q]?.withinSeconds ?? 0))
      count(q, interval, QF.callbacksWithin);
    startService(g, q, (line.service[h] as number) + (offers[q]?.extraHandleSeconds ?? 0), t);
    line.shift();
  };

  /** A free agent of group g takes its next piece of work at t; false when there is none. */
  const serveNext = (g: number, t: number): boolean => {
    const own = skills[g] as Int32Array;
    let bestQueue = -1;
    let oldest = Number.POSITIVE_INFINITY;
    for (let k = 0; k < own.length; k++) {
      const q = own[k] as number;
      const line = callbacks[q] as Line;
      if (line.size === 0) continue;
      const requested = line.arrived[line.head] as number;
      if (t - requested >= (due[q] as number) && requested < oldest) {
        oldest = requested;
        bestQueue = q;
      }
    }
    if (bestQueue >= 0) {
      serveCallback(g, bestQueue, t);
      return true;
    }
    for (let k = 0; k < own.length; k++) {
      const q = own[k] as number;
      purge(q, t);
      const line = lines[q] as Line;
      if (line.size > 0 && (line.arrived[line.head] as number) < oldest) {
        oldest = line.arrived[line.head] as number;
        bestQueue = q;
      }
    }
    if (bestQueue >= 0) {
      const line = lines[bestQueue] as Line;
      const h = line.head;
      const waited = t - (line.arrived[h] as number);
      const interval = line.interval[h] as number;
      count(bestQueue, interval, QF.answered);
      count(bestQueue, interval, QF.waitAnsweredSeconds, waited);
      if (waited <= (within[bestQueue] as number)) count(bestQueue, interval, QF.answeredWithin);
      startService(g, bestQueue, line.service[h] as number, t);
      line.shift();
      return true;
    }
    for (let k = 0; k < own.length; k++) {
      const q = own[k] as number;
      const line = callbacks[q] as Line;
      if (line.size > 0 && (line.arrived[line.head] as number) < oldest) {
        oldest = line.arrived[line.head] as number;
        bestQueue = q;
      }
    }
    if (bestQueue < 0) return false;
    serveCallback(g, bestQueue, t);
    return true;
  };

  const arrive = (q: number, t: number) => {
    const stream = streams[q] as Stream;
    const interval = Math.min(N - 1, Math.floor(t / I));
    // Every caller draws the same numbers in the same order whatever the staffing.
    const meanPatience = patienceBy[q]?.[interval] ?? (patience[q] as number);
    const waitLimit = Number.isFinite(meanPatience)
      ? stream.exponential(meanPatience)
      : Number.POSITIVE_INFINITY;
    const meanService = ahtBy[q]?.[interval] ?? (aht[q] as number);
    const service = lognormal
      ? Math.exp(Math.log(meanService) - sigma2 / 2 + sigma * stream.normal())
      : stream.exponential(meanService);
    const choice = stream.next();
    nextArrival[q] = drawArrival(q, t);
    count(q, interval, QF.offered);
    const groups = preference[q] as Int32Array;
    for (let k = 0; k < groups.length; k++) {
      const g = groups[k] as number;
      if ((idle[g] as number) > 0) {
        idle[g] = (idle[g] as number) - 1;
        count(q, interval, QF.answered);
        count(q, interval, QF.answeredWithin);
        startService(g, q, service, t);
        return;
      }
    }
    count(q, interval, QF.queued);
    const offer = offers[q];
    if (offer) {
      purge(q, t);
      const line = lines[q] as Line;
      const predicted = line.size > 0 ? t - (line.arrived[line.head] as number) : 0;
      if (predicted > offer.offerAfterSeconds && choice < offer.takeRate) {
        (callbacks[q] as Line).push(t, Number.POSITIVE_INFINITY, service, interval);
        count(q, interval, QF.callbacks);
        return;
      }
    }
    (lines[q] as Line).push(t, t + waitLimit, service, interval);
  };

  const dispatch = (g: number, t: number) => {
    while ((idle[g] as number) > 0 && serveNext(g, t)) idle[g] = (idle[g] as number) - 1;
  };

  for (let q = 0; q < Q; q++) nextArrival[q] = drawArrival(q, 0);
  let interval = 0;
  for (;;) {
    let q = -1;
    let ta = Number.POSITIVE_INFINITY;
    for (let k = 0; k < Q; k++) {
      if ((nextArrival[k] as number) < ta) {
        ta = nextArrival[k] as number;
        q = k;
      }
    }
    const tc = heap.peekTime();
    const tb = interval < N - 1 ? (interval + 1) * I : Number.POSITIVE_INFINITY;
    if (tb <= ta && tb <= tc && tb < Number.POSITIVE_INFINITY) {
      interval++;
      for (let g = 0; g < G; g++) {
        onDuty[g] = (plans[g] as ArrayLike<number>)[interval] ?? 0;
        idle[g] = Math.max(0, (onDuty[g] as number) - (busy[g] as number));
      }
      for (let g = 0; g < G; g++) dispatch(g, tb);
    } else if (tc <= ta && tc < Number.POSITIVE_INFINITY) {
      const g = heap.pop();
      busy[g] = (busy[g] as number) - 1;
      // An agent above the interval's staffing goes off duty once the call ends.
      if ((busy[g] as number) + 1 <= (onDuty[g] as number) && !serveNext(g, tc))
        idle[g] = (idle[g] as number) + 1;
    } else if (q >= 0) {
      arrive(q, ta);
    } else {
      break;
    }
  }
  // Nobody is left to serve: the impatient abandon at their deadline, the rest are unserved.
  for (let k = 0; k < Q; k++) {
    for (const line of [lines[k] as Line, callbacks[k] as Line]) {
      while (line.size > 0) {
        if (Number.isFinite(line.deadline[line.head] as number)) purge(k, line.deadline[line.head] as number);
        else {
          count(k, line.interval[line.head] as number, QF.unserved);
          line.shift();
        }
      }
    }
  }
  return { queues: counts, groups: groupCounts };
}
