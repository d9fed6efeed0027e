import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUserError } from '../errors.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

const LEDGER = [
  'id,category,amount,currency,period_start,period_end,channel,queue,team,driver,behaviour,description',
  'w-03,agent_wages,120000.10,,2026-03-01,2026-04-01,,,,,,March wages',
  'tel-03,telephony,1234.5,EUR,,,voice,,,contacts,variable,',
  'sw-q1,software_licenses,0.1,USD,2026-01-01,2026-04-01,,,,"fixed:channel:voice=60,email=40",fixed,',
].join('\n');

describe('import costs', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const lines = () => t.rows('SELECT * EXCLUDE (import_id) FROM cost_lines ORDER BY id');

  it('reads the canonical ledger columns; amounts stay exact text; the currency defaults to the workspace one', async () => {
    const path = await t.file(
      'ledger.csv',
      LEDGER.replace('tel-03,telephony,1234.5,EUR,,,', 'tel-03,telephony,1234.5,EUR,2026-03-01,2026-03-02,'),
    );
    const summary = await t.import({ kind: 'costs', files: [path] });
    expect(summary).toMatchObject({ kind: 'costs', read: 3, imported: 3, source: null });
    expect(summary.warnings).toEqual([
      'cost lines in USD have no exchange rates yet: import exchange rates (kind fx) before reporting',
    ]);
    expect(await lines()).toEqual([
      {
        id: 'sw-q1',
        category: 'software_licenses',
        amount: '0.1',
        currency: 'USD',
        period_start: '2026-01-01',
        period_end: '2026-04-01',
        channel: null,
        queue: null,
        team: null,
        driver: 'fixed:channel:voice=60,email=40',
        behaviour: 'fixed',
        description: null,
      },
      {
        id: 'tel-03',
        category: 'telephony',
        amount: '1234.5',
        currency: 'EUR',
        period_start: '2026-03-01',
        period_end: '2026-03-02',
        channel: 'voice',
        queue: null,
        team: null,
        driver: 'contacts',
        behaviour: 'variable',
        description: null,
      },
      {
        id: 'w-03',
        category: 'agent_wages',
        amount: '120000.10',
        currency: 'EUR',
        period_start: '2026-03-01',
        period_end: '2026-04-01',
        channel: null,
        queue: null,
        team: null,
        driver: null,
        behaviour: 'fixed',
        description: 'March wages',
      },
    ]);
  });

  it('reads a YAML ledger with period shorthands and exact amounts, and replaces a changed line', async () => {
    const yaml = `cost_lines:
  - id: rent-2026
    category: facilities
    amount: 12345678901.2340
    period: 2026
  - id: q2-training
    category: training_recruiting
    amount: "5000"
    period: 2026-Q2
    team: Berlin
  - id: march-ivr
    category: technology
    amount: 99.90
    period: 2026-03
`;
    const summary = await t.import({ kind: 'costs', files: [await t.file('ledger.yaml', yaml)] });
    expect(summary).toMatchObject({ read: 3, imported: 3 });
    expect(await t.rows('SELECT id, amount, period_start, period_end FROM cost_lines ORDER BY id')).toEqual([
      { id: 'march-ivr', amount: '99.90', period_start: '2026-03-01', period_end: '2026-04-01' },
      { id: 'q2-training', amount: '5000', period_start: '2026-04-01', period_end: '2026-07-01' },
      {
        id: 'rent-2026',
        amount: '12345678901.2340',
        period_start: '2026-01-01',
        period_end: '2027-01-01',
      },
    ]);
    // A changed line in another file replaces the stored one only when asked to.
    const changed = await t.file('ledger2.yaml', yaml.replace('amount: 99.90', 'amount: 109.90'));
    const refused = await t.import({ kind: 'costs', files: [changed] }).catch((e: unknown) => e);
    expect(isUserError(refused) && refused.message).toMatch(
      /it would replace 1 cost line with the same ids that came from .*ledger\.yaml;/,
    );
    expect(await t.import({ kind: 'costs', files: [changed], replace: true })).toMatchObject({
      imported: 1,
      duplicates: 2,
      replaced: 1,
    });
    expect((await t.rows("SELECT amount FROM cost_lines WHERE id = 'march-ivr'"))[0]?.amount).toBe('109.90');
  });

  it('reads German amounts (1.234,56) from a ";" file', async () => {
    const text = 'id;category;amount;period\nx;other;1.234,56;2026-03\ny;other;-7,5;2026-03\n';
    await t.import({ kind: 'costs', files: [await t.file('de.csv', text)] });
    expect(await t.rows('SELECT id, amount FROM cost_lines ORDER BY id')).toEqual([
      { id: 'x', amount: '1234.56' },
      { id: 'y', amount: '-7.5' },
    ]);
  });

  it('refuses unknown categories, bad amounts, empty periods and drivers the allocation cannot use', async () => {
    const text = [
      'id,category,amount,period_start,period_end,driver',
      'a,wages,10,2026-03-01,2026-04-01,',
      'b,other,12.3.4,2026-03-01,2026-04-01,',
      'c,other,10,2026-03-01,2026-03-01,',
      'd,other,10,2026-03-01,2026-04-01,by_magic',
    ].join('\n');
    const path = await t.file('bad.csv', text);
    const error = await t.import({ kind: 'costs', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "category" value "wages": not one of agent_wages, benefits_payroll_tax, supervision, training_recruiting, technology, software_licenses, telephony, facilities, desktop_computing, taxes, outsourcing, other`,
      `${path}:3: column "amount" value "12.3.4": not a decimal amount`,
      `${path}:4: column "period_end" value "2026-03-01": is not after period_start (the end is exclusive)`,
      `${path}:5: column "driver" value "by_magic": allocation driver "by_magic": use handle_time, contacts, equal, fixed, fte (fixed:channel:voice=60,email=40)`,
    ]);
    expect(await lines()).toEqual([]);
  });

  it('says a date that is no date once, and "missing" only where a date is not given at all', async () => {
    const text = [
      'id,category,amount,period_start,period_end',
      'a,other,10,2026-02-30,2026-03-31',
      'b,other,10,2026-03-01,2026-04-31',
      'c,other,10,2026-03-01,',
      'd,other,10,,',
    ].join('\n');
    const path = await t.file('dates.csv', text);
    const error = await t.import({ kind: 'costs', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "period_start" value "2026-02-30": not a date (YYYY-MM-DD or DD.MM.YYYY)`,
      `${path}:3: column "period_end" value "2026-04-31": not a date (YYYY-MM-DD or DD.MM.YYYY)`,
      `${path}:4: column "period_end" value "": is missing (give period_end, exclusive: a March cost ends on 04-01, or period_end_inclusive: 03-31)`,
      `${path}:5: column "period_start" value "": is missing (give period_start and period_end, or period such as 2026-03)`,
    ]);
  });
});

describe('import fx', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('stores rates per date and currency as exact text, idempotently', async () => {
    const path = await t.file(
      'fx.csv',
      'date,currency,rate\n2026-03-01,USD,0.9234\n2026-03-01,GBP,1.17\n02.03.2026,usd,0.93\n',
    );
    expect(await t.import({ kind: 'fx', files: [path] })).toMatchObject({ read: 3, imported: 3 });
    expect(await t.import({ kind: 'fx', files: [path] })).toMatchObject({
      read: 3,
      imported: 0,
      duplicates: 3,
    });
    expect(await t.rows('SELECT * EXCLUDE (import_id) FROM fx_rates ORDER BY date, currency')).toEqual([
      { date: '2026-03-01', currency: 'GBP', rate: '1.17' },
      { date: '2026-03-01', currency: 'USD', rate: '0.9234' },
      { date: '2026-03-02', currency: 'USD', rate: '0.93' },
    ]);
  });

  it('refuses rates that are not above zero, for a code ISO 4217 lacks, and other than 1 for the workspace currency', async () => {
    const path = await t.file(
      'fx.csv',
      'date,currency,rate\n2026-03-01,USD,0\n2026-03-01,EUR,1.2\n2026-03-01,EUR,1.000\n2026-03-01,XYZ,2\n',
    );
    const error = await t.import({ kind: 'fx', files: [path] }).catch((e: unknown) => e);
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "rate" value "0": is not above 0`,
      `${path}:3: column "currency" value "EUR": is the workspace currency, whose rate can only be 1`,
      `${path}:5: column "currency" value "XYZ": not an ISO 4217 currency code`,
    ]);
  });
});
