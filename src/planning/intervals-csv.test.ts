import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseIntervalsCsv } from './intervals-csv.js';

function failure(text: string): UserError {
  try {
    parseIntervalsCsv(text, 'plan.csv', 1800);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('intervals CSV', () => {
  it('reads the columns in any order, with optional patience per row', () => {
    const text =
      'Calls,interval_start,patience_seconds,AHT_Seconds\r\n100,2026-03-02 08:00,300,180\r\n12.5,2026-03-02T08:30,,240\r\n\r\n';
    expect(parseIntervalsCsv(text, 'plan.csv', 1800)).toEqual([
      { start: '2026-03-02 08:00', calls: 100, intervalSeconds: 1800, ahtSeconds: 180, patienceSeconds: 300 },
      { start: '2026-03-02 08:30', calls: 12.5, intervalSeconds: 1800, ahtSeconds: 240 },
    ]);
  });

  it('reads German spreadsheets: BOM, semicolons, decimal commas and quotes', () => {
    const text = '\uFEFFinterval_start;calls;aht_seconds\n"2026-03-02 08:00:00";"40,5";240\n';
    expect(parseIntervalsCsv(text, 'plan.csv', 900)).toEqual([
      { start: '2026-03-02 08:00', calls: 40.5, intervalSeconds: 900, ahtSeconds: 240 },
    ]);
  });

  it('reads German dates, and instants with Z or an offset in the plan time zone', () => {
    // 07:30Z is 08:30 in Berlin in March (UTC+1); 06:30Z on 2 July is 08:30 summer time (UTC+2).
    const text = [
      'interval_start,calls,aht_seconds',
      '02.03.2026 08:00,1,180',
      '2026-03-02T07:30:00Z,2,180',
      '2026-03-02T09:00:00+01:00,3,180',
      '2026-07-02T06:30:00.000Z,4,180',
      '2026-03-02T08:00+0100,5,180',
    ].join('\n');
    expect(parseIntervalsCsv(text, 'plan.csv', 1800, 'Europe/Berlin').map((d) => d.start)).toEqual([
      '2026-03-02 08:00',
      '2026-03-02 08:30',
      '2026-03-02 09:00',
      '2026-07-02 08:30',
      '2026-03-02 08:00',
    ]);
    // Without a time zone, instants are read in UTC.
    expect(parseIntervalsCsv(text, 'plan.csv', 1800)[1]?.start).toBe('2026-03-02 07:30');
    expect(failure('interval_start,calls,aht_seconds\n31.02.2026 08:00,1,180\n').location).toMatchObject({
      column: 'interval_start',
      value: '31.02.2026 08:00',
    });
  });

  it('names the file, line, column and value of a bad cell', () => {
    let e = failure(
      'interval_start,calls,aht_seconds\n2026-03-02 08:00,100,180\n2026-03-02 08:30,many,180\n',
    );
    expect(e.message).toBe('plan.csv line 3, column calls: "many" is not a number of at least 0');
    expect(e.location).toEqual({ file: 'plan.csv', line: 3, column: 'calls', value: 'many' });
    expect(e.code).toBe('INVALID_INPUT');
    e = failure('interval_start,calls,aht_seconds\n2026-02-30 08:00,1,180\n');
    expect(e.location).toMatchObject({ line: 2, column: 'interval_start', value: '2026-02-30 08:00' });
    e = failure('interval_start,calls,aht_seconds\n2026-03-02 08:00,1,0\n');
    expect(e.message).toContain('column aht_seconds: "0" is not a number above 0');
    e = failure('interval_start,calls,aht_seconds,patience_seconds\n2026-03-02 08:00,1,180,-5\n');
    expect(e.location).toMatchObject({ column: 'patience_seconds', value: '-5' });
  });

  it('refuses a header without a required column, and a file without rows', () => {
    expect(failure('start,calls,aht_seconds\n2026-03-02 08:00,1,180\n').message).toContain(
      'needs a column interval_start',
    );
    expect(failure('interval_start,calls,aht_seconds\n').message).toContain('no intervals');
  });
});
