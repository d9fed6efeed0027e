import { readFile } from 'node:fs/promises';
import type { Engine } from '../../engine/engine.js';
import { UserError } from '../../errors.js';
import type { ReadOptions } from '../mapping/schema.js';
import type { RawSource } from './source.js';
import { noSheet, type SheetRow, sheetSource } from './xlsx-source.js';

/**
 * A sheet of an OpenDocument spreadsheet (.ods, LibreOffice / OpenOffice), read like XLSX: the
 * first sheet or `read.sheet`, the first row the header. npm has no maintained ODS reader (the
 * `xlsx` package there stopped at 0.18.5 with open advisories; exceljs reads only OOXML), so this
 * reads the zip's `content.xml` (ODF 1.2 part 1, section 9) with the zip and XML libraries exceljs
 * already brings. Cells keep the value the sheet stores: numbers as written in `office:value`,
 * dates as local wall-clock text, times as H:MM:SS durations.
 */
export async function odsSource(engine: Engine, path: string, read: ReadOptions = {}): Promise<RawSource> {
  const [{ default: JSZip }, { SaxesParser }] = await Promise.all([import('jszip'), import('saxes')]);
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(await readFile(path));
  } catch (error) {
    throw notOds(path, (error as Error).message);
  }
  const content = zip.file('content.xml');
  if (!content) throw notOds(path, 'it has no content.xml');
  const sheets = new OdsSheets(read.sheet);
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => sheets.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('text', (text) => sheets.text(text));
  parser.on('closetag', (tag) => sheets.close(tag.name));
  try {
    parser.write(await content.async('string')).close();
  } catch (error) {
    throw notOds(path, `content.xml is not valid XML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!sheets.picked) throw noSheet(path, read.sheet, sheets.names);
  return sheetSource(engine, path, sheets.picked, sheets.rows, read);
}

function notOds(path: string, why: string): UserError {
  return new UserError('INVALID_INPUT', `${path}: not a readable ODS spreadsheet: ${why}`, { file: path });
}

/** Cells beyond this column are never materialised (a row's trailing repeats run to 16,384). */
const MAX_COLUMNS = 16_384;

/** Collects the rows of one sheet from content.xml's events. */
class OdsSheets {
  readonly names: string[] = [];
  readonly rows: SheetRow[] = [];
  picked: string | undefined;
  private inPicked = false;
  private line = 0;
  private rowRepeat = 1;
  private cells: { value: string | null; repeat: number }[] = [];
  private cell: { type: string; value: string | null; repeat: number; paragraphs: string[] } | null = null;
  private paragraph: string | null = null;
  /** Inside a comment attached to a cell: its paragraphs are not the cell's text. */
  private inAnnotation = false;

  constructor(private readonly wanted: string | number | undefined) {}

  open(name: string, attributes: Record<string, string>): void {
    if (name === 'table:table') {
      const sheet = attributes['table:name'] ?? `Sheet${this.names.length + 1}`;
      this.names.push(sheet);
      this.inPicked = !this.picked && this.isWanted(sheet, this.names.length);
      if (this.inPicked) this.picked = sheet;
      return;
    }
    if (!this.inPicked) return;
    if (name === 'table:table-row') {
      this.rowRepeat = Number(attributes['table:number-rows-repeated'] ?? 1);
      this.cells = [];
    } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
      this.cell = {
        type: attributes['office:value-type'] ?? '',
        value: typedValue(attributes),
        repeat: Number(attributes['table:number-columns-repeated'] ?? 1),
        paragraphs: [],
      };
    } else if (name === 'office:annotation') this.inAnnotation = true;
    else if (name === 'text:p' && this.cell && !this.inAnnotation) this.paragraph = '';
    else if (this.paragraph !== null) this.paragraph += inlineText(name, attributes);
  }

  text(text: string): void {
    if (this.paragraph !== null) this.paragraph += text;
  }

  close(name: string): void {
    if (name === 'table:table') this.inPicked = false;
    if (!this.inPicked) return;
    if (name === 'office:annotation') this.inAnnotation = false;
    else if (name === 'text:p' && this.cell && this.paragraph !== null) {
      this.cell.paragraphs.push(this.paragraph);
      this.paragraph = null;
    } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && this.cell) {
      const shown = this.cell.paragraphs.join('\n');
      const value = this.cell.value ?? (shown.trim() === '' ? null : shown);
      this.cells.push({ value, repeat: this.cell.repeat });
      this.cell = null;
    } else if (name === 'table:table-row') this.endRow();
  }

  private isWanted(sheet: string, position: number): boolean {
    if (this.wanted === undefined) return position === 1;
    return typeof this.wanted === 'number' ? position === this.wanted : sheet === this.wanted;
  }

  /** Expands repeated cells up to the last one with a value; empty rows only advance the row number. */
  private endRow(): void {
    while (this.cells.length > 0 && this.cells[this.cells.length - 1]?.value === null) this.cells.pop();
    const values: (string | null)[] = [];
    for (const c of this.cells)
      for (let i = 0; i < c.repeat && values.length < MAX_COLUMNS; i++) values.push(c.value);
    const repeat = values.length === 0 ? 1 : this.rowRepeat;
    for (let i = 0; i < repeat; i++) {
      this.line++;
      if (values.length > 0) this.rows.push({ line: this.line, values });
    }
    if (values.length === 0) this.line += this.rowRepeat - 1;
  }
}

/** The value a typed cell stores (its text is only how the sheet displays it). */
function typedValue(attributes: Record<string, string>): string | null {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency':
      return attributes['office:value'] ?? null;
    case 'date':
      return dateText(attributes['office:date-value']);
    case 'time':
      return durationText(attributes['office:time-value']);
    case 'boolean':
      return attributes['office:boolean-value'] ?? null;
    default:
      return null;
  }
}

/** `2026-03-01T08:00:00` → `2026-03-01 08:00:00`; a date at midnight stays a date. */
function dateText(value: string | undefined): string | null {
  if (!value) return null;
  const [day, time] = value.split('T');
  if (!time || /^00:00:00(\.0+)?$/.test(time)) return day ?? null;
  return `${day} ${time.replace(/\.\d+$/, '')}`;
}

/** `PT01H02M03S` (or `PT25H…` for more than a day) → `1:02:03`. */
function durationText(value: string | undefined): string | null {
  const match = value ? /^-?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value) : null;
  if (!match) return value ?? null;
  const [, d, h, m, s] = match;
  const hours = Number(d ?? 0) * 24 + Number(h ?? 0);
  const seconds = Math.round(Number(s ?? 0));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${hours}:${pad(Number(m ?? 0))}:${pad(seconds)}`;
}

/** Text elements inside a paragraph: runs of spaces, tabs and line breaks. */
function inlineText(name: string, attributes: Record<string, string>): string {
  if (name === 'text:s') return ' '.repeat(Number(attributes['text:c'] ?? 1));
  if (name === 'text:tab') return '\t';
  if (name === 'text:line-break') return '\n';
  return '';
}
