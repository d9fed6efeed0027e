import type { Period } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { runAll } from '../engine/run-query.js';
import { UserError } from '../errors.js';
import type { Dimension } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { minorUnits } from '../money/currency.js';
import { agentTimeRows } from './agent-time.js';
import type { FineRow } from './allocation.js';
import { type LabourInputs, loadLabourInputs, periodsWithoutWages } from './bottom-up-labour.js';
import type { HandleQuantiles, ReportDetail } from './contact-measures.js';
import { loadCostLines } from './cost-ledger.js';
import type { ReportOptions } from './cost-per-contact.js';
import type { Definitions } from './definitions.js';
import { type FxRates, loadFxRates } from './fx.js';
import { allocateLines, fineDimensions, ledgerLines } from './ledger-allocation.js';
import { queryMeasures } from './measures-query.js';
import type { Note } from './notes.js';
import { type ReportRange, rangeInstants, rangePeriods, resolveRange } from './range.js';
import { volumeRows } from './volume-measures.js';

/**
 * Everything a cost-per-contact report reads from the workspace, as plain data: the report is a
 * pure function of it (computeReport), so a scenario can change the inputs (fewer contacts, other
 * handle times, new cost lines) and run the very same computation again.
 */
export interface ReportInputs {
  definitions: Definitions;
  granularity: ReportOptions['granularity'];
  detail: ReportDetail;
  by: readonly Dimension[];
  range: ReportRange;
  /** How a default range was chosen, where it leaves data out. */
  rangeNotes: Note[];
  /** The range's periods; the first and last cut to it. */
  periods: Period[];
  /** Prorate partial periods' costs to the days their contacts cover (ReportOptions). */
  prorateToContacts: boolean;
  /** Cost lines overlapping the range. */
  lines: CostLine[];
  /** The dimensions the fine rows are keyed by: the breakdown plus what cost lines are direct to. */
  fineDimensions: Dimension[];
  /** Additive measures per period start (contacts, volumes and agent time) by fine dimensions. */
  fine: Map<string, FineRow[]>;
  /** Handle-time quantiles by quantileKey (detail `full` only). */
  quantiles: Map<string, HandleQuantiles>;
  fx: FxRates;
  labour: LabourInputs;
}

export async function loadReportInputs(
  engine: Engine,
  definitions: Definitions,
  options: ReportOptions,
): Promise<ReportInputs> {
  const { granularity, by } = options;
  const detail = options.detail ?? 'headline';
  const { notes: rangeNotes, ...range } = await resolveRange(
    engine,
    definitions.timezone,
    granularity,
    options.from,
    options.to,
    options.lastPeriods,
  );
  const periods = rangePeriods(range, granularity);
  const lines = await loadCostLines(engine, range.from, range.to);
  const fineDims = fineDimensions(by, lines, definitions);
  const instants = rangeInstants(range, definitions.timezone);
  const [{ fine, quantiles }, agentTime, volumes, fx] = await runAll(engine, [
    () => queryMeasures(engine, definitions, periods, by, fineDims, instants, detail),
    () => agentTimeRows(engine, periods, fineDims),
    () => volumeRows(engine, definitions, periods, fineDims, instants),
    () => loadFxRates(engine),
  ]);
  const extra = [agentTime, volumes];
  for (const rowsByPeriod of extra) {
    for (const [period, rows] of rowsByPeriod) fine.set(period, [...(fine.get(period) ?? []), ...rows]);
  }
  if (fine.size === 0 && lines.length === 0) {
    throw new UserError(
      'EMPTY_PERIOD',
      `no contacts and no costs from ${range.from} to ${range.to} (exclusive)`,
    );
  }
  const wages = lines.filter((l) => l.category === 'agent_wages');
  const scale = minorUnits(definitions.currency);
  const missing = periodsWithoutWages(
    periods,
    allocateLines(ledgerLines(wages, definitions, fx, scale), periods, new Map(), definitions, [], scale),
  );
  const labour = await loadLabourInputs(engine, definitions, by, periods, missing);
  return {
    definitions,
    granularity,
    detail,
    by,
    range,
    rangeNotes,
    periods,
    prorateToContacts: options.prorateToContacts === true,
    lines,
    fineDimensions: fineDims,
    fine,
    quantiles,
    fx,
    labour,
  };
}
