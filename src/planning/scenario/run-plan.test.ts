import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { costPerContactReport } from '../../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../../metrics/definitions.js';
import { moneyText } from '../../metrics/figures.js';
import { Decimal } from '../../money/decimal.js';
import { withSmallDemo } from '../../test-support/demo-baseline.js';
import type { Baseline } from '../baseline/baseline.js';
import { baselineYaml, readBaseline } from '../baseline/baseline-file.js';
import { deriveBaseline } from '../baseline/derive.js';
import { parseYamlFile } from '../yaml-file.js';
import { evaluate, planContext } from './evaluate.js';
import { quickTotals } from './quick.js';
import { runPlan } from './run-plan.js';
import { type Scenario, scenarioSchema } from './schema.js';

let baseline: Baseline;
let report: Awaited<ReturnType<typeof costPerContactReport>>;
let byChannel: Awaited<ReturnType<typeof costPerContactReport>>;

beforeAll(async () => {
  await withSmallDemo(async (ws) => {
    baseline = await deriveBaseline(ws.engine, ws.config, {
      from: '2026-08',
      to: '2026-10',
      intervalSeconds: 1800,
    });
    const d = resolveDefinitions(ws.config);
    const options = { granularity: 'month' as const, from: '2026-08', to: '2026-10' };
    report = await costPerContactReport(ws.engine, d, { ...options, by: [] });
    byChannel = await costPerContactReport(ws.engine, d, { ...options, by: ['channel'] });
  });
}, 60_000);

const scenario = (levers: unknown, constraints: unknown = {}): Scenario =>
  scenarioSchema.parse({ levers, constraints });

describe('plan run: calibration', () => {
  it('a scenario without levers reproduces the report of the range to the cent', () => {
    const plan = runPlan(baseline, scenario({}));
    for (const side of [plan.baseline, plan.scenario]) {
      expect(side.totals.cost).toBe(moneyText(report.totals.cost, 2));
      expect(side.totals.costPerContact).toBe(
        moneyText(report.totals.cost.div(report.totals.measures.contacts), 2),
      );
      expect(side.totals.contacts).toBe(report.totals.measures.contacts);
      for (const c of side.channels) {
        const rows = byChannel.rows.filter((r) => r.segment.channel === c.channel && !r.unallocated);
        const cost = rows.reduce((s, r) => s.plus(r.cost), new Decimal(0));
        expect(c.cost, c.channel).toBe(moneyText(cost, 2));
      }
    }
    expect(plan.bridge).toEqual([]);
    expect(plan.change.cost).toBe('0.00');
  });

  it('shows no all-channel ASA where voice seconds would blend with e-mail hours, as the report does', () => {
    const plan = runPlan(baseline, scenario({}));
    expect(plan.baseline.totals.asaSeconds).toBeNull();
    const voice = byChannel.rows.filter((r) => r.segment.channel === 'voice' && !r.unallocated);
    const wait = voice.reduce((s, r) => s + r.measures.waitAnsweredSeconds, 0);
    const answered = voice.reduce((s, r) => s + r.measures.answeredTimed, 0);
    const planVoice = plan.baseline.channels.find((c) => c.channel === 'voice');
    expect(planVoice?.asaSeconds).toBe(Number((wait / answered).toFixed(1)));
  });

  it('reads the same baseline back from its YAML file', () => {
    const again = readBaseline(baselineYaml(baseline), 'baseline.yaml');
    expect(again).toEqual(baseline);
  });

  it('reports actual against modelled labour per channel', () => {
    const plan = runPlan(baseline, scenario({}));
    const voice = plan.calibration.find((c) => c.channel === 'voice');
    expect(voice?.ratio).not.toBeNull();
    // ratio = actual ÷ modelled labour, both as printed.
    const ratio = Number(voice?.actualLabour) / Number(voice?.modelledLabour);
    expect(voice?.ratio).toBeCloseTo(ratio, 3);
    expect(voice?.modelServiceLevelAtActualStaffing).not.toBeNull();
  });
});

describe('plan run: levers', () => {
  it('an IVR project alone adds its amortisation, 36,000 over 36 months: 1,000.00 a month', () => {
    const plan = runPlan(baseline, scenario({ ivr: { project_cost: '36000', amortise_months: 36 } }));
    expect(plan.change.cost).toBe('3000.00');
    expect(plan.bridge).toEqual([{ lever: 'ivr', cost: '3000.00', costPerContact: expect.any(String) }]);
    expect(plan.scenario.totals.contacts).toBe(plan.baseline.totals.contacts);
  });

  it('a wage rise scales the wage lines, each part rounded to the cent', () => {
    const context = planContext(baseline, { replications: 2, seed: 1 });
    const after = evaluate(context, scenario({ wages: { change: 0.1 } }).levers);
    // Independently: every allocated part of agent_wages and benefits × 1.1, rounded half-even.
    let expected = new Decimal(0);
    for (const a of context.base.report.allocations) {
      if (a.line.category === 'agent_wages' || a.line.category === 'benefits_payroll_tax')
        expected = expected.plus(
          a.amount.times('1.1').toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).minus(a.amount),
        );
    }
    const change = after.report.totals.cost.minus(context.base.report.totals.cost);
    // Fixed wage lines scale as whole lines: their prorated parts may round a cent either way.
    expect(change.minus(expected).abs().toNumber()).toBeLessThanOrEqual(0.05);
    expect(change.toNumber()).toBeGreaterThan(0);
  });

  it('volume growth offers 10 % more contacts and staffs more hours', () => {
    const plan = runPlan(baseline, scenario({ volume: { growth: 0.1 } }));
    expect(plan.scenario.totals.offered).toBeCloseTo(plan.baseline.totals.offered * 1.1, 1);
    // Counted contacts grow by 10 % less the callers the model now sees abandon (its share moves).
    expect(plan.scenario.totals.contacts / plan.baseline.totals.contacts).toBeGreaterThan(1.09);
    expect(plan.scenario.totals.contacts / plan.baseline.totals.contacts).toBeLessThan(1.11);
    const voice = (side: typeof plan.baseline) => side.channels.find((c) => c.channel === 'voice');
    expect(voice(plan.scenario)?.scheduledHours).toBeGreaterThan(voice(plan.baseline)?.scheduledHours ?? 0);
  });

  it('deflection lowers total cost but can raise cost per contact: fixed costs spread over fewer contacts', () => {
    const plan = runPlan(baseline, scenario({ self_service: { deflection: { voice: 0.2, email: 0.2 } } }));
    expect(Number(plan.scenario.totals.cost)).toBeLessThan(Number(plan.baseline.totals.cost));
    expect(plan.scenario.totals.contacts).toBeLessThan(plan.baseline.totals.contacts);
    expect(plan.scenario.totals.selfServed).toBeGreaterThan(plan.baseline.totals.selfServed);
    // With self-served contacts counted, cost per contact falls.
    expect(Number(plan.scenario.totals.costPerContactWithSelfServed)).toBeLessThan(
      Number(plan.baseline.totals.costPerContactWithSelfServed),
    );
  });

  it('bridges by Shapley value: independent levers keep their own effect, and the parts sum to the change', () => {
    const both = runPlan(
      baseline,
      scenario({ wages: { change: 0.05 }, ivr: { project_cost: '3600', amortise_months: 12 } }),
    );
    const wagesOnly = runPlan(baseline, scenario({ wages: { change: 0.05 } }));
    expect(both.bridge.map((b) => b.lever)).toEqual(['ivr', 'wages']);
    expect(both.bridge.find((b) => b.lever === 'ivr')?.cost).toBe('900.00');
    expect(both.bridge.find((b) => b.lever === 'wages')?.cost).toBe(wagesOnly.change.cost);
    const sum = both.bridge.reduce((s, b) => s.plus(b.cost), new Decimal(0));
    expect(sum.toFixed(2)).toBe(both.change.cost);
    const perContact = both.bridge.reduce((s, b) => s.plus(b.costPerContact ?? 'NaN'), new Decimal(0));
    expect(perContact.toFixed(2)).toBe(both.change.costPerContact);
  });

  it('pooling two voice queues with skills routing needs fewer paid hours', () => {
    const plan = runPlan(
      baseline,
      scenario({ routing: { pool: ['billing', 'general'], cross_skilled_share: 0.5 } }),
    );
    const voice = (side: typeof plan.baseline) => side.channels.find((c) => c.channel === 'voice');
    expect(voice(plan.scenario)?.scheduledHours).toBeLessThan(voice(plan.baseline)?.scheduledHours ?? 0);
    expect(plan.simulatedUnits).toBeGreaterThan(0);
  });

  it('a callback offer lowers voice abandonment', () => {
    const plan = runPlan(baseline, scenario({ callback: { offer_after_seconds: 30, take_rate: 0.5 } }));
    const voice = (side: typeof plan.baseline) => side.channels.find((c) => c.channel === 'voice');
    expect(voice(plan.scenario)?.abandonRate).toBeLessThan(voice(plan.baseline)?.abandonRate ?? 0);
  });
});

describe('quick totals', () => {
  it('are the report totals, exactly, for levers that split, scale and add cost lines', () => {
    const context = planContext(baseline, { replications: 2, seed: 1 });
    for (const levers of [
      {},
      { wages: { change: 0.07 } },
      { ivr: { containment: 0.1, cost_per_minute: '0.02', project_cost: '1000' }, volume: { growth: 0.03 } },
      {
        self_service: {
          deflection: { email: 0.3 },
          platform_cost_per_month: '250.55',
          cost_per_session: '0.07',
        },
      },
      {
        software: { fixed_cost_change_per_month: '-99.99', licence_per_seat_month: '12.50' },
        shrinkage: 0.25,
      },
    ]) {
      const full = evaluate(context, scenario(levers).levers);
      const quick = quickTotals(context, full);
      expect(quick.cost.toFixed(), JSON.stringify(levers)).toBe(full.report.totals.cost.toFixed());
      expect(quick.measures.contacts).toBeCloseTo(full.report.totals.measures.contacts, 6);
    }
  });
});

describe('plan run: constraints', () => {
  it('lists every interval and day below a service-level floor, and a channel worse than today', () => {
    const plan = runPlan(
      baseline,
      scenario(
        { targets: { voice: { service_level: 0.5 } } },
        { service_level: { voice: 0.95, chat: 'baseline' } },
      ),
    );
    const voice = plan.constraints.find((c) => c.name === 'service_level' && c.channel === 'voice');
    expect(voice).toMatchObject({ target: 0.95, source: 'limit', met: false });
    const levels = new Set(plan.violations.filter((v) => v.channel === 'voice').map((v) => v.level));
    expect(levels).toEqual(new Set(['channel', 'day', 'interval']));
    expect(voice?.violations).toBe(plan.violations.filter((v) => v.channel === 'voice').length);
    // Chat's own targets did not change: no worse than today.
    expect(plan.constraints.find((c) => c.channel === 'chat')).toMatchObject({
      source: 'baseline',
      met: true,
    });
    const lowered = runPlan(
      baseline,
      scenario({ targets: { voice: { service_level: 0.5 } } }, { service_level: 'baseline' }),
    );
    expect(lowered.constraints.find((c) => c.channel === 'voice')?.met).toBe(false);
  });
});

describe('scenario files', () => {
  it('names the path of a bad value', () => {
    const bad = (text: string) => {
      try {
        parseYamlFile(text, 'scenario.yaml', scenarioSchema);
      } catch (error) {
        if (error instanceof UserError) return error;
      }
      throw new Error('expected a UserError');
    };
    const e = bad('levers:\n  ivr: { containment: 1.5 }\n');
    expect(e.location).toMatchObject({
      parameter: 'levers.ivr.containment',
      file: 'scenario.yaml',
      value: '1.5',
    });
    expect(e.message).toMatch(/^scenario\.yaml: levers\.ivr\.containment: /);
    expect(bad('levers:\n  ivr: { contanment: 0.1 }\n').message).toContain('levers.ivr');
    expect(bad('constraints: { service_level: high }\n').location?.parameter).toBe(
      'constraints.service_level',
    );
  });

  it('names a queue or topic the baseline does not know', () => {
    const fails = (levers: unknown) => {
      try {
        runPlan(baseline, scenario(levers));
      } catch (error) {
        if (error instanceof UserError) return error.location?.parameter;
      }
      return undefined;
    };
    expect(fails({ routing: { pool: ['billing', 'nowhere'] } })).toBe('levers.routing.pool');
    expect(fails({ root_causes: { repeat_reduction: { nowhere: 0.5 } } })).toBe(
      'levers.root_causes.repeat_reduction.nowhere',
    );
  });
});
