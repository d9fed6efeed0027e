import ExcelJS from 'exceljs';
import { minorUnits } from '../../money/currency.js';
import { numberFormat } from '../../report/xlsx.js';
import type { DocCell, PlanDocument } from './plan-document.js';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string, used: Set<string>) => {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${title.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
};

const cellValue = (c: DocCell) =>
  c.value !== null && (c.kind === 'money' || c.kind === 'signedMoney') ? Number(c.value) : c.value;

/** A workbook with one sheet per table: numbers typed with number formats, the plan's settings first. */
export async function planXlsx(doc: PlanDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'percontact';
  const used = new Set<string>();
  const scale = minorUnits(doc.currency);
  const about = workbook.addWorksheet(sheetName(doc.title, used));
  about.columns = [{ width: 120 }];
  for (const line of [doc.title, ...doc.meta, '', ...doc.notes]) about.addRow([line]);
  about.getRow(1).font = { bold: true, size: 13 };
  for (const t of doc.tables) {
    const sheet = workbook.addWorksheet(sheetName(t.title, used));
    sheet.columns = t.headings.map((h, i) => {
      const kind = t.rows[0]?.[i]?.kind ?? 'text';
      const format = numberFormat(kind === 'hours' ? 'seconds' : kind, scale);
      return {
        header: h,
        width: Math.min(48, Math.max(12, h.length + 2)),
        style: { numFmt: format ?? 'General' },
      };
    });
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    t.rows.forEach((r, i) => {
      const row = sheet.addRow(r.map(cellValue));
      if (t.totals?.[i]) row.font = { bold: true };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
