import PDFDocument from 'pdfkit';
import { AXIS_COLOUR } from '../../report/chart-style.js';
import { drawBridge } from '../../report/pdf-charts.js';
import { pdfTable } from '../../report/pdf-table.js';
import { winAnsi } from '../../report/pdf-text.js';
import { PLAN_LABELS } from './labels.js';
import { type PlanDocument, shown } from './plan-document.js';
import { shownRows } from './render-plan.js';

const MARGIN = 36;
const INK = '#111827';

/** An A4 landscape plan: the waterfalls of the bridge side by side, then every table and the notes. */
export async function planPdf(doc: PlanDocument): Promise<Uint8Array> {
  const { locale } = doc;
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: winAnsi(doc.title), Creator: 'percontact' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(winAnsi(doc.title), MARGIN, MARGIN);
  pdf.font('Helvetica').fontSize(8.5).fillColor(AXIS_COLOUR);
  for (const m of doc.meta) pdf.text(winAnsi(m), { width });
  if (doc.bridges.length > 0) {
    const gap = 18;
    const w = (width - gap * (doc.bridges.length - 1)) / doc.bridges.length;
    const top = pdf.y + 16;
    const height = Math.min(260, pdf.page.height - MARGIN - 20 - top);
    doc.bridges.forEach((b, i) => {
      const x = MARGIN + i * (w + gap);
      pdf
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor(INK)
        .text(winAnsi(b.title), x, top, { width: w, lineBreak: false });
      pdf.font('Helvetica');
      drawBridge(pdf, b.data, { x, y: top + 14, width: w, height: height - 14 }, locale);
    });
    pdf.font('Helvetica').fontSize(6.5).fillColor(AXIS_COLOUR);
    pdf.text(winAnsi(locale.text(PLAN_LABELS.bridgeNote)), MARGIN, top + height + 4, { width });
  }
  for (const t of doc.tables) {
    if (pdf.y > pdf.page.height - MARGIN - 80) pdf.addPage();
    else pdf.y += 14;
    pdf.font('Helvetica-Bold').fontSize(11).fillColor(INK).text(winAnsi(t.title), MARGIN, pdf.y, { width });
    if (t.note) pdf.font('Helvetica').fontSize(7).fillColor(AXIS_COLOUR).text(winAnsi(t.note), { width });
    pdf.moveDown(0.3);
    const rows = shownRows(t);
    pdfTable(pdf, {
      headings: t.headings.map((h) => winAnsi(h)),
      right: t.headings.map((_, i) => (t.rows[0]?.[i]?.kind ?? 'text') !== 'text'),
      rows: rows.map((r, i) => ({
        cells: r.map((c) => winAnsi(shown(c, locale))),
        style: t.totals?.[i] ? 'subtotal' : 'plain',
      })),
    });
    if (t.more) {
      pdf.font('Helvetica').fontSize(7).fillColor(AXIS_COLOUR);
      pdf.text(winAnsi(locale.text(PLAN_LABELS.moreViolations, { n: String(t.more) })), MARGIN, pdf.y + 2, {
        width,
      });
    }
  }
  if (doc.notes.length > 0) {
    pdf.y += 14;
    pdf
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(INK)
      .text(winAnsi(locale.text(PLAN_LABELS.notes)), MARGIN, pdf.y);
    pdf.font('Helvetica').fontSize(7.5).fillColor('#374151');
    for (const n of doc.notes) pdf.text(winAnsi(n), { width });
  }
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#9ca3af')
      .text(
        winAnsi(`${locale.text(PLAN_LABELS.generatedBy)} · ${i + 1}/${count}`),
        MARGIN,
        pdf.page.height - MARGIN / 2 - 4,
        {
          width,
          align: 'right',
          lineBreak: false,
        },
      );
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
