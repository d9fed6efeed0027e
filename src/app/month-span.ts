import { addDays } from '../calendar/dates.js';
import { parsePeriodText } from '../calendar/period.js';
import { wallClock } from '../calendar/time-zone.js';
import type { Engine } from '../engine/engine.js';
import { column } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { AGENT_TIME_TABLE, CONTACTS_TABLE, COST_LINES_TABLE, VOLUMES_TABLE } from '../engine/schema.js';
import { UserError } from '../errors.js';
import { reversedRange } from '../metrics/range.js';

/** The months to show: the request's, else from the first to the last local day any data covers. */
export async function monthSpan(
  engine: Engine,
  timezone: string,
  request: { from?: string; to?: string },
): Promise<{ from: string; to: string } | undefined> {
  const given = {
    from: request.from === undefined ? undefined : parsed(request.from, 'from').start,
    to: request.to === undefined ? undefined : parsed(request.to, 'to').end,
  };
  const data = given.from && given.to ? undefined : await dataDays(engine, timezone);
  const from = given.from ?? data?.from;
  const to = given.to ?? data?.to;
  if (!from || !to) return undefined;
  if (from >= to) throw reversedRange(request, { from, to });
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
  const spans: { from: string; to: string }[] = [];
  const bounds = async (table: string, first: string, last = first) => {
    const [row] = await aggregateRows(engine, {
      from: table,
      groupBy: [],
      aggregates: [
        { name: 'f', fn: 'min', expr: column(first) },
        { name: 't', fn: 'max', expr: column(last) },
      ],
    });
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
