import ExcelJS from 'exceljs';
import { minorUnits } from '../money/currency.js';
import { bodyRows, type Cell, type CellKind, type CellValue, heading, reportCells } from './cells.js';
import {
  breakdownText,
  compareModeText,
  definitionEntries,
  type RenderContext,
  rangeText,
} from './context.js';
import { CATEGORY_LABELS } from './labels.js';
import type { ReportView, RowView } from './report-view.js';

/** Excel number formats are stored locale-free; Excel shows them with the reader's separators. */
export function numberFormat(kind: CellKind, scale: number): string | undefined {
  const money = scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
  switch (kind) {
    case 'count':
      return '#,##0';
    case 'signedCount':
      return '+#,##0;-#,##0;0';
    case 'money':
      return money;
    case 'signedMoney':
      return `+${money};-${money};${money.replace('#,##', '')}`;
    case 'seconds':
      return '#,##0.0';
    case 'ratio':
      return '0.0%';
    case 'signedRatio':
      return '+0.0%;-0.0%;0.0%';
    case 'score':
      return '0.00';
    case 'text':
      return undefined;
  }
}

/** Money arrives as decimal text: a spreadsheet cell holds a number, so it becomes one here, for display. */
const cellValue = (kind: CellKind, value: CellValue) =>
  value !== null && (kind === 'money' || kind === 'signedMoney') ? Number(value) : value;

const isTotal = (row: RowView) => row.kind === 'periodTotal' || row.kind === 'total';

interface Column {
  header: string;
  kind: CellKind;
  value: (row: RowView) => CellValue;
}

function addTable(sheet: ExcelJS.Worksheet, columns: Column[], rows: RowView[], scale: number): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(40, Math.max(10, c.header.length + 2)),
    style: { numFmt: numberFormat(c.kind, scale) ?? 'General' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(row))));
    if (isTotal(row)) added.font = { bold: true };
  }
}

/**
 * A workbook with the report (cells typed: numbers with number formats, money with the currency's
 * decimals), its totals, the cost by category and the definitions.
 */
export async function renderXlsx(view: ReportView, context: RenderContext): Promise<Uint8Array> {
  const { locale } = context;
  const scale = minorUnits(view.currency);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'percontact';
  const rows = [...bodyRows(view), view.totals];
  const columnOf = (c: Cell): Column => ({
    header: heading(c.key, view, locale, 'long'),
    kind: c.kind,
    value: c.value,
  });

  const cells = reportCells(view, locale, { all: true, compare: context.compare, withoutCategories: true });
  addTable(workbook.addWorksheet(locale.label('report')), cells.map(columnOf), rows, scale);

  const keys = reportCells(view, locale, { all: false }).filter((c) => c.kind === 'text');
  const categories = Object.keys(view.totals.costByCategory).map(
    (category): Column => ({
      header:
        category in CATEGORY_LABELS
          ? locale.text(CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS])
          : category,
      kind: 'money',
      value: (r) => (r.cost === null ? null : (r.costByCategory[category] ?? '0')),
    }),
  );
  const total: Column = {
    header: heading('cost', view, locale, 'long'),
    kind: 'money',
    value: (r) => r.cost,
  };
  addTable(
    workbook.addWorksheet(locale.label('costByCategory')),
    [...keys.map(columnOf), ...categories, total],
    rows,
    scale,
  );

  addDefinitions(workbook.addWorksheet(locale.label('definitions')), view, context);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addDefinitions(sheet: ExcelJS.Worksheet, view: ReportView, context: RenderContext): void {
  const { locale } = context;
  sheet.columns = [{ width: 34 }, { width: 120 }];
  const facts: [string, string][] = [
    [locale.label('currency'), view.currency],
    [locale.label('range'), rangeText(view, context)],
    [locale.label('granularity'), breakdownText(view, context)],
    [locale.label('timezone'), view.timezone],
  ];
  const compared = compareModeText(context);
  if (compared) facts.push([locale.label('compare'), compared]);
  for (const [name, value] of facts) sheet.addRow([name, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([locale.label('definitions')]).font = { bold: true, size: 13 };
  for (const [name, text] of definitionEntries(view, context)) {
    const row = sheet.addRow([name, text]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}
