import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { defaultConfig } from '../model/config.js';
import { engineWith } from '../test-support/fixtures.js';
import { HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES } from '../test-support/hand-checked.js';
import { escapeHtml } from './html.js';
import type { Locale } from './locale.js';
import { prepareReport, type RenderSettings, renderBytes, renderText } from './render.js';

/*
 * The hand-checked workspace (figures in src/metrics/cost-per-contact.test.ts), by month and channel:
 * Jan voice 2 contacts 885.94 (442.97), AHT 270, ASA 20, SL and abandonment 1/3; email 1 contact 891.24;
 * Feb voice 2 contacts 509.92 (254.96); total 7 contacts 3913.97 (559.14); wages 1628.81 + 1471.19 = 3100.00.
 */
const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(HAND_CHECKED_CONTACTS, HAND_CHECKED_LINES);
});
afterAll(() => engine.close());

const prepared = (settings: RenderSettings = {}) =>
  prepareReport(engine, definitions, { granularity: 'month', by: ['channel'] }, settings);
const de = { locale: 'de-DE' as Locale };

describe('text table and CSV in de-DE', () => {
  it('prints German labels, decimal commas, dot grouping and German dates', async () => {
    const table = await renderText(await prepared(de), 'table');
    expect(table).toMatch(
      /^Kosten je Kontakt, EUR, 01\.01\.2026 bis 01\.03\.2026 \(ausschließlich\), je Monat × Kanal, Zeitzone Europe\/Berlin\n/,
    );
    expect(table).toMatch(
      /Periode\s+Kanal\s+Kontakte\s+Kosten EUR\s+Kosten\/Kontakt\s+bearbeitet\s+abgebrochen\s+AHT s\s+ASA s\s+Servicelevel\s+Abbruchquote/,
    );
    expect(table).toMatch(/01\.2026\s+Telefon\s+2\s+885,94\s+442,97\s+2\s+2\s+270\s+20\s+33,3\s%\s+33,3\s%/);
    expect(table).toMatch(/Gesamt\s+alle\s+7\s+3\.913,97\s+559,14/);
    expect(table).toContain(
      'Definitionen:\n  Kontakte: eingehende Kontakte mit Ergebnis „bearbeitet“ oder „Rückruf“',
    );
    // Phrases that read wrong before: "erneut gezählt Kontakt aufnimmt", "je bearbeiteten Kontakt"
    expect(table).toContain(
      'auf den innerhalb von 7 Tagen ein weiterer gezählter Kontakt desselben Kunden folgt',
    );
    expect(table).toContain('Kosten je bearbeitetem Kontakt: Kosten ÷ bearbeitete Kontakte');
    expect(table).not.toContain('erneut gezählt Kontakt');
  });

  it('writes CSV as German Excel reads it: BOM, semicolons, decimal commas, German headers', async () => {
    const csv = await renderText(await prepared(de), 'csv');
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toMatch(
      /^\uFEFFPeriode;Kanal;Kontakte;Kosten \(EUR\);Kosten je Kontakt;bearbeitet;abgebrochen;AHT \(s\);ASA \(s\);Servicelevel;Abbruchquote;.*;Kosten: Agentenlöhne;/,
    );
    expect(lines).toContain(lines.find((l) => l.startsWith('01.2026;voice;')));
    expect(lines.find((l) => l.startsWith('01.2026;voice;'))).toMatch(
      /^01\.2026;voice;2;885,94;442,97;2;2;270,0;20,0;0,3333;0,3333;/,
    );
    expect(lines.find((l) => l.startsWith('Gesamt;'))).toMatch(/^Gesamt;alle;7;3913,97;559,14;/);
  });

  it('adds comparison columns to the en-US CSV with machine headers', async () => {
    const csv = await renderText(await prepared({ compare: 'previous' }), 'csv');
    const [header, ...rows] = csv.split('\r\n');
    expect(header).toMatch(
      /,compare_period,compare_contacts,change_contacts,change_contacts_relative,compare_cost,change_cost,change_cost_relative,compare_cost_per_contact,change_cost_per_contact,change_cost_per_contact_relative$/,
    );
    // Feb voice against Jan voice: 2 contacts then, 885.94, 442.97; −376.02 (−0.4244), −188.01 (−0.4244)
    expect(rows.find((r) => r.startsWith('2026-02,voice,'))).toMatch(
      /,2026-01,2,\+?0,0\.0000,885\.94,-376\.02,-0\.4244,442\.97,-188\.01,-0\.4244$/,
    );
  });
});

describe('HTML', () => {
  it('is one self-contained page with the three charts, the table, the totals and the definitions', async () => {
    const html = await renderText(await prepared(de), 'html');
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|href="http/);
    for (const heading of [
      'Kosten je Kontakt nach Kanal',
      'Kostenzusammensetzung nach Kategorie',
      'Überleitung der Kosten je Kontakt',
      'Bericht',
      'Definitionen',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toMatch(
      /<tfoot><tr><td>Gesamt<\/td><td>alle<\/td><td class="num">7<\/td><td class="num">3\.913,97<\/td><td class="num">559,14<\/td>/,
    );
    // chart text in German: the channel legend and the bridge's first step
    expect(html).toMatch(/<text[^>]*>Telefon<\/text>/);
    expect(html).toMatch(/<text[^>]*>Kanalmix<\/text>/);
    expect(html).toContain('<dt>Kosten je Kontakt</dt><dd>Kosten ÷ gezählte Kontakte');
  });

  it('escapes text', () => {
    expect(escapeHtml('<b class="x">R&D\'s</b>')).toBe(
      '&#60;b class=&#34;x&#34;&#62;R&#38;D&#39;s&#60;/b&#62;',
    );
  });
});

describe('XLSX', () => {
  it('types every cell, formats numbers, and has totals, cost by category and definitions', async () => {
    const bytes = await renderBytes(await prepared({ compare: 'previous' }), 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Report', 'Cost by category', 'Definitions']);
    const sheet = book.getWorksheet('Report') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const janVoice = sheet.getRow(3); // row 2: Jan email
    expect(janVoice.getCell(col('Channel')).value).toBe('voice');
    expect(janVoice.getCell(col('Contacts')).value).toBe(2);
    expect(janVoice.getCell(col('Cost (EUR)'))).toMatchObject({ value: 885.94, numFmt: '#,##0.00' });
    expect(janVoice.getCell(col('Cost per contact')).value).toBe(442.97);
    expect(janVoice.getCell(col('Service level'))).toMatchObject({ value: 0.3333, numFmt: '0.0%' });
    const febVoice = sheet.getRow(
      ([...Array(sheet.rowCount).keys()].find(
        (i) =>
          sheet.getRow(i + 1).getCell(1).value === '2026-02' &&
          sheet.getRow(i + 1).getCell(2).value === 'voice',
      ) as number) + 1,
    );
    expect(febVoice.getCell(col('Δ cost per contact'))).toMatchObject({
      value: -188.01,
      numFmt: '+#,##0.00;-#,##0.00;0.00',
    });
    const total = sheet.getRow(sheet.rowCount);
    expect([
      total.getCell(1).value,
      total.getCell(2).value,
      total.getCell(col('Contacts')).value,
      total.getCell(col('Cost (EUR)')).value,
    ]).toEqual(['total', 'all', 7, 3913.97]);
    expect(total.font?.bold).toBe(true);

    const categories = book.getWorksheet('Cost by category') as ExcelJS.Worksheet;
    const categoryHeaders = (categories.getRow(1).values as unknown[]).slice(1);
    expect(
      categories.getRow(categories.rowCount).getCell(categoryHeaders.indexOf('Agent wages') + 1).value,
    ).toBe(3100);
    const definitionRows = (book.getWorksheet('Definitions') as ExcelJS.Worksheet)
      .getSheetValues()
      .map((r) => (r as unknown[] | undefined)?.slice(1));
    expect(definitionRows).toContainEqual(['Currency', 'EUR']);
    expect(definitionRows).toContainEqual([
      'Cost per contact',
      'cost ÷ counted contacts that some cost line reaches (undefined where there are none, never 0)',
    ]);
  });

  it('names sheets and columns in German for de-DE', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(await renderBytes(await prepared(de), 'xlsx')) as unknown as ExcelJS.Buffer,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['Bericht', 'Kosten nach Kategorie', 'Definitionen']);
    expect((book.worksheets[0]?.getRow(1).values as unknown[] | undefined)?.slice(1, 6)).toEqual([
      'Periode',
      'Kanal',
      'Kontakte',
      'Kosten (EUR)',
      'Kosten je Kontakt',
    ]);
    expect(book.worksheets[0]?.getRow(2).getCell(1).value).toBe('01.2026');
  });
});

/** WinAnsi is Latin-1 but for 0x80–0x9F; these are the ones the reports use. */
const WIN_ANSI = new Map([
  [0x80, '€'],
  [0x84, '„'],
  [0x85, '…'],
  [0x92, '’'],
  [0x93, '“'],
  [0x94, '”'],
  [0x96, '–'],
  [0x97, '—'],
]);
const winAnsi = {
  decode: (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI.get(b) ?? String.fromCharCode(b)).join(''),
};

/** The text pdfkit wrote: each content stream inflated, each TJ array's hex strings decoded as WinAnsi. */
function pdfText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  const raw = buffer.toString('latin1');
  const lines: string[] = [];
  for (let at = raw.indexOf('stream\n'); at >= 0; at = raw.indexOf('stream\n', at + 1)) {
    const end = raw.indexOf('\nendstream', at);
    let content: string;
    try {
      content = inflateSync(buffer.subarray(at + 7, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, array] of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      lines.push(
        [...(array ?? '').matchAll(/<([0-9a-f]*)>/g)]
          .map(([, hex]) => winAnsi.decode(Buffer.from(hex ?? '', 'hex')))
          .join(''),
      );
    }
  }
  return lines.join('\n');
}

describe('PDF', () => {
  it('is a PDF with the headline figures, the charts, the table and the definitions', async () => {
    const bytes = await renderBytes(await prepared({ ...de, compare: 'previous' }), 'pdf');
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const expected of [
      'Kosten je Kontakt',
      '559,14\u00a0€', // the grand total's tile
      '3.913,97\u00a0€',
      'Kosten je Kontakt nach Kanal',
      'Kanalmix',
      'Agentenlöhne',
      'Definitionen',
      'Verglichen mit der Vorperiode',
      '885,94', // Jan voice in the table
      '-188,01', // its change of cost per contact in February
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Seite 1 von \d/);
    expect(text).toContain('eingehende Kontakte mit Ergebnis „bearbeitet“ oder „Rückruf“');
    expect(text).not.toMatch(/[ΣΔ−≥]/);
  });
});
