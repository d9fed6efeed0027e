import { UserError } from '../../errors.js';
import type { Definitions } from '../../metrics/definitions.js';
import type { Channel } from '../../model/contact.js';
import type { Baseline, BaselineChannel, BaselineSegment } from '../baseline/baseline.js';
import type { StaffingTargets } from '../erlang/staffing.js';
import type { CallbackOffer, SimQueue } from '../simulate/model.js';
import { type ClassGrid, classCalls } from './grid.js';
import type { Levers } from './schema.js';

/** One queue as the scenario staffs it: its contacts per class, handle time, patience and targets. */
export interface SegmentPlan {
  id: string;
  channel: string;
  queue: string | null;
  /** Offered contacts per class (ClassGrid). */
  calls: Float64Array;
  /** Handle time per contact, after the levers. */
  ahtSeconds: number;
  concurrency: number;
  patienceSeconds?: number;
  targets: StaffingTargets;
  /** The inputs that decide the staffing, for memoising. */
  key: string;
}

/** Queues staffed together: one queue by Erlang, or by simulation (callbacks, a pool with skills routing). */
export interface UnitPlan {
  kind: 'erlang' | 'simulated';
  channel: string;
  segments: SegmentPlan[];
  callback?: CallbackOffer & { withinShare: number };
  pool?: { crossSkilledShare: number; crossSkillAhtFactor: number };
  key: string;
}

/** A queue as the simulation takes it: its calls per class and occupied handle time, with a callback offer where given. */
export function simQueueOf(s: SegmentPlan, callback?: CallbackOffer): SimQueue {
  return {
    name: s.id,
    arrivals: s.calls,
    ahtSeconds: s.ahtSeconds / s.concurrency,
    ...(s.patienceSeconds === undefined ? {} : { patienceSeconds: s.patienceSeconds }),
    answerWithinSeconds: s.targets.answerWithinSeconds,
    ...(s.targets.shortAbandonSeconds === undefined
      ? {}
      : { shortAbandonSeconds: s.targets.shortAbandonSeconds }),
    ...(callback ? { callback } : {}),
  };
}

/** How a channel's volume moves each month: what arrives, what is served elsewhere, what never comes. */
export interface ChannelVolume {
  /** Offered contacts in the scenario ÷ in the baseline, per month. */
  offeredFactor: number[];
  /** Contacts resolved without an agent (IVR containment, self-service deflection) per month. */
  selfServedAdded: number[];
  /** Repeat contacts that a removed root cause prevents, per month. */
  prevented: number[];
  /** Contacts that still call and pass the IVR (before its containment), per month. */
  arriving: number[];
  /** Contacts resolved in the IVR, and contacts deflected to self-service, per month. */
  contained: number[];
  deflected: number[];
  /** Volume growth alone. */
  growth: number;
}

const segmentId = (channel: string, queue: string | null) => `${channel}/${queue ?? ''}`;

/** The scenario's volume of a channel, month by month. */
export function channelVolume(channel: BaselineChannel, levers: Levers, grid: ClassGrid): ChannelVolume {
  const name = channel.channel;
  const growth = 1 + (levers.volume?.by_channel?.[name] ?? levers.volume?.growth ?? 0);
  const containment = levers.ivr && levers.ivr.channel === name ? levers.ivr.containment : 0;
  const deflection = levers.self_service?.deflection[name] ?? 0;
  const reduction = levers.root_causes?.repeat_reduction ?? {};
  // The same volume levers give the same object, so the calls per class are reused (classCalls).
  const key = JSON.stringify([grid.months, growth, containment, deflection, reduction]);
  const known = volumes.get(channel) ?? new Map<string, ChannelVolume>();
  volumes.set(channel, known);
  const cached = known.get(key);
  if (cached) return cached;
  const result: ChannelVolume = {
    offeredFactor: [],
    selfServedAdded: [],
    prevented: [],
    arriving: [],
    contained: [],
    deflected: [],
    growth,
  };
  grid.months.forEach((month) => {
    const offered = channel.segments.reduce((sum, s) => sum + (s.volume[month] ?? 0), 0);
    const repeats = channel.repeats
      .filter((r) => r.month === month && r.topic !== null)
      .reduce((sum, r) => sum + r.repeats * (reduction[r.topic as string] ?? 0), 0);
    const preventedShare = offered > 0 ? Math.min(1, repeats / offered) : 0;
    const arriving = growth * (1 - preventedShare);
    result.offeredFactor.push(arriving * (1 - containment) * (1 - deflection));
    result.selfServedAdded.push(offered * arriving * (1 - (1 - containment) * (1 - deflection)));
    result.prevented.push(offered * growth * preventedShare);
    result.arriving.push(offered * arriving * (1 - deflection));
    result.contained.push(offered * arriving * (1 - deflection) * containment);
    result.deflected.push(offered * arriving * deflection);
  });
  known.set(key, result);
  return result;
}

const volumes = new WeakMap<BaselineChannel, Map<string, ChannelVolume>>();

/** Handle time after the levers: verification saved, software, the harder remainder, transfers. */
function scenarioAht(segment: BaselineSegment, channel: Channel, levers: Levers): number {
  let aht = segment.ahtSeconds as number;
  if (levers.ivr && levers.ivr.channel === channel) aht -= levers.ivr.verification_seconds_saved;
  if (levers.software) aht += levers.software.aht_seconds_change;
  if ((levers.self_service?.deflection[channel] ?? 0) > 0)
    aht *= levers.self_service?.remaining_aht_factor ?? 1;
  const routing = levers.routing;
  if (
    routing &&
    routing.channel === channel &&
    segment.queue !== null &&
    routing.pool.includes(segment.queue)
  ) {
    const after = routing.transfer_rate_after ?? routing.transfer_rate_before;
    aht *= 1 + (after - routing.transfer_rate_before) * routing.transfer_handle_share;
  }
  return Math.max(1, aht);
}

function targetsOf(channel: BaselineChannel, levers: Levers, d: Definitions): StaffingTargets {
  const own = (
    levers.targets as Record<string, { service_level?: number; within_seconds?: number } | undefined>
  )?.[channel.channel];
  return {
    answerWithinSeconds: own?.within_seconds ?? channel.serviceLevel.withinSeconds,
    serviceLevel: own?.service_level ?? channel.serviceLevel.target,
    maxOccupancy: levers.targets?.max_occupancy ?? channel.maxOccupancy,
    shortAbandonSeconds: d.shortAbandonSeconds,
    formula: d.serviceLevelFormula,
  };
}

/** Shrinkage in force for a channel: the lever's (one figure or per channel), else the baseline's. */
export function shrinkageOf(channel: BaselineChannel, levers: Levers): number {
  const lever = levers.shrinkage;
  if (typeof lever === 'number') return lever;
  return lever?.[channel.channel] ?? channel.shrinkage;
}

/** Every staffed queue of the scenario, grouped into the units that are staffed together. */
export function unitPlans(baseline: Baseline, levers: Levers, d: Definitions, grid: ClassGrid): UnitPlan[] {
  checkReferences(baseline, levers);
  const units: UnitPlan[] = [];
  for (const channel of baseline.channels) {
    const volume = channelVolume(channel, levers, grid);
    const targets = targetsOf(channel, levers, d);
    const concurrency = levers.concurrency?.[channel.channel] ?? channel.concurrency;
    const plans = channel.segments
      .filter((s) => s.ahtSeconds !== null)
      .map((s): SegmentPlan => {
        const ahtSeconds = scenarioAht(s, channel.channel, levers);
        const patience = s.patienceSeconds ?? undefined;
        return {
          id: segmentId(channel.channel, s.queue),
          channel: channel.channel,
          queue: s.queue,
          calls: classCalls(grid, s, volume.offeredFactor),
          ahtSeconds,
          concurrency,
          ...(patience === undefined ? {} : { patienceSeconds: patience }),
          targets,
          key: JSON.stringify([
            channel.channel,
            s.queue,
            volume.offeredFactor,
            ahtSeconds,
            concurrency,
            patience,
            targets,
          ]),
        };
      });
    // Deferrable work (threshold of an interval or more) is staffed to its workload, never simulated.
    const queued = (p: SegmentPlan) => p.targets.answerWithinSeconds < grid.intervalSeconds;
    const callback = levers.callback?.channel === channel.channel ? callbackOffer(levers) : undefined;
    const routing = levers.routing?.channel === channel.channel ? levers.routing : undefined;
    const pooled = plans.filter((p) => queued(p) && p.queue !== null && routing?.pool.includes(p.queue));
    if (routing && pooled.length > 1) {
      const pool = {
        crossSkilledShare: routing.cross_skilled_share,
        crossSkillAhtFactor: routing.cross_skill_aht_factor,
      };
      units.push(unit('simulated', channel.channel, pooled, callback, pool));
    }
    for (const p of plans) {
      if (routing && pooled.length > 1 && pooled.includes(p)) continue;
      const simulated = callback !== undefined && queued(p);
      units.push(
        unit(simulated ? 'simulated' : 'erlang', channel.channel, [p], simulated ? callback : undefined),
      );
    }
  }
  return units;
}

function unit(
  kind: UnitPlan['kind'],
  channel: string,
  segments: SegmentPlan[],
  callback?: UnitPlan['callback'],
  pool?: UnitPlan['pool'],
): UnitPlan {
  return {
    kind,
    channel,
    segments,
    ...(callback ? { callback } : {}),
    ...(pool ? { pool } : {}),
    key: JSON.stringify([kind, segments.map((s) => s.key), callback ?? null, pool ?? null]),
  };
}

function callbackOffer(levers: Levers): UnitPlan['callback'] {
  const c = levers.callback;
  if (!c) return undefined;
  return {
    offerAfterSeconds: c.offer_after_seconds,
    takeRate: c.take_rate,
    withinSeconds: c.within_minutes * 60,
    extraHandleSeconds: c.extra_handle_seconds,
    withinShare: c.within_share,
  };
}

/** Levers naming a queue, topic or channel the baseline does not have: the parameter at fault is named. */
const checked = new WeakMap<Baseline, Set<string>>();

function checkReferences(baseline: Baseline, levers: Levers): void {
  const key = JSON.stringify([
    levers.ivr?.channel,
    levers.callback?.channel,
    levers.routing?.channel,
    levers.routing?.pool,
    Object.keys(levers.self_service?.deflection ?? {}),
    Object.keys(levers.root_causes?.repeat_reduction ?? {}),
  ]);
  const seen = checked.get(baseline) ?? new Set<string>();
  checked.set(baseline, seen);
  if (seen.has(key)) return;
  const channels = new Map(baseline.channels.map((c) => [c.channel, c]));
  const fail = (parameter: string, message: string, value: string) => {
    throw new UserError('INVALID_INPUT', `${parameter}: ${message}`, { parameter, value });
  };
  const withAgents = (c: string) =>
    (channels.get(c as Channel)?.segments ?? []).some((s) => s.ahtSeconds !== null);
  for (const [name, lever] of [
    ['ivr', levers.ivr],
    ['callback', levers.callback],
    ['routing', levers.routing],
  ] as const) {
    if (lever && !withAgents(lever.channel)) {
      fail(
        `levers.${name}.channel`,
        `the baseline has no ${lever.channel} contacts handled by agents`,
        lever.channel,
      );
    }
  }
  if (levers.routing) {
    const queues = (channels.get(levers.routing.channel)?.segments ?? []).map((s) => s.queue);
    for (const q of levers.routing.pool) {
      if (!queues.includes(q)) {
        fail(
          'levers.routing.pool',
          `no queue "${q}" on ${levers.routing.channel} (queues: ${queues.join(', ')})`,
          q,
        );
      }
    }
  }
  for (const c of Object.keys(levers.self_service?.deflection ?? {})) {
    if (!withAgents(c))
      fail(`levers.self_service.deflection.${c}`, `the baseline has no ${c} contacts handled by agents`, c);
  }
  const topics = new Set(baseline.channels.flatMap((c) => c.repeats.map((r) => r.topic)));
  for (const t of Object.keys(levers.root_causes?.repeat_reduction ?? {})) {
    if (!topics.has(t)) {
      const known = [...topics].filter((x) => x !== null).sort();
      fail(
        `levers.root_causes.repeat_reduction.${t}`,
        `no repeat contacts with topic "${t}" (topics: ${known.join(', ')})`,
        t,
      );
    }
  }
}
