import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

/** The same three contacts in every format; the expectations below hold for each. */
const EXPECTED = [
  { id: 'A-1', channel: 'voice', queue: 'Müller', talk_seconds: 1234.5, handle_seconds: 1234.5, csat: 0.85 },
  { id: 'A-2', channel: 'chat', queue: 'Kasse', talk_seconds: 95, handle_seconds: 95, csat: null },
  { id: 'A-3', channel: 'email', queue: 'Büro', talk_seconds: null, handle_seconds: null, csat: 1 },
];

/** The same three contacts as records of JSON files. */
const RECORDS: Record<string, unknown>[] = [
  {
    id: 'A-1',
    channel: 'voice',
    queue: 'Müller',
    arrived_at: '2026-03-01T08:00:00+01:00',
    talk_seconds: 1234.5,
    outcome: 'handled',
    csat: 0.85,
  },
  {
    id: 'A-2',
    channel: 'chat',
    queue: 'Kasse',
    arrived_at: '2026-03-01 08:05:00',
    talk_seconds: '0:01:35',
    outcome: 'handled',
  },
  {
    id: 'A-3',
    channel: 'email',
    queue: 'Büro',
    arrived_at: '2026-03-01 08:10:00',
    outcome: 'handled',
    csat: '100%',
  },
];

const contacts = (t: TestWorkspace) =>
  t.rows('SELECT id, channel, queue, talk_seconds, handle_seconds, csat FROM contacts ORDER BY id');

describe('import contacts: file formats', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const iso = (value: unknown) => (value as Date).toISOString();

  it('reads German CSV: ";" separator, decimal comma with thousands dots, percentages, latin-1, CRLF', async () => {
    const text = [
      'id;channel;queue;arrived_at;talk_seconds;outcome;csat',
      'A-1;voice;Müller;01.03.2026 08:00;1.234,5;handled;85%',
      'A-2;chat;Kasse;01.03.2026 08:05;0:01:35;handled;',
      'A-3;email;Büro;01.03.2026 08:10;;handled;100 %',
    ].join('\r\n');
    const path = await t.file('de.csv', Buffer.from(text, 'latin1'));
    const summary = await t.import({
      files: [path],
      mappingFile: await t.file(
        'de.yaml',
        'fields:\n  arrived_at: { column: arrived_at, format: "%d.%m.%Y %H:%M" }\n',
      ),
    });
    expect(summary.imported).toBe(3);
    expect(await contacts(t)).toEqual(EXPECTED);
  });

  it('detects the text encoding: UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 (€)', async () => {
    const text = [
      'id;channel;queue;arrived_at;outcome',
      'E-1;voice;€-Hotline Müller;2026-03-01 08:00;handled',
    ].join('\r\n');
    const utf16le = Buffer.from(`\ufeff${text}`, 'utf16le');
    // Windows-1252 (a German Excel "CSV"): latin-1 bytes, and € is 0x80.
    const windows1252 = Buffer.from(text.replace('€', '\u0080'), 'latin1');
    expect(windows1252.includes(0x80)).toBe(true);
    const files = {
      utf8: Buffer.from(text, 'utf8'),
      utf8bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      utf16le,
      utf16be: Buffer.from(utf16le).swap16(),
      windows1252,
    };
    for (const [name, bytes] of Object.entries(files)) {
      const summary = await t.import({ files: [await t.file(`${name}.csv`, bytes)] });
      expect(summary).toMatchObject({ source: name, imported: 1 });
    }
    const read = await t.rows('SELECT source, queue FROM contacts ORDER BY source');
    expect(read).toEqual(
      Object.keys(files)
        .sort()
        .map((source) => ({ source, queue: '€-Hotline Müller' })),
    );
  });

  it('names the read: { encoding } fix when the encoding cannot be told', async () => {
    // Zero bytes that are not UTF-16, and 0x81, which Windows-1252 leaves undefined.
    for (const bytes of [
      [0x69, 0x64, 0x0a, 0x00, 0x31, 0x0a],
      [0x69, 0x64, 0x0a, 0x81, 0x0a],
    ]) {
      const path = await t.file('odd.csv', Buffer.from(bytes));
      const error = await t.import({ files: [path] }).catch((e: unknown) => e);
      expect(isUserError(error) && error.message).toBe(
        `${path}: cannot tell the text encoding (not UTF-8, UTF-16 or Windows-1252); name it in a mapping file: read: { encoding: latin-1 } (or windows-1250, iso-8859-15, …)`,
      );
    }
  });

  it('reads a Windows-1252 byte met only past the detection sample, and refuses a file that mixes encodings', async () => {
    // Over 256 KB of ASCII (what detection samples), then "München" in Windows-1252 (ü = 0xFC).
    const ascii = Array.from({ length: 6000 }, (_, i) => `c${i},voice,sales,2026-03-02 09:00:00,handled`);
    const head = ['id,channel,queue,arrived_at,outcome', ...ascii].join('\n');
    expect(head.length).toBeGreaterThan(256 * 1024);
    const tail = Buffer.from('\nlast,voice,M\xfcnchen,2026-03-02 10:00:00,handled\n', 'latin1');
    const late = await t.file('late.csv', Buffer.concat([Buffer.from(head), tail]));
    expect(await t.import({ files: [late] })).toMatchObject({ read: 6001, imported: 6001, rejected: 0 });
    expect(await t.rows("SELECT id, queue FROM contacts WHERE queue <> 'sales'")).toEqual([
      { id: 'last', queue: 'München' },
    ]);
    // The same with a UTF-8 "Zürich" on line 2: the lines before the byte are UTF-8, so guessing is wrong.
    const mixed = await t.file(
      'mixed.csv',
      Buffer.concat([Buffer.from(head.replace('c0,voice,sales', 'c0,voice,Zürich')), tail]),
    );
    const error = await t.import({ files: [mixed] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.message).toBe(
      `${mixed}:6002: byte 0xFC is not UTF-8, though the lines before it are: the file mixes text encodings; save it in one, or name its encoding in a mapping file (read: { encoding: windows-1252 })`,
    );
    // Named UTF-8 by a mapping, nothing is guessed: the record is refused at its line.
    const mappingFile = await t.file('utf8.yaml', 'read:\n  encoding: utf-8\nfields: {}\n');
    const named = await t.import({ files: [late], mappingFile }).catch((e: unknown) => e);
    expect(isUserError(named) && named.details).toEqual([
      `${late}:6002: is not UTF-8 text, though the file is read as UTF-8 (name its encoding: read: { encoding: windows-1252 })`,
    ]);
  });

  it('says what a damaged, misnamed, compressed or old-style file is, instead of failing on its encoding', async () => {
    const noise = Buffer.from([0x00, 0x81, 0xff, 0x13, 0x00, 0x9d, 0x00, 0x81]);
    const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const cases: [string, Buffer, string][] = [
      ['cut.xlsx', Buffer.from('PK\u0003\u0004cut short', 'latin1'), 'not a readable XLSX workbook: '],
      ['noise.xlsx', noise, 'not an XLSX workbook (its bytes do not start as one)'],
      ['noise.parquet', noise, 'not a Parquet file (it does not start with PAR1)'],
      ['calls.csv.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x81]), 'compressed files are not read'],
      ['calls.dat', ole2, 'an old-style Excel file (.xls) is not read; save it as .xlsx or CSV'],
    ];
    for (const [name, bytes, reason] of cases) {
      const path = await t.file(name, bytes);
      const error = await t.import({ files: [path] }).catch((e: unknown) => e);
      expect(isUserError(error) && error.message, name).toContain(`${path}: ${reason}`);
    }
    const mysql = await t.import({ files: ['mysql://pbx/asterisk?table=cdr'] }).catch((e: unknown) => e);
    expect(isUserError(mysql) && mysql.message).toBe(
      'mysql://pbx/asterisk?table=cdr: only PostgreSQL tables are read from a database (postgres://user@host:port/db?table=name)',
    );
    // Some systems export text under an .xls name: that is read as the text it is.
    const text = await t.file(
      'export.xls',
      'id,channel,arrived_at,outcome\nX-1,voice,2026-03-02 09:00:00,handled\n',
    );
    expect(await t.import({ files: [text] })).toMatchObject({ imported: 1 });
  });

  it('reads tab-separated and pipe-separated files with quoted multi-line fields', async () => {
    for (const [name, sep] of [
      ['t.tsv', '\t'],
      ['p.txt', '|'],
    ] as const) {
      const text = [
        ['id', 'channel', 'queue', 'arrived_at', 'talk_seconds', 'outcome', 'csat'].join(sep),
        ['A-1', 'voice', '"Mül\nler"', '2026-03-01 08:00:00', '1234.5', 'handled', '0.85'].join(sep),
        ['A-2', 'chat', 'Kasse', '2026-03-01 08:05:00', '95', 'handled', ''].join(sep),
      ].join('\n');
      const summary = await t.import({ files: [await t.file(name, text)], source: name });
      expect(summary).toMatchObject({ read: 2, imported: 2 });
    }
    const rows = await t.rows("SELECT queue FROM contacts WHERE id = 'A-1' ORDER BY source");
    expect(rows).toEqual([{ queue: 'Mül\nler' }, { queue: 'Mül\nler' }]);
  });

  it('reads XLSX sheets (dates and time-only cells as the sheet shows them)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Calls');
    sheet.addRow(['id', 'channel', 'queue', 'arrived_at', 'talk_seconds', 'outcome', 'csat']);
    sheet.addRow([
      'A-1',
      'voice',
      'Müller',
      new Date(Date.UTC(2026, 2, 1, 8, 0, 0)),
      1234.5,
      'handled',
      0.85,
    ]);
    // 95 seconds as an Excel time of day (a fraction of a day), as a sheet stores 0:01:35.
    sheet.addRow([
      'A-2',
      'chat',
      'Kasse',
      new Date(Date.UTC(2026, 2, 1, 8, 5, 0)),
      new Date(Date.UTC(1899, 11, 30, 0, 1, 35)),
      'handled',
      null,
    ]);
    sheet.addRow(['A-3', 'email', 'Büro', new Date(Date.UTC(2026, 2, 1, 8, 10, 0)), null, 'handled', '100%']);
    const path = `${t.dir}/calls.xlsx`;
    await workbook.xlsx.writeFile(path);
    expect(await t.import({ files: [path] })).toMatchObject({ read: 3, imported: 3 });
    expect(await contacts(t)).toEqual(EXPECTED);
    const [first] = await t.rows("SELECT arrived_at FROM contacts WHERE id = 'A-1'");
    expect(iso(first?.arrived_at)).toBe('2026-03-01T07:00:00.000Z');
  });

  it('reads JSON Lines and reports a broken line at its line number', async () => {
    const lines = RECORDS.map((o) => JSON.stringify(o));
    expect(await t.import({ files: [await t.file('c.jsonl', `${lines.join('\n')}\n`)] })).toMatchObject({
      imported: 3,
    });
    expect(await contacts(t)).toEqual(EXPECTED);
    const broken = await t.file('broken.jsonl', `${lines[0]}\n\n{"id": "x",\n`);
    const error = await t.import({ files: [broken], source: 'b' }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details[0]).toMatch(/broken\.jsonl:3: not valid JSON/);
  });

  it('reads JSON documents: an array, or the first array of an object, with each record at its line', async () => {
    const records = RECORDS;
    const array = await t.file('array.json', JSON.stringify(records));
    expect(await t.import({ files: [array], source: 'array' })).toMatchObject({ imported: 3 });
    // Pretty-printed under a key, as API answers are. A-2's object starts on the line above its "id":
    // that line's 1-based number is the 0-based index of the "id" line.
    const bad = [records[0], { ...records[1], talk_seconds: -5 }, records[2]];
    const wrapped = await t.file(
      'wrapped.json',
      JSON.stringify({ total: 3, calls: bad, next: null }, null, 2),
    );
    const error = await t.import({ files: [wrapped], source: 'wrapped' }).catch((e: unknown) => e);
    const line = JSON.stringify({ total: 3, calls: bad }, null, 2)
      .split('\n')
      .findIndex((l) => l.includes('"A-2"'));
    expect(isUserError(error) && error.details[0]).toBe(
      `${wrapped}:${line}: column "talk_seconds" value "-5": is negative`,
    );
    await t.file('wrapped.json', JSON.stringify({ total: 3, calls: records }, null, 2));
    expect(await t.import({ files: [wrapped], source: 'wrapped' })).toMatchObject({ imported: 3 });
    const rows = await t.rows(
      "SELECT id, channel, queue, talk_seconds, handle_seconds, csat FROM contacts WHERE source = 'wrapped' ORDER BY id",
    );
    expect(rows).toEqual(EXPECTED);
    // JSON Lines under a .json name stays JSON Lines.
    const lines = await t.file('lines.json', records.map((r) => JSON.stringify(r)).join('\n'));
    expect(await t.import({ files: [lines], source: 'lines' })).toMatchObject({ imported: 3 });
  });

  it('reads ODS spreadsheets (typed cells, repeated rows and columns, a chosen sheet)', async () => {
    const path = `${t.dir}/calls.ods`;
    await writeFile(path, await odsFile());
    expect(await t.import({ files: [path] })).toMatchObject({ read: 3, imported: 3 });
    expect(await contacts(t)).toEqual(EXPECTED);
    const [first] = await t.rows("SELECT arrived_at FROM contacts WHERE id = 'A-1'");
    expect(iso(first?.arrived_at)).toBe('2026-03-01T07:00:00.000Z');
    // Sheet rows: A-3 sits on row 6 (rows 4 and 5 are one repeated empty row); the sheet by name.
    const error = await t
      .import({
        files: [path],
        mappingFile: await t.file(
          'm.yaml',
          'read: { sheet: Calls }\nfields: { outcome: { value: nonsense } }\n',
        ),
        source: 'm',
      })
      .catch((e: unknown) => e);
    expect(isUserError(error) && error.details.map((d) => d.split(':')[1])).toEqual(['2', '3', '6']);
    const missing = await t
      .import({ files: [path], mappingFile: await t.file('n.yaml', 'read: { sheet: 3 }\n'), source: 'n' })
      .catch((e: unknown) => e);
    expect(isUserError(missing) && missing.message).toBe(`${path}: no sheet 3 (sheets: Calls, Notes)`);
  });

  it('reads Parquet', async () => {
    const path = `${t.dir}/c.parquet`;
    await t.ws.engine.execute(`COPY (SELECT * FROM (VALUES
      ('A-1', 'voice', 'Müller', TIMESTAMPTZ '2026-03-01 07:00:00+00', 1234.5, 'handled', 0.85),
      ('A-2', 'chat', 'Kasse', TIMESTAMPTZ '2026-03-01 07:05:00+00', 95, 'handled', NULL),
      ('A-3', 'email', 'Büro', TIMESTAMPTZ '2026-03-01 07:10:00+00', NULL, 'handled', 1))
      AS v(id, channel, queue, arrived_at, talk_seconds, outcome, csat)) TO '${path}' (FORMAT parquet)`);
    expect(await t.import({ files: [path] })).toMatchObject({ imported: 3 });
    expect(await contacts(t)).toEqual(EXPECTED);
    const [first] = await t.rows("SELECT arrived_at FROM contacts WHERE id = 'A-1'");
    expect(iso(first?.arrived_at)).toBe('2026-03-01T07:00:00.000Z');
  });

  it('reports records with the wrong number of fields at their lines (read in JavaScript)', async () => {
    const text = [
      'id,channel,arrived_at,outcome',
      '1,voice,2026-03-01 08:00,handled',
      '2,voice,2026-03-01 08:00',
      '3,voice,2026-03-01 08:00,handled,extra',
    ].join('\n');
    const path = await t.file('ragged.csv', text);
    const error = await t.import({ files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:3: has 3 fields, expected 4`,
      `${path}:4: has 5 fields, expected 4`,
    ]);
    const summary = await t.import({ files: [path], skipInvalid: true, rejectsPath: `${t.dir}/r.csv` });
    expect(summary).toMatchObject({ read: 3, imported: 1, rejected: 2 });
  });
});

/**
 * An ODS file laid out as LibreOffice writes one (ODF 1.2): the mimetype entry first and
 * uncompressed, then content.xml with typed cells (the display text differs from the value, as in
 * a German locale), trailing repeated empty cells and rows, and a second sheet.
 */
async function odsFile(): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  const text = (t: string, repeat = 1) =>
    `<table:table-cell office:value-type="string"${repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : ''}><text:p>${t}</text:p></table:table-cell>`;
  const float = (v: string, shown: string) =>
    `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${shown}</text:p></table:table-cell>`;
  const date = (v: string) =>
    `<table:table-cell office:value-type="date" office:date-value="${v}"><text:p>01.03.26</text:p></table:table-cell>`;
  const empty = (repeat = 1) =>
    `<table:table-cell${repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : ''}/>`;
  const row = (cells: string) => `<table:table-row>${cells}${empty(1017)}</table:table-row>`;
  const calls = [
    row(
      ['id', 'channel', 'queue', 'arrived_at', 'talk_seconds', 'outcome', 'csat']
        .map((h) => text(h))
        .join(''),
    ),
    row(
      text('A-1') +
        text('voice') +
        text('Müller') +
        date('2026-03-01T08:00:00') +
        float('1234.5', '1.234,5') +
        text('handled') +
        '<table:table-cell office:value-type="percentage" office:value="0.85"><text:p>85 %</text:p></table:table-cell>',
    ),
    row(
      text('A-2') +
        text('chat') +
        text('Kasse') +
        date('2026-03-01T08:05:00') +
        '<table:table-cell office:value-type="time" office:time-value="PT00H01M35S"><text:p>00:01:35</text:p></table:table-cell>' +
        text('handled') +
        empty(),
    ),
    `<table:table-row table:number-rows-repeated="2">${empty(1024)}</table:table-row>`,
    row(
      text('A-3') +
        text('email') +
        text('Büro') +
        date('2026-03-01T08:10:00') +
        empty() +
        text('handled') +
        float('1', '100 %'),
    ),
    `<table:table-row table:number-rows-repeated="1048570">${empty(1024)}</table:table-row>`,
  ].join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:spreadsheet>
<table:table table:name="Calls"><table:table-column table:number-columns-repeated="1024"/>${calls}</table:table>
<table:table table:name="Notes"><table:table-row>${text('see Calls')}</table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>`;
  zip.file('content.xml', content);
  zip.file(
    'META-INF/manifest.xml',
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
