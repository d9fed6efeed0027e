import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { createDemoWorkspace } from '../demo/demo-workspace.js';
import { isUserError } from '../errors.js';
import { openWorkspace, type Workspace } from '../workspace/workspace.js';
import { benchmarks } from './benchmarks.js';
import { readConfigView } from './config.js';
import { drivers } from './drivers.js';
import { explain } from './explain.js';
import { report } from './report.js';
import { InvalidRequest } from './request.js';
import { staff } from './staff.js';

let dir: string;
let ws: string;

/** What the CLI prints as JSON for the same command, run in-process on the same workspace. */
async function cliJson(...args: string[]): Promise<unknown> {
  const { result, out, err } = await captureIo(() => run([...args, '--format', 'json']));
  expect(err).toBe('');
  expect(result).toBe(0);
  return JSON.parse(out);
}

/** Runs an app operation on the workspace, opened only for it (the CLI opens the file itself). */
async function onWorkspace<T>(work: (w: Workspace) => Promise<T>): Promise<T> {
  const w = await openWorkspace(ws);
  try {
    return await work(w);
  } finally {
    await w.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-app-'));
  ws = join(dir, 'demo');
  const demo = await createDemoWorkspace({ dir: ws, seed: 3, months: 4, endMonth: '2026-04', scale: 0.03 });
  await demo.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the read operations give what the CLI prints as JSON', () => {
  it('report, with a breakdown, full detail and a comparison', async () => {
    const args = ['--period', 'month', '--from', '2026-02', '--to', '2026-04', '--by', 'channel,team'];
    const expected = await cliJson(
      'report',
      '--workspace',
      ws,
      ...args,
      '--detail',
      'full',
      '--compare',
      'previous',
    );
    const view = await onWorkspace((w) =>
      report(w, {
        period: 'month',
        from: '2026-02',
        to: '2026-04',
        by: ['channel', 'team'],
        detail: 'full',
        compare: 'previous',
      }),
    );
    expect(view).toEqual(expected);
    expect(view.rows.length).toBeGreaterThan(0);
  });

  it('report with the defaults: the whole data span by month', async () => {
    const expected = await cliJson('report', '--workspace', ws);
    expect(await onWorkspace((w) => report(w, {}))).toEqual(expected);
  });

  it('explain of one segment', async () => {
    const expected = await cliJson('explain', '--workspace', ws, '--period', '2026-03', '--channel', 'voice');
    const view = await onWorkspace((w) => explain(w, { period: '2026-03', channel: 'voice' }));
    expect(view).toEqual(expected);
  });

  it('explain of a figure needing repeats', async () => {
    const args = ['--period', '2026-Q1', '--metric', 'costPerResolution'];
    const expected = await cliJson('explain', '--workspace', ws, ...args);
    expect(await onWorkspace((w) => explain(w, { period: '2026-Q1', metric: 'costPerResolution' }))).toEqual(
      expected,
    );
  });

  it('drivers between two months', async () => {
    const expected = await cliJson(
      'drivers',
      '--workspace',
      ws,
      '--from',
      '2026-02',
      '--to',
      '2026-03',
      '--by',
      'channel',
    );
    expect(await onWorkspace((w) => drivers(w, { from: '2026-02', to: '2026-03' }))).toEqual(expected);
  });

  it('benchmarks and the configuration', async () => {
    const expected = await cliJson('benchmarks', '--workspace', ws);
    expect(await onWorkspace((w) => benchmarks(w, {}))).toEqual(expected);
    const config = await onWorkspace((w) => readConfigView(w));
    expect(config.config.currency).toBe('EUR');
    expect(config.config.timezone).toBe('Europe/Berlin');
    expect(Object.keys(config.definitions)).toContain('contacts');
  });

  it('staff for one interval, Erlang C and Erlang A', async () => {
    const erlangC = ['--calls', '100', '--aht', '180', '--sl', '0.8', '--shrinkage', '0.3'];
    expect(await staff(undefined, { calls: 100, aht: 180, sl: 0.8, shrinkage: 0.3 })).toEqual(
      await cliJson('staff', ...erlangC),
    );
    const erlangA = ['--calls', '100', '--aht', '180', '--patience', '120', '--agents', '12'];
    expect(await staff(undefined, { calls: 100, aht: 180, patience: 120, agents: 12 })).toEqual(
      await cliJson('staff', ...erlangA),
    );
  });

  it('staff for an interval CSV, with labour cost', async () => {
    const csv =
      'interval_start,calls,aht_seconds\n2026-03-02 08:00,40,200\n2026-03-02 08:30,75,210\n2026-03-03 08:00,60,190\n';
    const file = join(dir, 'intervals.csv');
    await writeFile(file, csv);
    const expected = await cliJson('staff', '--intervals', file, '--hourly-cost', '32.50', '--sl', '0.9');
    const view = await staff(undefined, { intervals: csv, hourlyCost: '32.50', sl: 0.9 });
    expect(view).toEqual(expected);
  });
});

describe('requests are validated and errors name the parameter', () => {
  const failure = async (work: () => Promise<unknown>) => {
    const error = await work().then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isUserError(error)) throw new Error(`expected a user error, got ${String(error)}`);
    return error;
  };

  it('names the parameter of a bad value, and lists every issue', async () => {
    const error = await failure(() =>
      onWorkspace((w) => report(w, { period: 'fortnight' as 'month', by: ['channel', 'colour' as 'team'] })),
    );
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error.location?.parameter).toBe('period');
    expect((error as InvalidRequest).issues.map((i) => i.parameter)).toEqual(['period', 'by.1']);
    expect(error.message).toBe('period: use day, week, month, quarter or year');
    expect(error.message).not.toMatch(/--/);
  });

  it('refuses unknown parameters and unparseable periods', async () => {
    const unknown = await failure(() => onWorkspace((w) => report(w, { perod: 'month' } as never)));
    expect(unknown.location?.parameter).toBe('perod');
    const period = await failure(() => onWorkspace((w) => report(w, { from: '2026-13' })));
    expect(period.location?.parameter).toBe('from');
  });

  it('names "to" when the range is reversed, and when drivers compares different kinds of period', async () => {
    const reversed = await failure(() => onWorkspace((w) => report(w, { from: '2026-04', to: '2026-02' })));
    expect(reversed.location?.parameter).toBe('to');
    expect(reversed.message).not.toMatch(/--/);
    const kinds = await failure(() => onWorkspace((w) => drivers(w, { from: '2026-02', to: '2026-Q2' })));
    expect(kinds.location?.parameter).toBe('to');
  });

  it('staff: the mode and its options, and the CSV named as the intervals parameter', async () => {
    expect((await failure(() => staff(undefined, { calls: 10 }))).location?.parameter).toBe('aht');
    expect((await failure(() => staff(undefined, {}))).location?.parameter).toBe('calls');
    const csv = 'interval_start,calls\n2026-03-02 08:00,40\n';
    const missing = await failure(() => staff(undefined, { intervals: csv }));
    expect(missing.location).toMatchObject({ parameter: 'intervals', line: 1, column: 'aht_seconds' });
    const mixed = await failure(() => staff(undefined, { intervals: csv, agents: 3 }));
    expect(mixed.location?.parameter).toBe('agents');
  });
});
