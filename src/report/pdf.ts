import PDFDocument from 'pdfkit';
import { bodyRows, display, heading, isAlignedRight, reportCells } from './cells.js';
import type { ChartData } from './chart-data.js';
import { AXIS_COLOUR } from './chart-style.js';
import {
  breakdownText,
  compareText,
  definitionEntries,
  footerText,
  headlineTiles,
  type RenderContext,
  rangeText,
} from './context.js';
import { footnotes } from './footnotes.js';
import type { LocaleFormat } from './locale.js';
import { type Box, drawBridge, drawComposition, drawTrend } from './pdf-charts.js';
import { pdfTable } from './pdf-table.js';
import { winAnsi } from './pdf-text.js';
import type { ReportView, RowView } from './report-view.js';

const MARGIN = 36;

const ansi = (locale: LocaleFormat, text: string) => winAnsi(text, locale.lang);
const INK = '#111827';

/** An A4 landscape report: headline figures, the three charts, the table with its totals, the definitions. */
export async function renderPdf(
  view: ReportView,
  context: RenderContext,
  charts: ChartData,
): Promise<Uint8Array> {
  const { locale } = context;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: locale.label('title'), Creator: 'percontact' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  header(doc, view, context);
  tiles(doc, view, context);
  chartRow(doc, charts, context);
  doc.addPage();
  const cells = reportCells(view, locale, { all: false, compare: context.compare, forPeople: true });
  const notes = footnotes(view, context);
  const rows = [...bodyRows(view), view.totals];
  const marked = rows.some((r) => notes.marker(r) !== '');
  pdfTable(doc, {
    headings: [
      ...cells.map((c) => ansi(locale, heading(c.key, view, locale, 'short'))),
      ...(marked ? [ansi(locale, locale.label('notesColumn'))] : []),
    ],
    right: [...cells.map(isAlignedRight), ...(marked ? [false] : [])],
    rows: rows.map((row) => ({
      cells: [
        ...cells.map((c) => ansi(locale, display(c, row, locale))),
        ...(marked ? [notes.marker(row)] : []),
      ],
      style: rowStyle(row),
    })),
  });
  definitions(doc, view, context, notes.list);
  footers(doc, context);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

function rowStyle(row: RowView): 'plain' | 'subtotal' | 'total' | 'muted' {
  if (row.kind === 'total') return 'total';
  if (row.kind === 'periodTotal') return 'subtotal';
  return row.kind === 'unallocated' ? 'muted' : 'plain';
}

const width = (doc: PDFKit.PDFDocument) => doc.page.width - 2 * MARGIN;

function header(doc: PDFKit.PDFDocument, view: ReportView, context: RenderContext): void {
  const { locale } = context;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor(INK)
    .text(ansi(locale, locale.label('title')), MARGIN, MARGIN);
  const meta = [
    rangeText(view, context),
    breakdownText(view, context),
    `${locale.label('timezone')} ${view.timezone}`,
  ];
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .fillColor(AXIS_COLOUR)
    .text(ansi(locale, meta.join(' · ')));
  const compared = compareText(context);
  if (compared) doc.text(ansi(locale, compared));
}

function tiles(doc: PDFKit.PDFDocument, view: ReportView, context: RenderContext): void {
  const { locale } = context;
  const items = headlineTiles(view, context);
  const gap = 8;
  const w = (width(doc) - gap * (items.length - 1)) / items.length;
  const y = doc.y + 10;
  items.forEach(({ name, value, change }, i) => {
    const x = MARGIN + i * (w + gap);
    doc.roundedRect(x, y, w, 46, 3).lineWidth(0.6).strokeColor('#d1d5db').stroke();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(AXIS_COLOUR)
      .text(ansi(locale, name), x + 8, y + 6, { width: w - 16, lineBreak: false });
    doc
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor(INK)
      .text(ansi(locale, value), x + 8, y + 17, { width: w - 16, lineBreak: false });
    if (change) {
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor(AXIS_COLOUR)
        .text(ansi(locale, change), x + 8, y + 34, { lineBreak: false });
    }
  });
  doc.y = y + 46;
}

function chartRow(doc: PDFKit.PDFDocument, charts: ChartData, context: RenderContext): void {
  const { locale } = context;
  const gap = 14;
  const w = (width(doc) - 2 * gap) / 3;
  const top = doc.y + 18;
  const height = doc.page.height - MARGIN - 14 - top;
  const { trend, composition, bridge } = charts;
  const panels: [string, ((box: Box) => void) | undefined, string][] = [
    [
      locale.label('chartTrend'),
      trend.series.length > 0 ? (b) => drawTrend(doc, trend, b, locale) : undefined,
      '',
    ],
    [
      locale.label('chartComposition'),
      composition.series.length > 0 ? (b) => drawComposition(doc, composition, b, locale) : undefined,
      '',
    ],
    [
      locale.label('chartBridge'),
      bridge ? (b) => drawBridge(doc, bridge, b, locale) : undefined,
      locale.label('bridgeNote'),
    ],
  ];
  panels.forEach(([caption, draw, note], i) => {
    const x = MARGIN + i * (w + gap);
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(INK)
      .text(ansi(locale, caption), x, top, { width: w, lineBreak: false });
    let y = top + 13;
    if (note) {
      doc.font('Helvetica').fontSize(6).fillColor(AXIS_COLOUR).text(ansi(locale, note), x, y, { width: w });
      y = doc.y + 4;
    }
    doc.font('Helvetica');
    if (draw) draw({ x, y, width: w, height: top + height - y });
    else
      doc
        .fontSize(7)
        .fillColor(AXIS_COLOUR)
        .text(ansi(locale, locale.label('chartEmpty')), x, y + 20, { width: w });
  });
}

/** The numbered notes the table refers to, then the definitions, each under its heading. */
function definitions(
  doc: PDFKit.PDFDocument,
  view: ReportView,
  context: RenderContext,
  notes: readonly [number, string][],
): void {
  const { locale } = context;
  if (notes.length > 0) {
    section(
      doc,
      locale,
      locale.label('notes'),
      notes.map(([n, text]): [string, string] => [String(n), text]),
    );
  }
  section(doc, locale, locale.label('definitions'), definitionEntries(view, context, { notes: false }));
}

function section(
  doc: PDFKit.PDFDocument,
  locale: LocaleFormat,
  heading: string,
  entries: readonly [string, string][],
): void {
  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  else doc.y += 18;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(ansi(locale, heading), MARGIN, doc.y);
  doc.moveDown(0.4);
  for (const [name, text] of entries) {
    doc
      .font('Helvetica-Bold')
      .fontSize(7.5)
      .fillColor(INK)
      .text(`${ansi(locale, name)}: `, MARGIN, doc.y, { continued: true, width: width(doc) });
    doc.font('Helvetica').fillColor('#374151').text(ansi(locale, text));
    doc.moveDown(0.25);
  }
}

/** "Cost per contact · page 1 of 3" on every page, written once all pages exist. */
function footers(doc: PDFKit.PDFDocument, context: RenderContext): void {
  const { locale } = context;
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const text = `${footerText(context)} · ${locale.label('page', { n: String(i + 1), count: String(count) })}`;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#9ca3af')
      .text(ansi(locale, text), MARGIN, doc.page.height - MARGIN / 2 - 4, {
        width: width(doc),
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
