import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { isUserError } from '../errors.js';
import { type TestWorkspace, testWorkspace } from './testing.js';

describe('ledger periods: inclusive ends and period labels', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  const periods = () =>
    t.rows(
      'SELECT id, CAST(period_start AS VARCHAR) AS start, CAST(period_end AS VARCHAR) AS "end" FROM cost_lines ORDER BY id',
    );

  it('reads a German ledger\'s "Von 01.01.2021; Bis 31.03.2021" as the whole quarter: January gets 31/90', async () => {
    const ledger = 'Nr;Art;Betrag;Von;Bis\nmiete;facilities;900,00;01.01.2021;31.03.2021\n';
    const mapping = [
      'fields:',
      '  id: Nr',
      '  category: Art',
      '  amount: Betrag',
      '  period_start: Von',
      '  period_end_inclusive: Bis',
    ].join('\n');
    const summary = await t.import({
      kind: 'costs',
      files: [await t.file('kosten.csv', ledger)],
      mappingFile: await t.file('kosten.yaml', mapping),
    });
    expect(summary.warnings).toEqual([]);
    expect(await periods()).toEqual([{ id: 'miete', start: '2021-01-01', end: '2021-04-01' }]);
    // One call a month, so the report has a row per month: 900.00 × 31/90 = 310.00 in January,
    // × 28/90 = 280.00 in February, × 31/90 = 310.00 in March (read as exclusive it was 31/89 = 313.48).
    const calls =
      'id,channel,arrived_at,talk_seconds,outcome\n1,voice,2021-01-15 10:00,60,handled\n' +
      '2,voice,2021-02-15 10:00,60,handled\n3,voice,2021-03-15 10:00,60,handled\n';
    await t.import({ files: [await t.file('calls.csv', calls)] });
    await t.ws.close();
    // The range given: one call a month does not show that the contacts cover whole months, and by
    // default a report keeps to the whole periods its contacts cover (docs/definitions.md).
    const report = await captureIo(() =>
      run(['report', '-w', t.ws.dir, '--from', '2021-01', '--to', '2021-03', '--format', 'json']),
    );
    const rows = JSON.parse(report.out).rows.map((r: { period: string; cost: string }) => [r.period, r.cost]);
    expect(rows).toEqual([
      ['2021-01', '310.00'],
      ['2021-02', '280.00'],
      ['2021-03', '310.00'],
    ]);
  });

  it('warns when exclusive ends fall on the last day of a month', async () => {
    const ledger =
      'id,category,amount,period_start,period_end\nrent,facilities,900,2021-01-01,2021-03-31\nok,other,1,2021-01-01,2021-04-01\n';
    const summary = await t.import({ kind: 'costs', files: [await t.file('ledger.csv', ledger)] });
    expect(summary.warnings).toEqual([
      '1 cost line ends on the last day of a month (e.g. rent: 2021-03-31), which period_end leaves out (it is exclusive); if the ends are inclusive, map them to period_end_inclusive',
    ]);
  });

  it("accepts the tool's own period labels, English and German, as a line's period", async () => {
    const labels = [
      '03.2021',
      'Q1/2021',
      '2021-Q1',
      '2021-03',
      'KW 10/2026',
      '2026-W10',
      '2026-W53',
      '05.03.2026',
      '2026',
    ];
    const ledger = ['id,category,amount,period', ...labels.map((label, i) => `l${i},other,1,${label}`)].join(
      '\n',
    );
    await t.import({ kind: 'costs', files: [await t.file('ledger.csv', ledger)] });
    // ISO week 10 of 2026 starts on Monday 2 March (week 1 starts on 29 December 2025, the Monday
    // of the week holding 4 January); 2026 has a week 53, from Monday 28 December.
    expect(await periods()).toEqual([
      { id: 'l0', start: '2021-03-01', end: '2021-04-01' },
      { id: 'l1', start: '2021-01-01', end: '2021-04-01' },
      { id: 'l2', start: '2021-01-01', end: '2021-04-01' },
      { id: 'l3', start: '2021-03-01', end: '2021-04-01' },
      { id: 'l4', start: '2026-03-02', end: '2026-03-09' },
      { id: 'l5', start: '2026-03-02', end: '2026-03-09' },
      { id: 'l6', start: '2026-12-28', end: '2027-01-04' },
      { id: 'l7', start: '2026-03-05', end: '2026-03-06' },
      { id: 'l8', start: '2026-01-01', end: '2027-01-01' },
    ]);
  });

  it('says which period labels it could not read', async () => {
    const ledger = 'id,category,amount,period\na,other,1,13.2021\nb,other,1,2025-W53\nc,other,1,March\n';
    const path = await t.file('ledger.csv', ledger);
    const error = await t.import({ kind: 'costs', files: [path] }).catch((e: unknown) => e);
    const reason =
      'is not a period (2026-03, 03.2026, 2026-Q1, Q1/2026, 2026-W10, KW 10/2026, 2026 or a day)';
    expect(isUserError(error) && error.details).toEqual([
      `${path}:2: column "period" value "13.2021": ${reason}`,
      `${path}:3: column "period" value "2025-W53": ${reason}`,
      `${path}:4: column "period" value "March": ${reason}`,
    ]);
  });
});
