import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { column, eq, literal } from '../engine/query.js';
import { costLineRow } from '../engine/rows.js';
import { selectRows } from '../engine/run-query.js';
import { COST_LINES_TABLE } from '../engine/schema.js';
import { UserError } from '../errors.js';
import { costLineOf } from '../metrics/cost-ledger.js';
import { loadFxRates } from '../metrics/fx.js';
import { CHANNELS } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { COST_CATEGORIES } from '../model/cost-line.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';
import { audited } from './audit.js';
import { costLineFields, periodBounds } from './cost-line-fields.js';
import { operation } from './operation.js';
import { dimensionValue, oneOf, periodText, wholeNumber } from './params.js';
import { badParameter, parseRequest } from './request.js';
import { removeRows } from './store.js';

/** A stored cost line and the import that wrote it (null: added by hand). */
export interface CostLineView extends CostLine {
  importId: string | null;
}

const costId = dimensionValue.min(1, { error: () => 'expected an id' });

export const listCostsRequest = z.strictObject({
  category: oneOf(COST_CATEGORIES).optional().describe('only lines of this category'),
  channel: oneOf(CHANNELS).optional().describe('only direct costs of this channel'),
  from: periodText.optional().describe('only lines accruing on or after the start of this date or period'),
  to: periodText.optional().describe('only lines accruing on or before the end of this date or period'),
  limit: wholeNumber(1)
    .max(10000, { error: () => 'expected at most 10000' })
    .default(1000)
    .describe('lines per page'),
  offset: wholeNumber().default(0).describe('lines to skip'),
});
export type ListCostsRequest = z.input<typeof listCostsRequest>;

export interface CostsView {
  costLines: CostLineView[];
  /** Lines matching the filters, on every page together. */
  total: number;
}

/** The cost ledger, ordered by id. */
export async function listCosts(workspace: Workspace, request: ListCostsRequest = {}): Promise<CostsView> {
  const r = parseRequest(listCostsRequest, request);
  const from = r.from === undefined ? undefined : periodBounds(r.from).start;
  const to = r.to === undefined ? undefined : periodBounds(r.to).end;
  const matching = (await storedLines(workspace)).filter(
    (l) =>
      (r.category === undefined || l.category === r.category) &&
      (r.channel === undefined || l.channel === r.channel) &&
      (from === undefined || l.periodEnd > from) &&
      (to === undefined || l.periodStart < to),
  );
  return { costLines: matching.slice(r.offset, r.offset + r.limit), total: matching.length };
}

export const getCostRequest = z.strictObject({ id: costId.describe('the cost line id') });

export async function getCost(
  workspace: Workspace,
  request: z.input<typeof getCostRequest>,
): Promise<CostLineView> {
  const r = parseRequest(getCostRequest, request);
  return storedLine(workspace, r.id);
}

const { period, ...stored } = costLineFields;

export const addCostRequest = z.strictObject({
  id: costId.optional().describe('the new line\'s id (default: "manual-" and a random suffix)'),
  ...stored,
  currency: stored.currency.optional(),
  periodStart: stored.periodStart.optional(),
  periodEnd: stored.periodEnd.optional(),
  period: period.optional(),
  channel: stored.channel.default(null),
  queue: stored.queue.default(null),
  team: stored.team.default(null),
  driver: stored.driver.default(null),
  behaviour: stored.behaviour.default('fixed'),
  description: stored.description.default(null),
});
export type AddCostRequest = z.input<typeof addCostRequest>;

/** Adds one cost line by hand (finance corrects the ledger without re-importing it). */
export async function addCost(
  workspace: Workspace,
  actor: Actor,
  request: AddCostRequest,
): Promise<CostLineView> {
  const r = parseRequest(addCostRequest, request);
  const { period: periodText, id = `manual-${randomUUID().slice(0, 8)}`, ...fields } = r;
  const line: CostLineView = {
    ...fields,
    id,
    currency: fields.currency ?? workspace.config.currency,
    ...accrual(fields.periodStart, fields.periodEnd, periodText),
    importId: null,
  };
  return audited(workspace.engine, actor, {
    action: 'cost.add',
    work: async () => {
      if (await findLine(workspace, id)) {
        throw badParameter('id', `a cost line "${id}" exists already: edit it instead`, id);
      }
      await assertConvertible(workspace, line);
      await putLine(workspace, line);
      return { result: line, target: id, details: { after: line } };
    },
  });
}

export const editCostRequest = z.strictObject({
  id: costId.describe('the cost line to edit'),
  ...Object.fromEntries(Object.entries(costLineFields).map(([k, v]) => [k, v.optional()])),
} as { id: typeof costId } & {
  [K in keyof typeof costLineFields]: z.ZodOptional<(typeof costLineFields)[K]>;
});
export type EditCostRequest = z.input<typeof editCostRequest>;

/** Changes fields of a stored cost line; the rest stay as they are. */
export async function editCost(
  workspace: Workspace,
  actor: Actor,
  request: EditCostRequest,
): Promise<CostLineView> {
  const r = parseRequest(editCostRequest, request);
  const { id, period: periodText, ...changes } = r;
  return audited(workspace.engine, actor, {
    action: 'cost.edit',
    work: async () => {
      const before = await storedLine(workspace, id);
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const merged = { ...before, ...defined };
      const dates =
        periodText === undefined
          ? accrual(
              merged.periodStart,
              merged.periodEnd,
              undefined,
              changes.periodEnd ? 'periodEnd' : 'periodStart',
            )
          : accrual(changes.periodStart, changes.periodEnd, periodText);
      const after: CostLineView = { ...merged, ...dates };
      // A line reports could convert before keeps converting unless its currency or first day changes.
      if (after.currency !== before.currency || after.periodStart !== before.periodStart)
        await assertConvertible(workspace, after);
      await removeRows(workspace.engine, COST_LINES_TABLE, eq(column('id'), literal(id)));
      await putLine(workspace, after);
      return { result: after, target: id, details: { before, after } };
    },
  });
}

export const removeCostRequest = getCostRequest;

/** Removes one cost line. */
export async function removeCost(
  workspace: Workspace,
  actor: Actor,
  request: z.input<typeof removeCostRequest>,
): Promise<CostLineView> {
  const r = parseRequest(removeCostRequest, request);
  return audited(workspace.engine, actor, {
    action: 'cost.remove',
    work: async () => {
      const before = await storedLine(workspace, r.id);
      await removeRows(workspace.engine, COST_LINES_TABLE, eq(column('id'), literal(r.id)));
      return { result: before, target: r.id, details: { before } };
    },
  });
}

/** The accrual period from explicit dates or `period` text; the end is exclusive and after the start. */
function accrual(
  start: string | undefined,
  end: string | undefined,
  periodText: string | undefined,
  endParameter = 'periodEnd',
): { periodStart: string; periodEnd: string } {
  if (periodText !== undefined) {
    if (start !== undefined || end !== undefined) {
      throw badParameter('period', 'give either period or periodStart and periodEnd, not both', periodText);
    }
    const bounds = periodBounds(periodText);
    return { periodStart: bounds.start, periodEnd: bounds.end };
  }
  if (start === undefined)
    throw badParameter(
      'periodStart',
      'is missing (give periodStart and periodEnd, or period such as 2026-03)',
    );
  if (end === undefined)
    throw badParameter('periodEnd', 'is missing (the end is exclusive: a March cost ends on 04-01)');
  if (end <= start)
    throw badParameter(endParameter, `${end} is not after periodStart ${start} (the end is exclusive)`, end);
  return { periodStart: start, periodEnd: end };
}

/**
 * A line in another currency than the workspace's needs an exchange rate on or before its first day,
 * the rate reports convert it at: without one every report of its months would fail until it is fixed.
 */
async function assertConvertible(workspace: Workspace, line: CostLine): Promise<void> {
  const { currency } = workspace.config;
  if (line.currency === currency) return;
  const what = `cost line "${line.id}"`;
  const location = { parameter: 'currency', value: line.currency };
  (await loadFxRates(workspace.engine)).requireRate(
    line.currency,
    line.periodStart,
    what,
    currency,
    location,
  );
}

async function storedLines(workspace: Workspace, id?: string): Promise<CostLineView[]> {
  const rows = await selectRows(workspace.engine, {
    from: COST_LINES_TABLE.name,
    columns: COST_LINES_TABLE.columns.map((c) => ({ name: c.name, expr: column(c.name) })),
    ...(id === undefined ? {} : { where: eq(column('id'), literal(id)) }),
    orderBy: [column('id')],
  });
  return rows.map((row) => ({
    ...costLineOf(row),
    importId: row.import_id === null || row.import_id === undefined ? null : String(row.import_id),
  }));
}

async function findLine(workspace: Workspace, id: string): Promise<CostLineView | undefined> {
  return (await storedLines(workspace, id))[0];
}

async function storedLine(workspace: Workspace, id: string): Promise<CostLineView> {
  const line = await findLine(workspace, id);
  if (!line) throw new UserError('NOT_FOUND', `no cost line "${id}"`, { parameter: 'id', value: id });
  return line;
}

async function putLine(workspace: Workspace, line: CostLineView): Promise<void> {
  await workspace.engine.append(COST_LINES_TABLE, [[...costLineRow(line), line.importId]]);
}

export const listCostsOperation = operation({
  name: 'listCosts',
  summary: 'The cost ledger, ordered by id, with the import each line came from',
  request: listCostsRequest,
  run: listCosts,
});

export const getCostOperation = operation({
  name: 'getCost',
  summary: 'One cost line',
  request: getCostRequest,
  run: getCost,
});
