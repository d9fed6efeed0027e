import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from './io.js';
import { run } from './main.js';

/*
 * A new user's messy workspace (issue 8, "done when"): a ledger for 2021 only, contacts in November
 * 2020 and March 2021, a chat channel whose tickets carry no handle time, and two systems whose ids
 * overlap (1, 2, 3 in both).
 *
 * By hand: the one wage line is 36,500.00 over the 365 days of 2021 = 100.00 a day, March 3,100.00.
 * March's counted contacts: voice 2 (handled, 300 s and 200 s), chat 3 (handled, no handle time). The
 * line's handle_time driver gives chat no weight although chat has counted contacts, so the fallback
 * driver (contacts) splits it: voice 2/5 → 1,240.00, chat 3/5 → 1,860.00; both 620.00 per contact.
 * November 2020 has 2 handled voice contacts and no cost: cost per contact undefined there, and the
 * total's cost per contact leaves them out: 9,000.00 (January to March) ÷ 5 = 1,800.00 — not ÷ 7.
 */
let dir: string;
let ws: string;
const cli = (...args: string[]) => captureIo(() => run(args));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-messy-'));
  ws = join(dir, 'ws');
  const files: Record<string, string> = {
    'pbx.csv':
      'id,channel,arrived_at,outcome,talk_seconds,wait_seconds\n1,voice,2021-03-02 09:00,handled,300,10\n2,voice,2021-03-03 09:05,handled,200,30\n3,voice,2021-03-04 10:00,abandoned,,40\n4,voice,2020-11-10 10:00,handled,100,5\n5,voice,2020-11-11 10:00,handled,100,5\n',
    'helpdesk.csv':
      'id,channel,arrived_at,outcome\n1,chat,2021-03-02 09:00,handled\n2,chat,2021-03-02 11:00,handled\n3,chat,2021-03-04 10:00,handled\n',
    'ledger.csv':
      'id,category,amount,period_start,period_end\nw21,agent_wages,36500.00,2021-01-01,2022-01-01\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  expect((await cli('init', ws, '--currency', 'EUR', '--timezone', 'Europe/Berlin')).result).toBe(0);
  for (const [kind, file] of [
    ['contacts', 'pbx.csv'],
    ['contacts', 'helpdesk.csv'],
    ['costs', 'ledger.csv'],
  ] as const)
    expect((await cli('import', kind, join(dir, file), '--workspace', ws)).result).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const report = async (...args: string[]) => {
  const r = await cli('report', '--workspace', ws, '--from', '2020-11', '--to', '2021-03', ...args);
  expect(r.err).toBe('');
  return r.out;
};

describe('a messy workspace yields no silent 0.00 and loses no row', () => {
  it('keeps both systems’ contacts with overlapping ids', async () => {
    const { out } = await cli('status', '--workspace', ws);
    expect(out).toContain('8 contacts');
  });

  it('qualifies every figure it cannot compute', async () => {
    const json = JSON.parse(await report('--by', 'channel', '--format', 'json'));
    type Row = { period: string; channel?: string; costPerContact: string | null };
    const rows: Row[] = json.rows;
    const find = (period: string, channel: string) =>
      rows.find((r) => r.period === period && r.channel === channel) as Row & {
        cost: string;
        ahtSeconds: number | null;
      };
    expect(find('2020-11', 'voice').costPerContact).toBeNull();
    expect(find('2021-03', 'voice')).toMatchObject({
      cost: '1240.00',
      costPerContact: '620.00',
      ahtSeconds: 250,
    });
    expect(find('2021-03', 'chat')).toMatchObject({
      cost: '1860.00',
      costPerContact: '620.00',
      ahtSeconds: null,
    });
    expect(json.totals).toMatchObject({ cost: '9000.00', costPerContact: '1800.00' });
    const texts: string[] = json.notes.map((n: { text: string }) => n.text);
    expect(texts).toContain(
      '2020-11: 2 contacts without any cost line, so cost per contact is undefined there',
    );
    expect(texts.join('\n')).toContain(
      '2021-03: 1 shared cost line allocated by contacts instead of handle_time',
    );
    for (const format of ['table', 'csv', 'json', 'html']) {
      // Chart axes start at 0.00 by right; the figures are the text around them.
      const out = (await report('--by', 'channel', '--format', format)).replace(/<svg[\s\S]*?<\/svg>/g, '');
      expect(out, format).not.toMatch(/(^|[^\d.,])0[.,]00(?![\d%])/m);
    }
  });
});
