import { csvLines } from '../text/csv.js';
import { heading, machineText, reportCells } from './cells.js';
import { type RenderContext, renderContext } from './context.js';
import type { ReportView } from './report-view.js';

/**
 * CSV: one row per period and segment, then the per-period totals and the grand total. en-US is
 * RFC 4180 with snake_case headers; de-DE is what German Excel opens directly: `;` between fields,
 * decimal commas, German headers and a byte-order mark so that it reads the file as UTF-8.
 */
export function renderCsv(view: ReportView, context: RenderContext = renderContext(view)): string {
  const { locale } = context;
  const cells = reportCells(view, locale, { all: true, compare: context.compare });
  const rows = [...view.rows, ...(view.by.length > 0 ? view.periodTotals : []), view.totals];
  const german = locale.lang === 'de';
  const lines = [
    cells.map((c) => heading(c.key, view, locale, german ? 'long' : 'machine')),
    ...rows.map((r) => cells.map((c) => machineText(c, r, locale))),
  ];
  const separator = locale.csvSeparator;
  return `${german ? '\uFEFF' : ''}${csvLines(lines, separator)}`;
}
