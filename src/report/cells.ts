import { isChannel } from '../model/contact.js';
import { type CostCategory, isCostCategory } from '../model/cost-line.js';
import { reportColumns } from './columns.js';
import type { CompareView, RowCompare } from './compare.js';
import { CATEGORY_LABELS, CHANNEL_LABELS, COLUMN_LABELS, DIMENSION_LABELS } from './labels.js';
import type { LocaleFormat } from './locale.js';
import type { ReportView, RowView } from './report-view.js';

export type CellKind =
  | 'text'
  | 'count'
  | 'money'
  | 'seconds'
  | 'ratio'
  | 'score'
  | 'signedCount'
  | 'signedMoney'
  | 'signedRatio';

/** Typed for spreadsheets: money as decimal text, other figures as numbers, gaps as null. */
export type CellValue = string | number | null;

/**
 * One report column in every format: its machine key (the CSV header of columns.ts), its kind, its
 * canonical text and its typed value. columns.ts stays the one list of which figures a report has;
 * this adds what the other formats and locales need to show them.
 */
export interface Cell {
  key: string;
  kind: CellKind;
  /** Canonical text as the en-US CSV prints it ('' for a gap). */
  machine(row: RowView): string;
  value(row: RowView): CellValue;
}

const COUNTS = new Set(['contacts', 'handled', 'abandoned', 'resolutions', 'contacts_without_cost']);
const TEXTS = new Set([
  'partial',
  'covered_from',
  'covered_to',
  'has_costs',
  'has_handle_time',
  'has_agent_time',
  'notes',
]);
const RATIOS = new Set([
  'service_level',
  'abandon_rate',
  'labour_share',
  'repeat_rate',
  'fcr',
  'csat_top_box',
  'containment',
  'occupancy',
]);

function kindOf(key: string): CellKind {
  if (TEXTS.has(key)) return 'text';
  if (COUNTS.has(key)) return 'count';
  if (RATIOS.has(key)) return 'ratio';
  if (key === 'csat_mean') return 'score';
  if (key === 'cost' || key.startsWith('cost_')) return 'money';
  if (key.endsWith('_seconds')) return 'seconds';
  return 'text';
}

export interface CellOptions {
  /** Every column (CSV, XLSX) or the headline ones the text table shows. */
  all: boolean;
  compare?: CompareView | undefined;
  /** Leave out the cost-by-category columns (XLSX has a sheet of its own for them). */
  withoutCategories?: boolean;
  /** Channel names in the locale's words (table, HTML, PDF) rather than their codes (CSV, XLSX). */
  forPeople?: boolean;
}

export function reportCells(view: ReportView, locale: LocaleFormat, options: CellOptions): Cell[] {
  const machine = reportColumns(view, false);
  const shown = options.all ? machine : machine.slice(0, reportColumns(view, true).length);
  const dims = new Set<string>(view.by);
  const cells = shown
    .filter((c) => !(options.withoutCategories && isCategoryKey(c.header)))
    .map((c): Cell => {
      if (c.header === 'period') return textCell('period', (r) => locale.period(r.period));
      if (dims.has(c.header))
        return textCell(c.header, (r) => dimensionValue(r, c.header, locale, options.forPeople ?? false));
      const kind = kindOf(c.header);
      return { key: c.header, kind, machine: c.value, value: (r) => typed(kind, c.value(r)) };
    });
  return options.compare ? [...cells, ...compareCells(options.compare, locale)] : cells;
}

const isCategoryKey = (key: string) => key.startsWith('cost_') && isCostCategory(key.slice(5));

function textCell(key: string, text: (row: RowView) => string): Cell {
  return { key, kind: 'text', machine: text, value: text };
}

function typed(kind: CellKind, text: string): CellValue {
  if (kind === 'text' || text === '') return kind === 'text' ? text : null;
  return kind === 'money' || kind === 'signedMoney' ? text : Number(text);
}

/** A dimension value: segment rows show theirs, other rows a localized marker; channels translated for people. */
export function dimensionValue(row: RowView, dim: string, locale: LocaleFormat, forPeople: boolean): string {
  switch (row.kind) {
    case 'segment': {
      const value = row.dimensions[dim as keyof RowView['dimensions']];
      if (value === null || value === undefined) return locale.label('none');
      return forPeople && dim === 'channel' && isChannel(value) ? locale.text(CHANNEL_LABELS[value]) : value;
    }
    case 'unallocated':
      return locale.label('unallocated');
    default:
      return locale.label('all');
  }
}

function compareCells(compare: CompareView, locale: LocaleFormat): Cell[] {
  const cell = (key: string, kind: CellKind, pick: (c: RowCompare) => string | number | null): Cell => {
    const value = (row: RowView): CellValue => {
      const c = compare.of(row);
      return c ? pick(c) : null;
    };
    const machine = (row: RowView) => {
      const v = value(row);
      if (v === null) return '';
      return typeof v === 'number' && kind === 'signedRatio' ? v.toFixed(4) : String(v);
    };
    return { key, kind, machine, value };
  };
  return [
    textCell('compare_period', (r) => {
      const c = compare.of(r);
      return c ? locale.period(c.period) : '';
    }),
    cell('compare_contacts', 'count', (c) => c.contacts),
    cell('change_contacts', 'signedCount', (c) => c.change.contacts),
    cell('change_contacts_relative', 'signedRatio', (c) => c.change.relative.contacts),
    cell('compare_cost', 'money', (c) => c.cost),
    cell('change_cost', 'signedMoney', (c) => c.change.cost),
    cell('change_cost_relative', 'signedRatio', (c) => c.change.relative.cost),
    cell('compare_cost_per_contact', 'money', (c) => c.costPerContact),
    cell('change_cost_per_contact', 'signedMoney', (c) => c.change.costPerContact),
    cell('change_cost_per_contact_relative', 'signedRatio', (c) => c.change.relative.costPerContact),
  ];
}

/** A cell as people read it: grouped numbers, percentages, "–" for a cost per contact without contacts. */
export function display(cell: Cell, row: RowView, locale: LocaleFormat): string {
  return cell.kind === 'text' ? cell.machine(row) : formatValue(cell.kind, cell.value(row), locale);
}

/** A figure of a kind as people read it in the locale; money without a value is "–", other gaps are empty. */
export function formatValue(kind: Exclude<CellKind, 'text'>, v: CellValue, locale: LocaleFormat): string {
  if (v === null) return kind === 'money' || kind === 'signedMoney' ? '–' : '';
  switch (kind) {
    case 'count':
    case 'signedCount':
      return locale.count(Number(v), kind === 'signedCount');
    case 'money':
    case 'signedMoney':
      return locale.money(String(v), kind === 'signedMoney');
    case 'seconds':
      return locale.decimal(Number(v), 0);
    case 'ratio':
    case 'signedRatio':
      return locale.percent(Number(v), 1, kind === 'signedRatio');
    case 'score':
      return locale.decimal(Number(v), 2);
  }
}

/** A cell for a German or English spreadsheet reading CSV: canonical text with the locale's decimal mark. */
export function machineText(cell: Cell, row: RowView, locale: LocaleFormat): string {
  const text = cell.machine(row);
  return cell.kind === 'text' ? text : locale.machineNumber(text);
}

/** The column heading: the machine key (en-US CSV), the short label (text table) or the long one. */
export function heading(
  key: string,
  view: ReportView,
  locale: LocaleFormat,
  style: 'machine' | 'short' | 'long',
): string {
  if (style === 'machine') return key;
  const dimension = DIMENSION_LABELS[key as keyof typeof DIMENSION_LABELS];
  if (dimension) return style === 'long' ? capitalize(locale.text(dimension)) : locale.text(dimension);
  if (isCategoryKey(key)) {
    return locale.label('costOf', { category: locale.text(CATEGORY_LABELS[key.slice(5) as CostCategory]) });
  }
  const label = COLUMN_LABELS[key];
  if (!label) return key;
  return locale.text(style === 'short' ? (label.short ?? label) : label, { currency: view.currency });
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Rows in reading order: each period's segments, then its total when broken down; the grand total
 * apart. A period with nothing in it shows no row, with a breakdown or without.
 */
export function bodyRows(view: ReportView): RowView[] {
  return view.periodTotals.flatMap((total) => [
    ...view.rows.filter((r) => r.period === total.period),
    ...(view.by.length > 0 && !isEmptyRow(total) ? [total] : []),
  ]);
}

/** The period totals of periods with anything in them: every table and chart shows these periods. */
export function shownPeriods(view: ReportView): RowView[] {
  return view.periodTotals.filter((t) => !isEmptyRow(t));
}

/** No contacts, no cost and no agent time: nothing to show (the report leaves such segments out too). */
export function isEmptyRow(row: RowView): boolean {
  return (
    row.contacts === 0 &&
    row.handled === 0 &&
    row.abandoned === 0 &&
    row.cost === null &&
    !row.coverage.agentTime
  );
}

export const isAlignedRight = (cell: Cell) => cell.kind !== 'text';
