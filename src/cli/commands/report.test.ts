import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactRow, costLineRow } from '../../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../../engine/schema.js';
import { contact, costLine } from '../../test-support/fixtures.js';
import { openWorkspace } from '../../workspace/workspace.js';
import { captureIo } from '../io.js';
import { run } from '../main.js';

let dir: string;
let ws: string;
const cli = (...args: string[]) => captureIo(() => run(['report', '--workspace', ws, ...args]));

/*
 * February: one voice call (handle 100 s) and 50.00 of wages; March: two voice calls (300 s, 100 s) and one
 * email (200 s), 100.00 of wages split by handle time voice 400 : email 200 → 66.67 / 33.33.
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-report-'));
  ws = join(dir, 'ws');
  await captureIo(() => run(['init', ws]));
  const w = await openWorkspace(ws);
  const at = (iso: string) => new Date(iso);
  await w.engine.append(
    CONTACTS_TABLE,
    [
      contact({ id: '0', arrivedAt: at('2026-02-10T09:00:00Z'), waitSeconds: 5, handleSeconds: 100 }),
      contact({ id: '1', arrivedAt: at('2026-03-02T09:00:00Z'), waitSeconds: 10, handleSeconds: 300 }),
      contact({ id: '2', arrivedAt: at('2026-03-03T09:00:00Z'), waitSeconds: 50, handleSeconds: 100 }),
      contact({ id: '3', channel: 'email', arrivedAt: at('2026-03-04T09:00:00Z'), handleSeconds: 200 }),
    ].map(contactRow),
  );
  await w.engine.append(COST_LINES_TABLE, [
    costLineRow(
      costLine({
        id: 'f',
        category: 'agent_wages',
        amount: '50.00',
        periodStart: '2026-02-01',
        periodEnd: '2026-03-01',
      }),
    ),
    costLineRow(
      costLine({
        id: 'm',
        category: 'agent_wages',
        amount: '100.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ),
  ]);
  await w.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('percontact report formats', () => {
  it('refuses to write xlsx or pdf to a terminal', async () => {
    const saved = process.stdout.isTTY;
    process.stdout.isTTY = true;
    try {
      const r = await cli('--format', 'pdf');
      expect(r.result).toBe(2);
      expect(r.err).toMatch(
        /^percontact: --format pdf is binary: write it to a file with --out FILE or redirect stdout\n$/,
      );
    } finally {
      process.stdout.isTTY = saved;
    }
  });

  it('writes binary and text formats to --out', async () => {
    const xlsx = join(dir, 'r.xlsx');
    expect((await cli('--format', 'xlsx', '--out', xlsx)).result).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container
    const pdf = join(dir, 'r.pdf');
    expect(await cli('--format', 'pdf', '--by', 'channel', '--locale', 'de-DE', '--out', pdf)).toMatchObject({
      result: 0,
      out: '',
      err: '',
    });
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const html = join(dir, 'r.html');
    expect((await cli('--format', 'html', '--locale', 'de-DE', '--out', html)).result).toBe(0);
    expect(await readFile(html, 'utf8')).toMatch(/<html lang="de">/);
  });

  it('prints the comparison in JSON and the table', async () => {
    const r = await cli(
      '--by',
      'channel',
      '--from',
      '2026-03',
      '--to',
      '2026-03',
      '--compare',
      'previous',
      '--format',
      'json',
    );
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.compareWith).toBe('previous');
    // voice: 66.67 / 2 = 33.34 now, 50.00 / 1 then → −16.66 (−0.3332); email had no February
    expect(json.rows.find((row: { channel: string }) => row.channel === 'voice').compare).toEqual({
      period: '2026-02',
      contacts: 1,
      cost: '50.00',
      costPerContact: '50.00',
      change: {
        contacts: 1,
        cost: '16.67',
        costPerContact: '-16.66',
        relative: { contacts: 1, cost: 0.3334, costPerContact: -0.3332 },
      },
    });
    // 100.00 / 3 = 33.33 against 50.00: −16.67 (−0.3334)
    expect(json.totals.compare).toMatchObject({ period: '2026-02', change: { costPerContact: '-16.67' } });
    const table = await cli(
      '--by',
      'channel',
      '--from',
      '2026-03',
      '--to',
      '2026-03',
      '--compare',
      'previous',
    );
    expect(table.out).toContain('Compared with the previous period');
    expect(table.out).toMatch(
      /2026-03\s+voice\s+2\s+66\.67\s+33\.34\s.*2026-02\s+1\s+\+1\s+\+100\.0%\s+50\.00\s+\+16\.67\s+\+33\.3%\s+50\.00\s+-16\.66\s+-33\.3%/,
    );
  });

  it('rejects an unknown locale or comparison and an unwritable file with one line', async () => {
    for (const args of [
      ['--locale', 'fr-FR'],
      ['--compare', 'last-week'],
      ['--format', 'pdf', '--out', join(dir, 'no', 'such', 'r.pdf')],
    ]) {
      const r = await cli(...args);
      expect(r.result).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
