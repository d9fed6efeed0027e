import { describe, expect, it } from 'vitest';
import { LEVER_CONTROLS, scenarioOf, startValue, valuesFromParams } from './levers.js';

const constraints = { service_level: 'baseline', abandon_rate_max: 0.05 };

describe('the scenario of the planner', () => {
  it('is the baseline while no slider has moved', () => {
    const values = Object.fromEntries(LEVER_CONTROLS.filter((c) => c.off !== -1).map((c) => [c.id, c.off]));
    expect(scenarioOf(values, constraints)).toEqual({ levers: {}, constraints });
  });

  it('names exactly the levers moved, nested as a scenario file writes them', () => {
    const s = scenarioOf(
      {
        'ivr.containment': 0.12,
        'ivr.verification_seconds_saved': 0,
        'self_service.deflection.email': 0.15,
        'software.fixed_cost_change_per_month': -1500,
        'targets.voice.service_level': 0.85,
        shrinkage: 0.28,
      },
      constraints,
    );
    expect(s.levers).toEqual({
      ivr: { containment: 0.12 },
      self_service: { deflection: { email: 0.15 } },
      software: { fixed_cost_change_per_month: '-1500.00' },
      targets: { voice: { service_level: 0.85, within_seconds: 20 } },
      shrinkage: 0.28,
    });
  });

  it('reads slider values from the URL and ignores what no slider takes', () => {
    expect(
      valuesFromParams({ 'ivr.containment': '0.2', 'wages.change': '7', channel: 'voice', shrinkage: 'x' }),
    ).toEqual({
      'ivr.containment': 0.2,
    });
  });

  it('starts each slider inside its range', () => {
    for (const c of LEVER_CONTROLS) {
      expect(startValue(c), c.id).toBeGreaterThanOrEqual(c.min);
      expect(startValue(c), c.id).toBeLessThanOrEqual(c.max);
    }
  });
});
