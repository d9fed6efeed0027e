import { type BridgeData, bridgeTicks, niceTicks, type SeriesChart, waterfall } from './chart-data.js';
import { AXIS_COLOUR, colourAt, FALL_COLOUR, GRID_COLOUR, LEVEL_COLOUR, RISE_COLOUR } from './chart-style.js';
import type { LocaleFormat } from './locale.js';
import { winAnsi } from './pdf-text.js';

/*
 * The three charts drawn with pdfkit's own lines, rectangles and text (pdfkit cannot place SVG), from
 * the same chart data as the SVG charts of the HTML report and in the same colours.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FONT = 6.5;

interface Plot {
  /** Centre of category i. */
  x(i: number): number;
  y(value: number): number;
  band: number;
  area: Box;
  /** The value at the bottom of the axis. */
  lowest: number;
}

/** Legend rows at the top of the box; returns their height. */
function legend(doc: PDFKit.PDFDocument, names: string[], box: Box): number {
  doc.fontSize(FONT);
  let x = box.x;
  let y = box.y;
  names.forEach((name, i) => {
    const text = winAnsi(name);
    const width = 10 + doc.widthOfString(text) + 10;
    if (x + width > box.x + box.width && x > box.x) {
      x = box.x;
      y += FONT + 4;
    }
    doc.rect(x, y + 1, 7, 5).fill(colourAt(i));
    doc.fillColor(AXIS_COLOUR).text(text, x + 10, y, { lineBreak: false });
    x += width;
  });
  return names.length > 0 ? y - box.y + FONT + 8 : 0;
}

/**
 * Grid lines and y labels, categories along x with their labels below; or, with `reserved`, only that
 * much room below for labels the caller writes itself.
 */
function plot(
  doc: PDFKit.PDFDocument,
  box: Box,
  labels: string[],
  values: number[],
  format: (v: number) => string,
  reserved?: number,
  ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values)),
): Plot {
  const labelHeight = reserved ?? FONT + 6;
  const lowest = ticks[0] ?? 0;
  const highest = ticks[ticks.length - 1] ?? 1;
  doc.fontSize(FONT);
  const yLabelWidth = Math.max(...ticks.map((t) => doc.widthOfString(winAnsi(format(t))))) + 4;
  const area = {
    x: box.x + yLabelWidth,
    y: box.y + 4,
    width: box.width - yLabelWidth,
    height: box.height - labelHeight - 4,
  };
  const y = (v: number) => area.y + area.height - ((v - lowest) / (highest - lowest || 1)) * area.height;
  for (const t of ticks) {
    doc
      .moveTo(area.x, y(t))
      .lineTo(area.x + area.width, y(t))
      .lineWidth(0.4)
      .strokeColor(GRID_COLOUR)
      .stroke();
    doc.fillColor(AXIS_COLOUR).text(winAnsi(format(t)), box.x, y(t) - FONT / 2, {
      width: yLabelWidth - 4,
      align: 'right',
      lineBreak: false,
    });
  }
  const band = area.width / Math.max(1, labels.length);
  const x = (i: number) => area.x + band * (i + 0.5);
  if (reserved === undefined) {
    const widest = Math.max(...labels.map((l) => doc.widthOfString(winAnsi(l))));
    const every = Math.max(1, Math.ceil((widest + 4) / band));
    labels.forEach((label, i) => {
      if (i % every !== 0) return;
      doc.text(winAnsi(label), x(i) - band * every * 0.5, area.y + area.height + 3, {
        width: band * every,
        align: 'center',
        lineBreak: false,
      });
    });
  }
  return { x, y, band, area, lowest };
}

export function drawTrend(doc: PDFKit.PDFDocument, data: SeriesChart, box: Box, locale: LocaleFormat): void {
  const top = legend(
    doc,
    data.series.map((s) => s.name),
    box,
  );
  const values = data.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const p = plot(doc, { ...box, y: box.y + top, height: box.height - top }, data.periods, values, (v) =>
    locale.decimal(v, 2),
  );
  data.series.forEach((s, i) => {
    const colour = colourAt(i);
    let drawing = false;
    s.values.forEach((v, j) => {
      if (v === null) {
        drawing = false;
        return;
      }
      if (drawing) doc.lineTo(p.x(j), p.y(v));
      else doc.moveTo(p.x(j), p.y(v));
      drawing = true;
    });
    doc.lineWidth(1.2).strokeColor(colour).stroke();
    s.values.forEach((v, j) => {
      if (v !== null) doc.circle(p.x(j), p.y(v), 1.6).fill(colour);
    });
  });
}

export function drawComposition(
  doc: PDFKit.PDFDocument,
  data: SeriesChart,
  box: Box,
  locale: LocaleFormat,
): void {
  const top = legend(
    doc,
    data.series.map((s) => s.name),
    box,
  );
  const totals = data.periods.map((_, j) =>
    data.series.reduce((sum, s) => sum + Math.max(0, s.values[j] ?? 0), 0),
  );
  const p = plot(doc, { ...box, y: box.y + top, height: box.height - top }, data.periods, totals, (v) =>
    locale.decimal(v, 0),
  );
  const width = Math.min(40, p.band * 0.6);
  data.periods.forEach((_, j) => {
    let level = 0;
    data.series.forEach((s, i) => {
      const v = Math.max(0, s.values[j] ?? 0);
      if (v === 0) return;
      doc.rect(p.x(j) - width / 2, p.y(level + v), width, p.y(level) - p.y(level + v)).fill(colourAt(i));
      level += v;
    });
  });
}

export function drawBridge(doc: PDFKit.PDFDocument, data: BridgeData, box: Box, locale: LocaleFormat): void {
  const bars = waterfall(data);
  const n = bars.labels.length;
  doc.fontSize(FONT);
  // The y labels take some of the width: wrap as if the bands were a little narrower than they will be.
  const band = (box.width * 0.85) / n;
  const labelHeight =
    Math.max(...bars.labels.map((l) => doc.heightOfString(winAnsi(l), { width: band - 2 }))) + 4;
  const tops = bars.base.map((b, i) => b + Math.abs(bars.levels[i] ?? bars.rises[i] ?? bars.falls[i] ?? 0));
  const p = plot(
    doc,
    { ...box, y: box.y + FONT + 4, height: box.height - FONT - 4 },
    bars.labels,
    [...tops, ...bars.base],
    (v) => locale.decimal(v, 2),
    labelHeight,
    bridgeTicks(data),
  );
  const width = Math.min(36, p.band * 0.6);
  bars.labels.forEach((label, i) => {
    const level = bars.levels[i];
    const change = bars.rises[i] ?? bars.falls[i] ?? null;
    const size = Math.abs(level ?? change ?? 0);
    const colour =
      level !== null && level !== undefined ? LEVEL_COLOUR : (change ?? 0) >= 0 ? RISE_COLOUR : FALL_COLOUR;
    const base = bars.base[i] ?? 0;
    const top = p.y(base + size);
    // Level bars start at zero, below an axis that may start higher: cut them at the axis.
    const bottom = p.y(Math.max(base, p.lowest));
    doc.rect(p.x(i) - width / 2, top, width, Math.max(0.5, bottom - top)).fill(colour);
    const text =
      level !== null && level !== undefined
        ? locale.decimal(level, 2)
        : locale.money((change ?? 0).toFixed(10), true);
    doc
      .fillColor('#111827')
      .fontSize(FONT)
      .text(winAnsi(text), p.x(i) - p.band / 2, top - FONT - 2, {
        width: p.band,
        align: 'center',
        lineBreak: false,
      });
    doc.fillColor(AXIS_COLOUR).text(winAnsi(label), p.x(i) - p.band / 2 + 1, p.area.y + p.area.height + 3, {
      width: p.band - 2,
      align: 'center',
    });
  });
}
