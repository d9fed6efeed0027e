import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSmallDemo } from '../../test-support/demo-baseline.js';
import { captureIo } from '../io.js';
import { run } from '../main.js';

const cli = (...args: string[]) => captureIo(() => run(args));

describe('percontact plan', () => {
  it('baseline, run, optimise and every format, from a workspace and from a baseline file', async () => {
    await withSmallDemo(async (_ws, dir) => {
      const range = ['--from', '2026-08', '--to', '2026-10'];
      const baseline = join(dir, 'baseline.yaml');
      const made = await cli('plan', 'baseline', '-w', dir, ...range, '--out', baseline);
      expect(made.result).toBe(0);
      expect(await readFile(baseline, 'utf8')).toMatch(/^# percontact planning baseline/);
      const nothing = join(dir, 'nothing.yaml');
      await writeFile(nothing, 'levers: {}\n');
      // The workspace is open (withSmallDemo) for reading only; the CLI opens it again.
      const report = JSON.parse((await cli('report', '-w', dir, ...range, '--format', 'json')).out);
      for (const from of [
        ['--baseline', baseline],
        ['-w', dir, ...range],
      ]) {
        const { result, out } = await cli('plan', 'run', ...from, '--scenario', nothing, '--format', 'json');
        expect(result).toBe(0);
        const plan = JSON.parse(out);
        expect(Object.keys(plan)).toEqual(
          expect.arrayContaining(['currency', 'range', 'baseline', 'scenario', 'bridge', 'constraints']),
        );
        expect(plan.scenario.totals.cost).toBe(report.totals.cost);
        expect(plan.scenario.totals.costPerContact).toBe(report.totals.costPerContact);
      }
      const scenario = join(dir, 'scenario.yaml');
      await writeFile(
        scenario,
        'levers:\n  ivr: { containment: 0.1, project_cost: "3600", amortise_months: 12 }\n  wages: { change: 0.02 }\nconstraints: { service_level: baseline }\n',
      );
      const planRun = (...extra: string[]) =>
        cli('plan', 'run', '--baseline', baseline, '--scenario', scenario, ...extra);
      expect((await planRun()).out).toContain('Cost bridge (Shapley values of the levers)');
      expect((await planRun('--locale', 'de-DE')).out).toContain('Kostenüberleitung');
      const magic: Record<string, string> = {
        xlsx: 'PK',
        pdf: '%PDF',
        html: '<!doctype html>',
        csv: 'table,',
      };
      for (const [format, start] of Object.entries(magic)) {
        const file = join(dir, `plan.${format}`);
        expect((await planRun('--format', format, '--out', file)).result, format).toBe(0);
        expect((await readFile(file)).subarray(0, start.length).toString(), format).toBe(start);
      }
      expect(await readFile(join(dir, 'plan.html'), 'utf8')).toContain('<svg');
      const ranges = join(dir, 'ranges.yaml');
      await writeFile(
        ranges,
        'levers:\n  ivr: { containment: { from: 0, to: 0.2, step: 0.1 } }\nconstraints: { service_level: baseline }\n',
      );
      const best = await cli(
        'plan',
        'optimise',
        '--baseline',
        baseline,
        '--levers',
        ranges,
        '--format',
        'json',
      );
      expect(best.result).toBe(0);
      const optimised = JSON.parse(best.out);
      expect(optimised.evaluated).toBe(3);
      expect(Object.keys(optimised)).toEqual(
        expect.arrayContaining(['best', 'evaluated', 'frontier', 'rejected']),
      );
    });
  }, 120_000);

  it('names the bad value of a scenario file, with exit code 5', async () => {
    await withSmallDemo(async (_ws, dir) => {
      const scenario = join(dir, 'bad.yaml');
      await writeFile(scenario, 'levers:\n  ivr: { containment: 1.5 }\n');
      const { result, err } = await cli('plan', 'run', '-w', dir, '--scenario', scenario);
      expect(result).toBe(5);
      expect(err).toContain('levers.ivr.containment');
      expect(err.trim().split('\n')).toHaveLength(1);
      // A file that is not YAML at all is named as given, too.
      await writeFile(scenario, 'levers: [1, 2\n');
      const broken = await cli('plan', 'run', '-w', dir, '--scenario', scenario);
      expect(broken.result).toBe(5);
      expect(broken.err).toMatch(new RegExp(`^percontact: ${scenario}: not valid YAML: `));
    });
  }, 60_000);
});

describe('percontact simulate', () => {
  it('simulates one interval in steady state beside Erlang A, with confidence half-widths', async () => {
    const { result, out } = await cli(
      'simulate',
      '--calls',
      '100',
      '--aht',
      '180',
      '--patience',
      '300',
      '--agents',
      '13',
      '--replications',
      '8',
      '--format',
      'json',
    );
    expect(result).toBe(0);
    const view = JSON.parse(out);
    const [row] = view.rows;
    // Erlang A at 13 agents (docs/planning.md): SL 86.1 %, P(abandon) 2.5 %.
    expect(row.model.serviceLevel).toBeCloseTo(0.861, 3);
    const sl = row.simulated.serviceLevel;
    expect(Math.abs(sl.mean - row.model.serviceLevel)).toBeLessThanOrEqual(sl.halfWidth);
    expect(view.replications).toBe(8);
  });
});
