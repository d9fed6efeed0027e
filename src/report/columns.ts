import type { Dimension } from '../model/contact.js';
import type { ReportView, RowView } from './report-view.js';

export interface Column {
  header: string;
  align: 'left' | 'right';
  value: (row: RowView) => string;
}

const num = (value: number | null, places = 0): string => (value === null ? '' : value.toFixed(places));
const pct = (value: number | null): string => (value === null ? '' : `${(value * 100).toFixed(1)}%`);

export const NONE = '(none)';
export const UNALLOCATED = '(unallocated)';

/** The report's columns in display order: used by the table and CSV renderers alike. */
export function reportColumns(view: ReportView, forHumans: boolean): Column[] {
  const dims: Column[] = view.by.map((d) => ({
    header: d,
    align: 'left',
    value: (r) => dimensionText(r, d),
  }));
  const money = (_r: RowView, v: string | null) => v ?? (forHumans ? '–' : '');
  const core: Column[] = [
    { header: 'period', align: 'left', value: (r) => r.period },
    ...dims,
    { header: 'contacts', align: 'right', value: (r) => String(r.contacts) },
    {
      header: forHumans ? `cost ${view.currency}` : 'cost',
      align: 'right',
      value: (r) => money(r, r.cost),
    },
    {
      header: forHumans ? 'cost/contact' : 'cost_per_contact',
      align: 'right',
      value: (r) => money(r, r.costPerContact),
    },
    { header: 'handled', align: 'right', value: (r) => String(r.handled) },
    { header: 'abandoned', align: 'right', value: (r) => String(r.abandoned) },
    {
      header: forHumans ? 'AHT s' : 'aht_seconds',
      align: 'right',
      value: (r) => num(r.ahtSeconds, forHumans ? 0 : 1),
    },
    {
      header: forHumans ? 'ASA s' : 'asa_seconds',
      align: 'right',
      value: (r) => num(r.asaSeconds, forHumans ? 0 : 1),
    },
    {
      header: forHumans ? 'SL' : 'service_level',
      align: 'right',
      value: (r) => (forHumans ? pct(r.serviceLevel) : num(r.serviceLevel, 4)),
    },
    {
      header: forHumans ? 'aband.' : 'abandon_rate',
      align: 'right',
      value: (r) => (forHumans ? pct(r.abandonRate) : num(r.abandonRate, 4)),
    },
  ];
  return forHumans ? core : [...core, ...extendedColumns(view)];
}

const text = (v: string | null) => v ?? '';

/** Everything else a row carries, for machine formats (CSV): the table keeps to the headline figures. */
function extendedColumns(view: ReportView): Column[] {
  const right = (header: string, value: (r: RowView) => string): Column => ({
    header,
    align: 'right',
    value,
  });
  const categories = Object.keys(view.totals.costByCategory);
  return [
    right('cost_per_handled_contact', (r) => text(r.costPerHandledContact)),
    right('cost_per_call', (r) => text(r.costPerCall)),
    right('cost_per_resolution', (r) => text(r.costPerResolution)),
    right('cost_per_handle_minute', (r) => text(r.costPerHandleMinute)),
    right('labour_share', (r) => num(r.labourShare, 4)),
    right('aht_median_seconds', (r) => num(r.ahtMedianSeconds, 1)),
    right('aht_p90_seconds', (r) => num(r.ahtP90Seconds, 1)),
    right('resolutions', (r) => num(r.resolutions)),
    right('repeat_rate', (r) => num(r.repeatRate, 4)),
    right('fcr', (r) => num(r.fcr, 4)),
    right('csat_mean', (r) => num(r.csatMean, 4)),
    right('csat_top_box', (r) => num(r.csatTopBox, 4)),
    right('containment', (r) => num(r.containment, 4)),
    right('occupancy', (r) => num(r.occupancy, 4)),
    // What the figures rest on (JSON's coverage): a machine can tell an unknown from a zero.
    right('partial', (r) => String(r.partial)),
    right('covered_from', (r) => r.covered?.from ?? ''),
    right('covered_to', (r) => r.covered?.to ?? ''),
    right('has_costs', (r) => String(r.coverage.costs)),
    right('has_handle_time', (r) => String(r.coverage.handleTime)),
    right('has_agent_time', (r) => String(r.coverage.agentTime)),
    right('contacts_without_cost', (r) => String(r.coverage.contactsWithoutCost)),
    right('notes', (r) => r.notes.map((n) => n.text).join('; ')),
    // A category without a line in a row that has costs is zero; a row without any cost knows none.
    ...categories.map((c) =>
      right(`cost_${c}`, (r) => (r.cost === null ? '' : (r.costByCategory[c] ?? '0'))),
    ),
  ];
}

function dimensionText(row: RowView, d: Dimension): string {
  switch (row.kind) {
    case 'segment':
      return row.dimensions[d] ?? NONE;
    case 'unallocated':
      return UNALLOCATED;
    case 'periodTotal':
    case 'total':
      return 'all';
  }
}
