export interface PdfTableRow {
  cells: string[];
  style: 'plain' | 'subtotal' | 'total' | 'muted';
}

export interface PdfTable {
  headings: string[];
  /** Per column: numbers align right. */
  right: boolean[];
  rows: PdfTableRow[];
}

const PADDING = 3;
const LARGEST = 7.5;
const SMALLEST = 5;

/**
 * Draws a table from the current position across pages, repeating the headings on each. The font
 * shrinks (down to 5 pt) until the widest cell of every column fits the page width.
 */
export function pdfTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const size = fittingSize(doc, table, available);
  const widths = columnWidths(doc, table, size, available);
  const scale = Math.min(1, available / widths.reduce((a, b) => a + b, 0));
  const columns = widths.map((w) => w * scale);
  const xs = columns.map((_, i) => left + columns.slice(0, i).reduce((a, b) => a + b, 0));
  const bottom = doc.page.height - doc.page.margins.bottom;
  const rowHeight = size + 4;

  const drawHeadings = () => {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('#111827');
    const height =
      Math.max(
        ...table.headings.map((h, i) => doc.heightOfString(h, { width: (columns[i] ?? 0) - 2 * PADDING })),
      ) + 4;
    const y = doc.y;
    table.headings.forEach((h, i) => {
      doc.text(h, (xs[i] ?? 0) + PADDING, y + 2, {
        width: (columns[i] ?? 0) - 2 * PADDING,
        align: table.right[i] ? 'right' : 'left',
      });
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + available, y + height)
      .lineWidth(0.8)
      .strokeColor('#6b7280')
      .stroke();
    doc.y = y + height + 1;
  };

  drawHeadings();
  table.rows.forEach((row, r) => {
    if (doc.y + rowHeight > bottom) {
      doc.addPage();
      drawHeadings();
    }
    const y = doc.y;
    if (row.style === 'total')
      doc
        .moveTo(left, y)
        .lineTo(left + available, y)
        .lineWidth(1)
        .strokeColor('#6b7280')
        .stroke();
    else if (row.style === 'subtotal') doc.rect(left, y, available, rowHeight).fill('#eef2f7');
    else if (r % 2 === 1) doc.rect(left, y, available, rowHeight).fill('#f7f8fa');
    doc
      .font(row.style === 'total' || row.style === 'subtotal' ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(row.style === 'muted' ? '#6b7280' : '#111827');
    row.cells.forEach((text, i) => {
      doc.text(text, (xs[i] ?? 0) + PADDING, y + 2, {
        width: (columns[i] ?? 0) - 2 * PADDING,
        align: table.right[i] ? 'right' : 'left',
        lineBreak: false,
      });
    });
    doc.y = y + rowHeight;
  });
}

/**
 * Each column as wide as its widest cell and its whole heading where the page has room for that,
 * else its longest heading word (the heading wraps), at the given size.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: PdfTable, size: number, available?: number): number[] {
  // Bold is the wider face: measuring every cell in it leaves room for the total rows.
  doc.font('Helvetica-Bold').fontSize(size);
  const cells = table.headings.map((_, i) =>
    Math.max(0, ...table.rows.map((r) => doc.widthOfString(r.cells[i] ?? ''))),
  );
  const widths = (heading: (h: string) => number) =>
    table.headings.map((h, i) => Math.max(heading(h), cells[i] ?? 0) + 2 * PADDING + 2);
  const whole = widths((h) => doc.widthOfString(h));
  if (available !== undefined && whole.reduce((a, b) => a + b, 0) <= available) return whole;
  return widths((h) => Math.max(...h.split(/\s+/).map((w) => doc.widthOfString(w))));
}

function fittingSize(doc: PDFKit.PDFDocument, table: PdfTable, available: number): number {
  let size = LARGEST;
  while (size > SMALLEST && columnWidths(doc, table, size).reduce((a, b) => a + b, 0) > available)
    size -= 0.25;
  return size;
}
