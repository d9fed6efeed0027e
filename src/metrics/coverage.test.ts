import { describe, expect, it } from 'vitest';
import { localToInstant } from '../calendar/time-zone.js';
import { defaultConfig } from '../model/config.js';
import type { Contact } from '../model/contact.js';
import { renderJson } from '../report/json.js';
import { reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport, type ReportOptions } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
const noon = (day: string) => new Date(localToInstant(day, 'Europe/Berlin').getTime() + 12 * 3_600_000);
const handled = (id: string, day: string): Contact =>
  contact({ id, arrivedAt: noon(day), waitSeconds: 10, handleSeconds: 300 });

async function report(contacts: Contact[], lines: Parameters<typeof engineWith>[1], options: ReportOptions) {
  const engine = await engineWith(contacts, lines);
  try {
    return reportView(await costPerContactReport(engine, definitions, options));
  } finally {
    await engine.close();
  }
}

describe('coverage: contacts without any cost', () => {
  /*
   * One 1999 month without a ledger beside 2021 months with one. 1999-03: 4 handled voice contacts,
   * no cost line. 2021: 2 contacts in January, 2 in February; one wage line of 590.00 from
   * 2021-01-01 to 2021-03-01 (59 days): January 590 × 31/59 = 310.00, February 280.00.
   * By hand: January 310.00 ÷ 2 = 155.00, February 280.00 ÷ 2 = 140.00, 1999-03 undefined (its
   * contacts have no cost at all). Total 590.00 over the 4 contacts that have a cost = 147.50 —
   * not 590.00 ÷ 8 = 73.75, which is what dividing by every contact gives.
   */
  const contacts = [
    ...['01', '02', '03', '04'].map((d, i) => handled(`old${i}`, `1999-03-${d}`)),
    handled('a', '2021-01-10'),
    handled('b', '2021-01-20'),
    handled('c', '2021-02-10'),
    handled('d', '2021-02-20'),
  ];
  const ledger = [
    costLine({
      id: 'wages',
      category: 'agent_wages',
      amount: '590.00',
      periodStart: '2021-01-01',
      periodEnd: '2021-03-01',
    }),
  ];

  it('leaves them out of cost per contact and its total, and says how many and where', async () => {
    const view = await report(contacts, ledger, {
      granularity: 'month',
      from: '1999-03',
      to: '2021-02',
      by: [],
    });
    const rows = view.rows.map((r) => [r.period, r.contacts, r.cost, r.costPerContact]);
    expect(rows).toEqual([
      ['1999-03', 4, null, null],
      ['2021-01', 2, '310.00', '155.00'],
      ['2021-02', 2, '280.00', '140.00'],
    ]);
    expect(view.rows[0]?.coverage).toMatchObject({ contacts: true, costs: false, contactsWithoutCost: 4 });
    // (and its contacts cover only 1 to 4 March: partial too)
    expect(view.rows[0]?.notes.map((n) => n.code)).toEqual(['partial', 'noCost']);
    expect(view.totals).toMatchObject({ contacts: 8, cost: '590.00', costPerContact: '147.50' });
    expect(view.totals.coverage.contactsWithoutCost).toBe(4);
    const left = view.totals.notes.find((n) => n.code === 'contactsWithoutCost');
    expect(left?.text).toContain('leaves out 4 contacts');
    expect(left?.text).toContain('1999-03');
    // Nor do they reach the benchmark comparison: the 1999 row has no cost per contact to compare.
    expect(view.rows[0]?.benchmark?.gap).toBeNull();
  });

  it('puts coverage on every JSON row and the notes at the top', async () => {
    const view = await report(contacts, ledger, {
      granularity: 'month',
      from: '1999-03',
      to: '2021-02',
      by: [],
    });
    const json = JSON.parse(renderJson(view)) as {
      notes: { code: string; text: string }[];
      rows: { coverage: unknown; costPerContact: unknown; notes: unknown }[];
    };
    expect(json.notes.map((n) => n.code)).toContain('contactsWithoutCost');
    expect(json.rows[0]).toMatchObject({
      costPerContact: null,
      coverage: { contacts: true, costs: false, agentTime: false, handleTime: true },
    });
  });

  it('warns where the ledger and the contacts do not overlap, naming both ranges', async () => {
    // Only the 1999 contacts and the 2021 ledger: by default the report spans both, and no contact
    // has a cost, so the total's cost per contact is undefined rather than 590.00 ÷ 4.
    const view = await report(contacts.slice(0, 4), ledger, { granularity: 'month', by: [] });
    const warning = view.notes.find((n) => n.code === 'noOverlap');
    expect(warning?.text).toBe(
      'the cost ledger (2021-01-01 to 2021-03-01) and the contacts (1999-03-01 to 1999-03-05) do not overlap in this range: no contact has a cost',
    );
    expect(view.totals).toMatchObject({ contacts: 4, cost: '590.00', costPerContact: null });
  });
});

describe('partial periods', () => {
  /*
   * One contact a day from 2025-08-01 to 2026-01-31 (184 days: Aug 31, Sep 30, Oct 31, Nov 30,
   * Dec 31, Jan 31). One cost line of 2740.00 from 2025-07-01 to 2026-04-01 (274 days): exactly 10.00
   * a day, so every month's part is 10.00 × its days and every figure can be checked by counting days.
   */
  const days: string[] = [];
  for (
    let d = new Date('2025-08-01T00:00:00Z');
    d < new Date('2026-02-01T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  const contacts = days.map((day, i) => handled(`c${i}`, day));
  const ledger = [
    costLine({ id: 'L', amount: '2740.00', periodStart: '2025-07-01', periodEnd: '2026-04-01' }),
  ];
  const rows = (view: Awaited<ReturnType<typeof report>>) =>
    view.rows.map((r) => [r.period, r.contacts, r.cost, r.costPerContact, r.partial, r.covered]);

  it('by default shows whole periods in which contacts and costs both exist, none into the future', async () => {
    // Whole quarters inside 2025-08-01..2026-02-01: only 2025-Q4 (92 days: 920.00 over 92 contacts).
    // Before: the range widened to 2025-Q3..2026-Q1, Q3 holding 920.00 for 61 contacts (15.08).
    const view = await report(contacts, ledger, { granularity: 'quarter', by: [] });
    expect(rows(view)).toEqual([
      ['2025-Q4', 92, '920.00', '10.00', false, { from: '2025-10-01', to: '2026-01-01' }],
    ]);
    expect(view.notes.map((n) => n.code)).toContain('defaultRange');
  });

  it('gives the same totals for the same range whatever the period', async () => {
    // 2025-08 to 2026-01: 184 days, 1840.00 over 184 contacts = 10.00, by month and by quarter; the
    // quarters the range cuts hold only their days in it: Q3 61 days 610.00, Q1 31 days 310.00.
    const range = { from: '2025-08', to: '2026-01', by: [] };
    const byMonth = await report(contacts, ledger, { ...range, granularity: 'month' });
    const byQuarter = await report(contacts, ledger, { ...range, granularity: 'quarter' });
    expect(byMonth.totals).toMatchObject({ contacts: 184, cost: '1840.00', costPerContact: '10.00' });
    expect(byQuarter.totals).toEqual({ ...byMonth.totals, benchmark: byQuarter.totals.benchmark });
    expect(rows(byQuarter)).toEqual([
      ['2025-Q3', 61, '610.00', '10.00', true, { from: '2025-08-01', to: '2025-10-01' }],
      ['2025-Q4', 92, '920.00', '10.00', false, { from: '2025-10-01', to: '2026-01-01' }],
      ['2026-Q1', 31, '310.00', '10.00', true, { from: '2026-01-01', to: '2026-02-01' }],
    ]);
  });

  it('flags periods their contacts do not cover, and prorates their costs only when asked', async () => {
    // 2025-Q3 holds contacts from 2025-08-01 only: the whole quarter's 920.00 over 61 contacts =
    // 15.08, flagged; prorated to the covered days 610.00 ÷ 61 = 10.00. 2026-Q1 likewise: 900.00 over
    // 31 = 29.03, prorated 310.00 ÷ 31 = 10.00. Totals 2740.00 ÷ 184 = 14.89; prorated 1840 ÷ 184.
    const range = { granularity: 'quarter' as const, from: '2025-07', to: '2026-03', by: [] };
    const flagged = await report(contacts, ledger, range);
    expect(rows(flagged)).toEqual([
      ['2025-Q3', 61, '920.00', '15.08', true, { from: '2025-08-01', to: '2025-10-01' }],
      ['2025-Q4', 92, '920.00', '10.00', false, { from: '2025-10-01', to: '2026-01-01' }],
      ['2026-Q1', 31, '900.00', '29.03', true, { from: '2026-01-01', to: '2026-02-01' }],
    ]);
    expect(flagged.rows[0]?.notes[0]?.text).toBe(
      '2025-Q3 covers only 2025-08-01 to 2025-10-01 (exclusive) of its quarter',
    );
    expect(flagged.totals).toMatchObject({ cost: '2740.00', costPerContact: '14.89' });
    const prorated = await report(contacts, ledger, { ...range, prorateToContacts: true });
    expect(rows(prorated).map((r) => r.slice(0, 4))).toEqual([
      ['2025-Q3', 61, '610.00', '10.00'],
      ['2025-Q4', 92, '920.00', '10.00'],
      ['2026-Q1', 31, '310.00', '10.00'],
    ]);
    expect(prorated.totals).toMatchObject({ cost: '1840.00', costPerContact: '10.00' });
    // By month the same range has months without contacts (July, February, March): their 900.00
    // is named in a note, and the totals are the quarter report's.
    const byMonth = await report(contacts, ledger, { ...range, granularity: 'month' });
    expect(byMonth.totals).toMatchObject({ cost: '2740.00', costPerContact: '14.89' });
    expect(byMonth.totals.coverage.costWithoutContacts).toBe('900.00');
  });
});
