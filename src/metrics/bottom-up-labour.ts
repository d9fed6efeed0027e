import { type Period, periodsBetween } from '../calendar/period.js';
import { localToInstant } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { and, cmp, column, divide, eq, instant, isNull, literal, not } from '../engine/query.js';
import { aggregateRows, selectRows } from '../engine/run-query.js';
import { RATE_CARDS_TABLE } from '../engine/schema.js';
import { UserError } from '../errors.js';
import type { Dimension } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { allocateLargestRemainder } from '../money/allocate.js';
import { Decimal } from '../money/decimal.js';
import { CHANNEL_HANDLE, OWN_OCCUPIED } from './contact-measures.js';
import type { AllocationRecord, LabourBasis } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import { occupied } from './measures-query.js';
import { type Note, note } from './notes.js';
import { periodAt, periodKey } from './period-key.js';
import { type DimensionValues, project, segmentKey } from './segments.js';

/**
 * What bottom-up labour reads: the rate cards and, where some period of the report has no wage line
 * in the ledger, handle seconds of handled contacts per period, local day, agent, team and breakdown
 * segment. Plain data, so a scenario can change it and compute again.
 */
export interface LabourInputs {
  cards: RateCard[];
  agentDays: AgentDayRow[];
}

export interface RateCard {
  agent: string | null;
  team: string | null;
  hourlyCost: Decimal;
  validFrom: string;
  validTo: string | null;
}

export interface BottomUpPart {
  line: CostLine;
  period: Period;
  periodAmount: Decimal;
  segment: DimensionValues;
  amount: Decimal;
  weight: number;
  weightTotal: number;
  driver: 'rate_card';
}

export interface BottomUpResult {
  parts: BottomUpPart[];
  /** Agent-occupied seconds per period that no rate card covered (they carry no bottom-up cost). */
  unratedSeconds: Map<string, number>;
}

/**
 * Labour cost built bottom-up where the ledger has no agent wages for a period: each handled contact's
 * agent-occupied hours (handle time ÷ concurrency) × the loaded hourly cost on the rate card of its agent (else of its team) valid on the
 * contact's local day. Exact per contact group, rounded once per period and split over the breakdown's
 * segments by largest remainder, so the segments add up to the period's total to the cent.
 */
export function bottomUpLabour(
  labour: LabourInputs,
  d: Definitions,
  by: readonly Dimension[],
  periods: readonly Period[],
  missing: ReadonlySet<string>,
  scale: number,
): BottomUpResult {
  const result: BottomUpResult = { parts: [], unratedSeconds: new Map() };
  const { cards } = labour;
  if (missing.size === 0 || cards.length === 0) return result;
  const wanted = new Map(periods.filter((p) => missing.has(p.start)).map((p) => [p.start, p]));
  const exact = new Map<string, Map<string, { segment: DimensionValues; amount: Decimal }>>();
  for (const row of labour.agentDays) {
    const period = wanted.get(row.period);
    if (!period) continue;
    const card = rateFor(cards, row.agent, row.team, row.day);
    if (!card) {
      result.unratedSeconds.set(period.start, (result.unratedSeconds.get(period.start) ?? 0) + row.seconds);
      continue;
    }
    const segments = exact.get(period.start) ?? new Map();
    const key = segmentKey(by, row.values);
    const entry = segments.get(key) ?? { segment: project(by, row.values), amount: new Decimal(0) };
    entry.amount = entry.amount.plus(card.hourlyCost.times(row.seconds).div(3600));
    segments.set(key, entry);
    exact.set(period.start, segments);
  }
  for (const [start, segments] of exact) {
    const period = wanted.get(start) as Period;
    const entries = [...segments.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e);
    const total = entries.reduce((s, e) => s.plus(e.amount), new Decimal(0)).toDecimalPlaces(scale);
    const amounts =
      allocateLargestRemainder(
        total,
        entries.map((e) => e.amount),
        scale,
      ) ?? [];
    const line = syntheticLine(period, total, d.currency);
    entries.forEach((e, i) => {
      result.parts.push({
        line,
        period,
        periodAmount: total,
        segment: e.segment,
        amount: amounts[i] as Decimal,
        weight: e.amount.toNumber(),
        weightTotal: total.toNumber(),
        driver: 'rate_card',
      });
    });
  }
  return result;
}

function syntheticLine(period: Period, total: Decimal, currency: string): CostLine {
  return {
    id: `bottom-up-labour-${period.label}`,
    category: 'agent_wages',
    amount: total.toFixed(),
    currency,
    periodStart: period.start,
    periodEnd: period.end,
    channel: null,
    queue: null,
    team: null,
    driver: null,
    behaviour: 'variable',
    description:
      'agent wages built bottom-up: agent-occupied hours × rate cards (no wage ledger in this period)',
  };
}

/** The rate card of an agent on a local day, else of the agent's team; undefined where none is valid. */
export function rateFor(
  cards: readonly RateCard[],
  agent: string | null,
  team: string | null,
  day: string,
): RateCard | undefined {
  const valid = (c: RateCard) => c.validFrom <= day && (c.validTo === null || day < c.validTo);
  return (
    cards.find((c) => agent !== null && c.agent === agent && valid(c)) ??
    cards.find((c) => c.agent === null && team !== null && c.team === team && valid(c))
  );
}

/** Reads rate cards, and contact handle time only when a period lacks wages (`missing`) and cards exist. */
export async function loadLabourInputs(
  engine: Engine,
  d: Definitions,
  by: readonly Dimension[],
  periods: readonly Period[],
  missing: ReadonlySet<string>,
): Promise<LabourInputs> {
  const cards = await loadRateCards(engine, d.currency);
  const agentDays =
    cards.length > 0 && missing.size > 0 ? await handleByAgentDay(engine, d, by, periods) : [];
  return { cards, agentDays };
}

/** Periods in which no agent_wages line of the ledger has a (non-zero) prorated part. */
export function periodsWithoutWages(
  periods: readonly Period[],
  allocations: readonly AllocationRecord[],
): Set<string> {
  const withWages = new Set(
    allocations.filter((a) => a.line.category === 'agent_wages').map((a) => a.period.start),
  );
  return new Set(periods.filter((p) => !withWages.has(p.start)).map((p) => p.start));
}

async function loadRateCards(engine: Engine, currency: string): Promise<RateCard[]> {
  const rows = await selectRows(engine, {
    from: RATE_CARDS_TABLE.name,
    columns: ['agent', 'team', 'hourly_cost', 'currency', 'valid_from', 'valid_to'].map((name) => ({
      name,
      expr: column(name),
    })),
  });
  return rows.map((r) => {
    if (r.currency !== currency) {
      throw new UserError(
        'INVALID_INPUT',
        `rate card of ${r.agent ?? r.team} is in ${r.currency}, the workspace reports in ${currency}`,
      );
    }
    return {
      agent: (r.agent as string | null) ?? null,
      team: (r.team as string | null) ?? null,
      hourlyCost: new Decimal(String(r.hourly_cost)),
      validFrom: String(r.valid_from),
      validTo: r.valid_to === null ? null : String(r.valid_to),
    };
  });
}

export interface AgentDayRow {
  period: string;
  day: string;
  agent: string | null;
  team: string | null;
  values: DimensionValues;
  /** Agent-occupied seconds: handle seconds ÷ concurrency. */
  seconds: number;
}

async function handleByAgentDay(
  engine: Engine,
  d: Definitions,
  by: readonly Dimension[],
  periods: readonly Period[],
): Promise<AgentDayRow[]> {
  const arrived = column('arrived_at');
  const concurrency = column('concurrency');
  const first = periods[0] as Period;
  const last = periods.at(-1) as Period;
  const days = periodsBetween(first.start, last.end, 'day');
  const range = { from: localToInstant(first.start, d.timezone), to: localToInstant(last.end, d.timezone) };
  const keys = [...new Set<Dimension>([...by, 'agent', 'team', 'channel'])];
  const rows = await aggregateRows(engine, {
    from: 'contacts',
    where: and(
      cmp('>=', arrived, instant(range.from)),
      cmp('<', arrived, instant(range.to)),
      eq(column('outcome'), literal('handled')),
    ),
    groupBy: [
      { name: 'period', expr: periodKey('arrived_at', periods, d.timezone) },
      { name: 'day', expr: periodKey('arrived_at', days, d.timezone) },
      ...keys.map((name) => ({ name, expr: column(name) })),
    ],
    aggregates: [
      {
        name: OWN_OCCUPIED,
        fn: 'sum',
        expr: divide(column('handle_seconds'), concurrency),
        filter: not(isNull(concurrency)),
      },
      { name: CHANNEL_HANDLE, fn: 'sum', expr: column('handle_seconds'), filter: isNull(concurrency) },
    ],
  });
  return rows.map((r) => {
    const values: DimensionValues = {};
    for (const k of by) values[k] = (r[k] as string | null) ?? null;
    return {
      period: periodAt(periods, r.period)?.start ?? '',
      day: periodAt(days, r.day)?.start ?? '',
      agent: (r.agent as string | null) ?? null,
      team: (r.team as string | null) ?? null,
      values,
      seconds: occupied(d, r.channel as string | null, r[OWN_OCCUPIED], r[CHANNEL_HANDLE]),
    };
  });
}

/** Adds rate-card labour to the periods whose ledger has no agent wages, and says which way each period went. */
export function addBottomUpLabour(
  labour: LabourInputs,
  d: Definitions,
  by: readonly Dimension[],
  periods: readonly Period[],
  scale: number,
  allocations: AllocationRecord[],
): { labourBasis: Map<string, LabourBasis>; notes: Note[] } {
  const missing = periodsWithoutWages(periods, allocations);
  const bottomUp = bottomUpLabour(labour, d, by, periods, missing, scale);
  allocations.push(...bottomUp.parts);
  const built = new Set(bottomUp.parts.map((p) => p.period.start));
  const labourBasis = new Map<string, LabourBasis>(
    periods.map((p) => [
      p.start,
      !missing.has(p.start) ? 'ledger' : built.has(p.start) ? 'bottom-up' : 'none',
    ]),
  );
  const notes = [...bottomUp.unratedSeconds].map(([start, seconds]) =>
    note('unratedHours', {
      hours: { hours: seconds / 3600 },
      period: { periods: [periods.find((p) => p.start === start)?.label ?? start] },
    }),
  );
  return { labourBasis, notes };
}
