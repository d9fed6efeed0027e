import type { ServiceLevelFormula } from '../erlang/types.js';

/** A callback offer: callers predicted to wait longer than `offerAfterSeconds` are offered one. */
export interface CallbackOffer {
  offerAfterSeconds: number;
  /** Share of offered callers who take the callback (0..1). */
  takeRate: number;
  /** The promise: the agent calls back within this many seconds of the request. */
  withinSeconds: number;
  /** Agent time a callback takes on top of the call's own handle time (dialling, ringing). */
  extraHandleSeconds: number;
  /**
   * Callbacks wait behind live callers until this share of their window has passed, then go ahead of
   * them (default 0.5).
   */
  priorityAfterShare?: number;
}

/** One queue of a simulation: Poisson arrivals per interval, handle times, patience, thresholds. */
export interface SimQueue {
  name: string;
  /** Mean arrivals in each interval of the horizon (a Poisson process of that rate within it). */
  arrivals: ArrayLike<number>;
  /** Mean handle time of a call (agent-occupied seconds) when served by a group whose first skill it is. */
  ahtSeconds: number;
  /** Where handle time varies by interval: the mean of each interval's arrivals (else ahtSeconds). */
  ahtByInterval?: ArrayLike<number>;
  /** Mean of the exponential patience of waiting callers; absent: nobody abandons. */
  patienceSeconds?: number;
  /** Where patience varies by interval (Infinity: nobody abandons in that interval). */
  patienceByInterval?: ArrayLike<number>;
  /** t of "answered within t seconds". */
  answerWithinSeconds: number;
  /** s of the short-abandon threshold (default 5). */
  shortAbandonSeconds?: number;
  callback?: CallbackOffer;
}

/** Agents who share a skill set; the first skill is their own queue, the others are handled slower. */
export interface SimGroup {
  name: string;
  /** Agents on duty in each interval (the last value holds after the horizon, while callers drain). */
  agents: ArrayLike<number>;
  /** Indexes of the queues this group serves; skills[0] is its own queue. */
  skills: readonly number[];
  /** Handle time factor for calls of any queue but skills[0] (cross-skilled handling), default 1. */
  otherSkillFactor?: number;
}

/** Handle times: exponential (CV 1) or lognormal with a coefficient of variation. */
export interface ServiceTimes {
  distribution: 'exponential' | 'lognormal';
  /** Coefficient of variation (standard deviation ÷ mean), lognormal only. */
  cv?: number;
}

export interface SimModel {
  intervalSeconds: number;
  /** Number of intervals of the horizon. */
  intervals: number;
  queues: readonly SimQueue[];
  groups: readonly SimGroup[];
  service: ServiceTimes;
}

/** Per queue and interval (of arrival), what happened to its callers. */
export const QUEUE_FIELDS = [
  'offered',
  /** Found no idle agent on arrival. */
  'queued',
  'answered',
  'answeredWithin',
  'waitAnsweredSeconds',
  'abandoned',
  'abandonedShort',
  'abandonedWithin',
  'callbacks',
  'callbacksServed',
  'callbacksWithin',
  /** Still waiting when the horizon had drained with no agents left. */
  'unserved',
] as const;
export type QueueField = (typeof QUEUE_FIELDS)[number];

/** Per group and interval: agent time on duty and agent time busy. */
export const GROUP_FIELDS = ['agentSeconds', 'busySeconds'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/** One replication's counts: queues × intervals × QUEUE_FIELDS and groups × intervals × GROUP_FIELDS. */
export interface SimCounts {
  queues: Float64Array;
  groups: Float64Array;
}

export const QF = Object.fromEntries(QUEUE_FIELDS.map((f, i) => [f, i])) as Record<QueueField, number>;
export const GF = Object.fromEntries(GROUP_FIELDS.map((f, i) => [f, i])) as Record<GroupField, number>;

/** Where a queue's interval's field sits in SimCounts.queues. */
export const queueIndex = (model: SimModel, queue: number, interval: number, field: number): number =>
  (queue * model.intervals + interval) * QUEUE_FIELDS.length + field;

export const groupIndex = (model: SimModel, group: number, interval: number, field: number): number =>
  (group * model.intervals + interval) * GROUP_FIELDS.length + field;

export type { ServiceLevelFormula };
