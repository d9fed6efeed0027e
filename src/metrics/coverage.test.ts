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
    // Only the 1999 contacts and the 2021 ledger: no month holds both, so by default the report
    // shows the month with contacts, 1999-03; no contact has a cost, so cost per contact is undefined.
    const view = await report(contacts.slice(0, 4), ledger, { granularity: 'month', by: [] });
    expect([view.from, view.to]).toEqual(['1999-03-01', '1999-04-01']);
    const warning = view.notes.find((n) => n.code === 'noOverlap');
    expect(warning?.text).toBe(
      'the cost ledger (2021-01-01 to 2021-03-01) and the contacts (1999-03-01 to 1999-03-05) do not overlap in this range: no contact has a cost',
    );
    expect(view.totals).toMatchObject({ contacts: 4, cost: null, costPerContact: null });
  });
});

describe('default range: periods that hold both contacts and costs', () => {
  /*
   * Contacts in 2018 (2, in March) and 2021 (3, in June), a ledger for 2019 only (one line of
   * 365.00, 2019-01-01 to 2020-01-01). The overall spans (2018-03 to 2021-06, and 2019) intersect in
   * 2019, but 2019 holds no contact: no year, no month holds both. By hand: the default range falls
   * back to the years with contacts, 2018 to 2021 (2022-01-01 exclusive); 2018 and 2021 have contacts
   * and no cost (cost per contact undefined), 2019 has the 365.00 and no contacts; the report says
   * the ledger (2019-01-01 to 2020-01-01) and the contacts (2018-03-05 to 2021-06-11) do not overlap.
   * Before: the range was 2019 alone, 0 contacts, without a word.
   */
  const contacts = [
    handled('a', '2018-03-05'),
    handled('b', '2018-03-20'),
    handled('c', '2021-06-01'),
    handled('d', '2021-06-02'),
    handled('e', '2021-06-10'),
  ];
  const ledger = [
    costLine({ id: 'L', amount: '365.00', periodStart: '2019-01-01', periodEnd: '2020-01-01' }),
  ];

  it('falls back to the periods with contacts and warns, naming both ranges, when none holds both', async () => {
    const view = await report(contacts, ledger, { granularity: 'year', by: [] });
    expect([view.from, view.to]).toEqual(['2018-01-01', '2022-01-01']);
    const rows = view.rows.filter((r) => r.contacts > 0).map((r) => [r.period, r.contacts, r.costPerContact]);
    expect(rows).toEqual([
      ['2018', 2, null],
      ['2021', 3, null],
    ]);
    expect(view.notes.find((n) => n.code === 'noOverlap')?.text).toBe(
      'the cost ledger (2019-01-01 to 2020-01-01) and the contacts (2018-03-05 to 2021-06-11) do not overlap in this range: no contact has a cost',
    );
    expect(view.totals).toMatchObject({ contacts: 5, cost: '365.00', costPerContact: null });
  });

  it('keeps to the periods that hold both where some do', async () => {
    // A second line of 120.00 over 2021-06 (30 days) meets June 2021's 3 contacts: by month, the
    // range is 2021-06 alone (2018 has contacts but no cost, 2019 costs but no contacts): 40.00,
    // the month partial (contacts 1 to 10 June only), the contacts left out said.
    const june = costLine({ id: 'J', amount: '120.00', periodStart: '2021-06-01', periodEnd: '2021-07-01' });
    const view = await report(contacts, [...ledger, june], { granularity: 'month', by: [] });
    expect(view.rows.map((r) => [r.period, r.contacts, r.cost, r.costPerContact])).toEqual([
      ['2021-06', 3, '120.00', '40.00'],
    ]);
    expect(view.notes.map((n) => n.code)).toEqual(['defaultRange', 'partial']);
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
