import type { Locale } from '../../report/locale.js';
import { alignColumns, columnRule, columnWidths } from '../../text/columns.js';
import { csvLines } from '../../text/csv.js';
import type { OptimiseOutcome } from '../scenario/optimise.js';
import type { PlanOutcome } from '../scenario/run-plan.js';
import type { ValidationRow } from '../scenario/validate.js';
import { PLAN_LABELS } from './labels.js';
import { type DocTable, machine, type PlanDocument, planDocument, shown } from './plan-document.js';

export const PLAN_FORMATS = ['table', 'json', 'csv', 'html', 'xlsx', 'pdf'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export interface PlanRendering {
  outcome: PlanOutcome | OptimiseOutcome;
  validation?: ValidationRow[];
  locale?: Locale;
}

/** A plan in one format: text for table, json, csv and html, bytes for xlsx and pdf. */
export async function renderPlanOutput(p: PlanRendering, format: PlanFormat): Promise<string | Uint8Array> {
  if (format === 'json')
    return `${JSON.stringify({ ...p.outcome, ...(p.validation ? { validation: p.validation } : {}) }, null, 2)}\n`;
  const doc = planDocument(p.outcome, p.validation, p.locale);
  switch (format) {
    case 'table':
      return planTable(doc);
    case 'csv':
      return planCsv(doc);
    case 'html': {
      const { planHtml } = await import('./plan-html.js');
      return planHtml(doc);
    }
    case 'xlsx': {
      const { planXlsx } = await import('./plan-xlsx.js');
      return planXlsx(doc);
    }
    case 'pdf': {
      const { planPdf } = await import('./plan-pdf.js');
      return planPdf(doc);
    }
  }
}

const rightAligned = (t: DocTable, i: number) => (t.rows[0]?.[i]?.kind ?? 'text') !== 'text';

/** Rows a text or PDF table shows: all, or the first ones where the rest are only in the files. */
export function shownRows(t: DocTable): DocTable['rows'] {
  return t.more ? t.rows.slice(0, t.rows.length - t.more) : t.rows;
}

/** A terminal text: each table with its title, aligned columns, then the notes. */
export function planTable(doc: PlanDocument): string {
  const { locale } = doc;
  const lines = [doc.title, ...doc.meta.map((m) => `  ${m}`)];
  for (const t of doc.tables) {
    const body = shownRows(t).map((r) => r.map((c) => shown(c, locale)));
    const widths = columnWidths([t.headings, ...body]);
    const [head = '', ...rows] = alignColumns(
      [t.headings, ...body],
      (i) => (rightAligned(t, i) ? 'right' : 'left'),
      '',
      widths,
    );
    lines.push('', `${t.title}:`, ...(t.note ? [`  ${t.note}`] : []), head, columnRule(widths), ...rows);
    if (t.more) lines.push(locale.text(PLAN_LABELS.moreViolations, { n: String(t.more) }));
  }
  if (doc.notes.length > 0)
    lines.push('', `${locale.text(PLAN_LABELS.notes)}:`, ...doc.notes.map((n) => `  ${n}`));
  return `${lines.join('\n')}\n`;
}

/**
 * CSV: every table as a block, its first column the table's key, a header row then its rows, blocks
 * separated by an empty line; en-US is RFC 4180, de-DE `;` with decimal commas and a BOM (German Excel).
 */
export function planCsv(doc: PlanDocument): string {
  const { locale } = doc;
  const german = locale.lang === 'de';
  const blocks = doc.tables.map((t) =>
    csvLines(
      [['table', ...t.headings], ...t.rows.map((r) => [t.key, ...r.map((c) => machine(c, locale))])],
      locale.csvSeparator,
    ),
  );
  return `${german ? '\uFEFF' : ''}${blocks.join('\r\n')}`;
}
