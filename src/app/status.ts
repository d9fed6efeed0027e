import { type Period, periodsBetween } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { column, isNull } from '../engine/query.js';
import { aggregateRows } from '../engine/run-query.js';
import { IMPORTS_TABLE } from '../engine/schema.js';
import { loadCostLines } from '../metrics/cost-ledger.js';
import { CHANNELS } from '../model/contact.js';
import { statusText } from '../report/status-text.js';
import { shownPath, type Workspace } from '../workspace/workspace.js';
import { agentTime, contactCounts } from './coverage-queries.js';
import { monthSpan } from './month-span.js';
import { operation, viewOutput } from './operation.js';
import { parseRequest } from './request.js';
import { type StatusRequest, statusRequest } from './requests/status.js';
import { type WorkspaceTotals, workspaceTotals } from './workspace-totals.js';

export * from './requests/status.js';

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
  /** The workspace folder (over the API: its name only). */
  workspace: string;
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
  const r = parseRequest(statusRequest, request);
  const { engine, config } = ws;
  const span = await monthSpan(engine, config.timezone, r);
  const months = span ? periodsBetween(span.from, span.to, 'month') : [];
  const grid = new CoverageGrid();
  if (months.length > 0) await fill(grid, engine, months, config.timezone);
  const labels = months.map((m) => m.label);
  return {
    workspace: shownPath(ws, ws.dir),
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

async function importCount(engine: Engine): Promise<StatusView['imports']> {
  const [row] = await aggregateRows(engine, {
    from: IMPORTS_TABLE.name,
    where: isNull(column('removed_at')),
    groupBy: [],
    aggregates: [
      { name: 'n', fn: 'count' },
      { name: 'last', fn: 'max', expr: column('finished_at') },
    ],
  });
  return {
    count: Number(row?.n ?? 0),
    last: row?.last instanceof Date ? row.last.toISOString() : null,
  };
}

export const statusOperation = operation({
  name: 'status',
  summary: 'What the workspace holds, and per month and channel which inputs exist (the coverage map)',
  request: statusRequest,
  run: workspaceStatus,
  output: viewOutput(
    workspaceStatus,
    ['table'],
    (view, _format, r) => statusText(view, r.locale),
    statusRequest,
  ),
});
