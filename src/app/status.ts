import { addDays } from '../calendar/dates.js';
import { type Period, parsePeriodText, periodsBetween } from '../calendar/period.js';
import { localToInstant, wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import {
  type AggregateQuery,
  and,
  cmp,
  column,
  type Expr,
  eq,
  instant,
  isNull,
  literal,
  not,
} from '../engine/query.js';
import {
  AGENT_TIME_TABLE,
  CONTACTS_TABLE,
  COST_LINES_TABLE,
  IMPORTS_TABLE,
  VOLUMES_TABLE,
} from '../engine/schema.js';
import { UserError } from '../errors.js';
import { loadCostLines } from '../metrics/cost-ledger.js';
import { periodAt, periodKey } from '../metrics/period-key.js';
import { CHANNELS } from '../model/contact.js';
import type { Workspace } from '../workspace/workspace.js';
import { type WorkspaceTotals, workspaceTotals } from './workspace-totals.js';

export interface StatusRequest {
  /** First month (or any period or date in it); default: the first month with data. */
  from?: string;
  /** Last month included; default: the last month with data. */
  to?: string;
}

/** What one month of one channel has of each input a cost per contact needs. */
export interface StatusCell {
  month: string;
  channel: string;
  /** Contact records of any outcome, plus contacts offered in volume rows. */
  contacts: number;
  /** Handled contacts (records and volume rows)… */
  handled: number;
  /** …and those of them whose handle time is known. */
  handledWithHandleTime: number;
  /** Cost lines accruing in the month that reach the channel: its direct ones and the shared ones. */
  costLines: number;
  /** Staffed seconds of agent time on the channel or on no particular channel. */
  agentTimeSeconds: number;
}

export interface StatusView {
  currency: string;
  timezone: string;
  /** Local months 'YYYY-MM', first to last; empty when the workspace holds nothing. */
  months: string[];
  /** Channels that have contacts, direct costs or agent time, in the order of the channel list. */
  channels: string[];
  cells: StatusCell[];
  totals: WorkspaceTotals;
  imports: { count: number; last: string | null };
}

/** The workspace at a glance: what it holds, and which months and channels have which inputs. */
export async function workspaceStatus(ws: Workspace, request: StatusRequest = {}): Promise<StatusView> {
  const { engine, config } = ws;
  const span = await monthSpan(engine, config.timezone, request);
  const months = span ? periodsBetween(span.from, span.to, 'month') : [];
  const grid = new CoverageGrid();
  if (months.length > 0) await fill(grid, engine, months, config.timezone);
  const labels = months.map((m) => m.label);
  return {
    currency: config.currency,
    timezone: config.timezone,
    months: labels,
    channels: grid.channels(),
    cells: grid.cells(labels),
    totals: await workspaceTotals(engine),
    imports: await importCount(engine),
  };
}

async function fill(
  grid: CoverageGrid,
  engine: Engine,
  months: readonly Period[],
  timezone: string,
): Promise<void> {
  for (const r of await contactCounts(engine, months, timezone)) {
    const cell = grid.at(r.month, r.channel);
    cell.contacts += r.contacts;
    cell.handled += r.handled;
    cell.handledWithHandleTime += r.handledWithHandleTime;
  }
  const [first, last] = [months[0] as Period, months.at(-1) as Period];
  for (const line of await loadCostLines(engine, first.start, last.end)) {
    for (const m of months.filter((p) => line.periodStart < p.end && line.periodEnd > p.start))
      grid.add(m.label, line.channel, 'costLines', 1);
  }
  for (const r of await agentTime(engine, months))
    grid.add(r.month, r.channel, 'agentTimeSeconds', r.seconds);
}

/**
 * Cells by month and channel. What belongs to no channel (shared cost lines, agent time without a
 * channel) is kept apart and added to every channel's cell of its month.
 */
class CoverageGrid {
  private readonly byKey = new Map<string, StatusCell>();
  private readonly shared = new Map<string, Pick<StatusCell, 'costLines' | 'agentTimeSeconds'>>();

  at(month: string, channel: string): StatusCell {
    const key = `${month}|${channel}`;
    let cell = this.byKey.get(key);
    if (!cell) {
      cell = {
        month,
        channel,
        contacts: 0,
        handled: 0,
        handledWithHandleTime: 0,
        costLines: 0,
        agentTimeSeconds: 0,
      };
      this.byKey.set(key, cell);
    }
    return cell;
  }

  add(month: string, channel: string | null, what: 'costLines' | 'agentTimeSeconds', amount: number): void {
    if (channel) {
      this.at(month, channel)[what] += amount;
      return;
    }
    const shared = this.shared.get(month) ?? { costLines: 0, agentTimeSeconds: 0 };
    shared[what] += amount;
    this.shared.set(month, shared);
  }

  /** Channels with a cell of their own, in the order of the channel list. */
  channels(): string[] {
    const order = (channel: string) => (CHANNELS as readonly string[]).indexOf(channel);
    return [...new Set([...this.byKey.values()].map((c) => c.channel))].sort((a, b) => order(a) - order(b));
  }

  /** Every month × channel (one column "all" when there is no channel), shared inputs added. */
  cells(months: readonly string[]): StatusCell[] {
    const channels = this.channels();
    return months.flatMap((month) =>
      (channels.length > 0 ? channels : ['all']).map((channel) => {
        const cell = { ...this.at(month, channel) };
        cell.costLines += this.shared.get(month)?.costLines ?? 0;
        cell.agentTimeSeconds += this.shared.get(month)?.agentTimeSeconds ?? 0;
        return cell;
      }),
    );
  }
}

type Counted = Pick<StatusCell, 'month' | 'channel' | 'contacts' | 'handled' | 'handledWithHandleTime'>;

/** Contacts and volume rows per month and channel. */
async function contactCounts(
  engine: Engine,
  months: readonly Period[],
  timezone: string,
): Promise<Counted[]> {
  const handled = eq(column('outcome'), literal('handled'));
  const contacts = {
    from: CONTACTS_TABLE.name,
    at: 'arrived_at',
    aggregates: [
      { name: 'contacts', fn: 'count' },
      { name: 'handled', fn: 'count', filter: handled },
      { name: 'timed', fn: 'count', filter: and(handled, not(isNull(column('handle_seconds')))) },
    ],
  } as const;
  const volumes = {
    from: VOLUMES_TABLE.name,
    at: 'interval_start',
    aggregates: [
      { name: 'contacts', fn: 'sum', expr: column('offered') },
      { name: 'handled', fn: 'sum', expr: column('handled') },
      {
        name: 'timed',
        fn: 'sum',
        expr: column('handled'),
        filter: not(isNull(column('handle_seconds_sum'))),
      },
    ],
  } as const;
  const counted: Counted[] = [];
  for (const q of [contacts, volumes]) {
    const query: AggregateQuery = {
      from: q.from,
      where: within(q.at, months, timezone),
      groupBy: [
        { name: 'month', expr: periodKey(q.at, months, timezone) },
        { name: 'channel', expr: column('channel') },
      ],
      aggregates: q.aggregates,
    };
    for (const r of await engine.query(engine.dialect.createCompiler().compileAggregate(query))) {
      const month = periodAt(months, r.month)?.label;
      if (!month) continue;
      counted.push({
        month,
        channel: String(r.channel),
        contacts: Number(r.contacts ?? 0),
        handled: Number(r.handled ?? 0),
        handledWithHandleTime: Number(r.timed ?? 0),
      });
    }
  }
  return counted;
}

async function agentTime(
  engine: Engine,
  months: readonly Period[],
): Promise<{ month: string; channel: string | null; seconds: number }[]> {
  const day = column('day');
  const query: AggregateQuery = {
    from: AGENT_TIME_TABLE.name,
    where: and(
      cmp('>=', day, literal(months[0]?.start ?? '')),
      cmp('<', day, literal(months.at(-1)?.end ?? '')),
    ),
    groupBy: [
      { name: 'month', expr: periodKey('day', months, null) },
      { name: 'channel', expr: column('channel') },
    ],
    aggregates: [{ name: 'seconds', fn: 'sum', expr: column('staffed_seconds') }],
  };
  const rows = await engine.query(engine.dialect.createCompiler().compileAggregate(query));
  return rows.flatMap((r) => {
    const month = periodAt(months, r.month)?.label;
    return month
      ? [{ month, channel: (r.channel as string | null) ?? null, seconds: Number(r.seconds) }]
      : [];
  });
}

function within(at: string, months: readonly Period[], timezone: string): Expr {
  const from = localToInstant(months[0]?.start ?? '', timezone);
  const to = localToInstant(months.at(-1)?.end ?? '', timezone);
  return and(cmp('>=', column(at), instant(from)), cmp('<', column(at), instant(to)));
}

/** The months to show: the request's, else from the first to the last local day any data covers. */
async function monthSpan(
  engine: Engine,
  timezone: string,
  request: StatusRequest,
): Promise<{ from: string; to: string } | undefined> {
  const given = {
    from: request.from === undefined ? undefined : parsed(request.from, 'from').start,
    to: request.to === undefined ? undefined : parsed(request.to, 'to').end,
  };
  const data = given.from && given.to ? undefined : await dataDays(engine, timezone);
  const from = given.from ?? data?.from;
  const to = given.to ?? data?.to;
  if (!from || !to) return undefined;
  if (from >= to)
    throw new UserError('USAGE', `from ${request.from ?? from} is after to ${request.to ?? to}`, {
      parameter: 'from',
    });
  return { from, to };
}

function parsed(text: string, parameter: string): { start: string; end: string } {
  try {
    return parsePeriodText(text);
  } catch (error) {
    throw new UserError('USAGE', (error as Error).message, { parameter, value: text });
  }
}

/** First local day and the day after the last that contacts, volumes, agent time or costs cover. */
async function dataDays(engine: Engine, timezone: string): Promise<{ from: string; to: string } | undefined> {
  const c = engine.dialect.createCompiler();
  const spans: { from: string; to: string }[] = [];
  const bounds = async (table: string, first: string, last = first) => {
    const [row] = await engine.query(
      c.compileAggregate({
        from: table,
        groupBy: [],
        aggregates: [
          { name: 'f', fn: 'min', expr: column(first) },
          { name: 't', fn: 'max', expr: column(last) },
        ],
      }),
    );
    return row?.f === null || row?.f === undefined ? undefined : { f: row.f, t: row.t };
  };
  for (const [table, at] of [
    [CONTACTS_TABLE.name, 'arrived_at'],
    [VOLUMES_TABLE.name, 'interval_start'],
  ] as const) {
    const b = await bounds(table, at);
    if (b?.f instanceof Date && b.t instanceof Date)
      spans.push({ from: wallClock(b.f, timezone).date, to: addDays(wallClock(b.t, timezone).date, 1) });
  }
  const agent = await bounds(AGENT_TIME_TABLE.name, 'day');
  if (agent) spans.push({ from: String(agent.f), to: addDays(String(agent.t), 1) });
  const costs = await bounds(COST_LINES_TABLE.name, 'period_start', 'period_end');
  if (costs) spans.push({ from: String(costs.f), to: String(costs.t) });
  if (spans.length === 0) return undefined;
  return {
    from: spans.map((s) => s.from).sort()[0] as string,
    to: spans
      .map((s) => s.to)
      .sort()
      .at(-1) as string,
  };
}

async function importCount(engine: Engine): Promise<StatusView['imports']> {
  const c = engine.dialect.createCompiler();
  const [row] = await engine.query(
    c.compileAggregate({
      from: IMPORTS_TABLE.name,
      where: isNull(column('removed_at')),
      groupBy: [],
      aggregates: [
        { name: 'n', fn: 'count' },
        { name: 'last', fn: 'max', expr: column('finished_at') },
      ],
    }),
  );
  return {
    count: Number(row?.n ?? 0),
    last: row?.last instanceof Date ? row.last.toISOString() : null,
  };
}
