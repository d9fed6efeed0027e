import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactRow, costLineRow } from '../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../engine/schema.js';
import { spawnCli } from '../test-support/cli-process.js';
import { contact, costLine } from '../test-support/fixtures.js';
import { openWorkspace } from '../workspace/workspace.js';
import { captureIo } from './io.js';
import { run } from './main.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => captureIo(() => run(args));
const HEADLINE = [
  'period',
  'channel',
  'contacts',
  'cost',
  'costPerContact',
  'handled',
  'abandoned',
  'ahtSeconds',
  'asaSeconds',
  'serviceLevel',
  'abandonRate',
];
const headline = (row: Record<string, unknown>) => Object.fromEntries(HEADLINE.map((k) => [k, row[k]]));

describe('percontact init', () => {
  it('creates the config and the database', async () => {
    const ws = join(dir, 'ws');
    const { result, out } = await cli('init', ws, '--currency', 'USD', '--timezone', 'America/New_York');
    expect(result).toBe(0);
    expect(out).toContain('created workspace');
    const yaml = await readFile(join(ws, 'percontact.yaml'), 'utf8');
    expect(yaml).toMatch(/currency: USD/);
    expect(yaml).toMatch(/timezone: America\/New_York/);
    expect(yaml).toMatch(/thresholdSeconds: 20/);
    expect(yaml).toMatch(/shortAbandonSeconds: 5/);
    expect(yaml).toMatch(/agent_wages: handle_time/);
    expect(existsSync(join(ws, 'percontact.duckdb'))).toBe(true);
  });

  it('refuses bad values and existing folders with one line and a non-zero exit', async () => {
    let r = await cli('init', join(dir, 'a'), '--currency', 'euro');
    expect(r.result).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('ISO 4217');
    // Letters alone do not make a currency; case does not matter.
    r = await cli('init', join(dir, 'x'), '--currency', 'XYZ');
    expect(r.result).toBe(2);
    expect(r.err).toBe('percontact: --currency "XYZ" is not an ISO 4217 code (e.g. EUR, USD, CHF)\n');
    r = await cli('init', join(dir, 'e'), '--currency', 'eur');
    expect(r.result).toBe(0);
    expect(r.out).toContain('(EUR, Europe/Berlin)');
    r = await cli('init', join(dir, 'b'), '--timezone', 'Mars/Olympus');
    expect(r.result).toBe(2);
    expect(r.err).toContain('IANA');
    await cli('init', join(dir, 'c'));
    r = await cli('init', join(dir, 'c'));
    expect(r.result).toBe(3);
    expect(r.err).toContain('not empty');
  });
});

describe('percontact report', () => {
  it('fails cleanly for a missing workspace, a bad option and an empty workspace', async () => {
    let r = await cli('report', '--workspace', join(dir, 'nope'));
    expect(r).toMatchObject({ result: 3 });
    expect(r.err).toMatch(/^percontact: .*not a percontact workspace.*\n$/);
    await cli('init', join(dir, 'ws'));
    r = await cli('report', '--workspace', join(dir, 'ws'), '--period', 'fortnight');
    expect(r.result).toBe(2);
    expect(r.err).toContain('use day, week, month, quarter or year');
    r = await cli('report', '--workspace', join(dir, 'ws'), '--by', 'colour');
    expect(r.result).toBe(2);
    r = await cli('report', '--workspace', join(dir, 'ws'));
    expect(r.result).toBe(4);
    // The message, and below it what to run (only the CLI names its commands).
    expect(r.err.trim().split('\n')).toEqual([
      'percontact: the workspace holds no contacts and no costs yet: import some first',
      '  percontact import imports them; percontact demo makes a workspace to try',
    ]);
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it('names both ends of a reversed range by their flags', async () => {
    // Before: `--to "2026-01-01" is before from "2026-02-01"`, a flag beside a parameter name.
    const ws = join(dir, 'ws');
    await cli('init', ws);
    for (const command of ['report', 'status']) {
      const r = await cli(command, '-w', ws, '--from', '2026-03', '--to', '2026-01');
      expect(r).toMatchObject({ result: 2, err: 'percontact: --to "2026-01" is before --from "2026-03"\n' });
    }
    process.env.PERCONTACT_TEST_REVERSED_KEY = 'k';
    const r = await cli(
      'pull',
      'liveagent',
      '-w',
      ws,
      '--url',
      'http://127.0.0.1:9',
      '--api-key-env',
      'PERCONTACT_TEST_REVERSED_KEY',
      '--from',
      '2026-02-01',
      '--to',
      '2026-01-01',
    );
    delete process.env.PERCONTACT_TEST_REVERSED_KEY;
    expect(r).toMatchObject({
      result: 2,
      err: 'percontact: --to "2026-01-01" is before --from "2026-02-01"\n',
    });
  });

  it('prints the documented JSON shape', async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws);
    const w = await openWorkspace(ws);
    // Two voice calls (300 s, 100 s handle; waits 10 s, 50 s) and one email in March 2026; 100.00 of
    // shared wages: by handle time voice 400 : email 200 → 66.67 / 33.33 (the spare cent to voice).
    await w.engine.append(
      CONTACTS_TABLE,
      [
        contact({
          id: '1',
          arrivedAt: new Date('2026-03-02T09:00:00Z'),
          waitSeconds: 10,
          handleSeconds: 300,
        }),
        contact({
          id: '2',
          arrivedAt: new Date('2026-03-03T09:00:00Z'),
          waitSeconds: 50,
          handleSeconds: 100,
        }),
        contact({
          id: '3',
          channel: 'email',
          arrivedAt: new Date('2026-03-04T09:00:00Z'),
          handleSeconds: 200,
        }),
      ].map(contactRow),
    );
    await w.engine.append(COST_LINES_TABLE, [
      costLineRow(
        costLine({
          id: 'w',
          category: 'agent_wages',
          amount: '100.00',
          periodStart: '2026-03-01',
          periodEnd: '2026-04-01',
        }),
      ),
    ]);
    await w.close();
    const r = await cli('report', '--workspace', ws, '--by', 'channel', '--format', 'json');
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ currency: 'EUR', timezone: 'Europe/Berlin' });
    expect(Object.keys(json.definitions)).toEqual(
      expect.arrayContaining(['contacts', 'serviceLevel', 'abandonRate']),
    );
    expect(json.rows.map(headline)).toEqual([
      {
        period: '2026-03',
        channel: 'email',
        contacts: 1,
        cost: '33.33',
        costPerContact: '33.33',
        handled: 1,
        abandoned: 0,
        ahtSeconds: 200,
        // the email has no known wait: left out of ASA and service level, which are then undefined
        asaSeconds: null,
        serviceLevel: null,
        abandonRate: 0,
      },
      {
        period: '2026-03',
        channel: 'voice',
        contacts: 2,
        cost: '66.67',
        // 66.67 / 2 = 33.335 → 33.34 (half away from zero, as a spreadsheet rounds)
        costPerContact: '33.34',
        handled: 2,
        abandoned: 0,
        ahtSeconds: 200,
        asaSeconds: 30,
        serviceLevel: 0.5,
        abandonRate: 0,
      },
    ]);
    expect(json.totals).toMatchObject({
      period: 'total',
      contacts: 3,
      cost: '100.00',
      costPerContact: '33.33',
    });

    const csv = await cli('report', '--workspace', ws, '--by', 'channel', '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toMatch(
      /^period,channel,contacts,cost,cost_per_contact,handled,abandoned,aht_seconds,asa_seconds,service_level,abandon_rate,.*,cost_agent_wages$/,
    );
    expect(csv.out).toContain('2026-03,voice,2,66.67,33.34,2,0,200.0,30.0,0.5000,0.0000');
    const table = await cli('report', '--workspace', ws, '--by', 'channel');
    expect(table.out).toContain('Definitions:');
    expect(table.out).toMatch(/total\s+all\s+3\s+100\.00\s+33\.33/);
  });
});

describe('output to a pipe that closes early (report … | head -1)', () => {
  it('ends quietly instead of printing an EPIPE stack trace', async () => {
    const ws = join(dir, 'ws');
    await cli('init', ws);
    const w = await openWorkspace(ws);
    // One call a day for 400 days: the day-by-day JSON report is far larger than a pipe's buffer.
    const days = Array.from({ length: 400 }, (_, i) =>
      contact({ id: String(i), arrivedAt: new Date(Date.UTC(2025, 0, 1 + i, 9)), handleSeconds: 60 }),
    );
    await w.engine.append(CONTACTS_TABLE, days.map(contactRow));
    await w.close();
    const report = spawnCli(['report', '-w', ws, '--period', 'day', '--format', 'json']);
    report.child.stdout.once('data', () => report.child.stdout.destroy());
    const end = await report.exited;
    expect(report.stderr).toBe('');
    expect(end.code).toBe(0);
  });
});

describe("Commander's own messages", () => {
  it('carry the percontact: prefix and the bad-command-line exit code', async () => {
    let r = await cli('report', '-w', dir, '--bogus');
    expect(r.result).toBe(2);
    expect(r.err.split('\n')[0]).toBe("percontact: unknown option '--bogus'");
    r = await cli('frobnicate');
    expect(r.result).toBe(2);
    expect(r.err.split('\n')[0]).toBe("percontact: unknown command 'frobnicate'");
  });

  it('show list defaults as written on the command line, not as JSON', async () => {
    const r = await cli('report', '--help');
    expect(r.out).not.toContain('[]');
    expect(r.out.replace(/\s+/g, ' ')).toContain(
      'break down by channel,queue,team,agent,topic (default: none)',
    );
  });
});
