import type { Term } from '../../../report/labels.js';

/** One slider of the scenario planner: a numeric parameter of a lever (docs/planning.md, The levers). */
export interface LeverControl {
  /** The parameter's path in the scenario's `levers`, dotted: also its name in the URL. */
  id: string;
  label: Term;
  min: number;
  max: number;
  step: number;
  /** The value that leaves the baseline unchanged. */
  off: number;
  unit: 'share' | 'seconds' | 'money' | 'number' | 'change';
}

export const LEVER_CONTROLS: readonly LeverControl[] = [
  {
    id: 'ivr.containment',
    label: { en: 'IVR containment', de: 'IVR-Abschlussquote' },
    min: 0,
    max: 0.5,
    step: 0.01,
    off: 0,
    unit: 'share',
  },
  {
    id: 'ivr.verification_seconds_saved',
    label: {
      en: 'IVR: verification seconds saved per call',
      de: 'IVR: gesparte Sekunden Identifizierung je Anruf',
    },
    min: 0,
    max: 90,
    step: 5,
    off: 0,
    unit: 'seconds',
  },
  {
    id: 'self_service.deflection.voice',
    label: { en: 'Self-service deflection, voice', de: 'Self-Service-Entlastung, Telefon' },
    min: 0,
    max: 0.3,
    step: 0.01,
    off: 0,
    unit: 'share',
  },
  {
    id: 'self_service.deflection.email',
    label: { en: 'Self-service deflection, email', de: 'Self-Service-Entlastung, E-Mail' },
    min: 0,
    max: 0.3,
    step: 0.01,
    off: 0,
    unit: 'share',
  },
  {
    id: 'software.aht_seconds_change',
    label: { en: 'Integrated desktop: AHT change (s)', de: 'Integrierter Arbeitsplatz: AHT-Änderung (s)' },
    min: -60,
    max: 0,
    step: 5,
    off: 0,
    unit: 'seconds',
  },
  {
    id: 'software.fixed_cost_change_per_month',
    label: { en: 'Software: fixed cost change per month', de: 'Software: Änderung der Fixkosten je Monat' },
    min: -5000,
    max: 5000,
    step: 250,
    off: 0,
    unit: 'money',
  },
  {
    id: 'wages.change',
    label: { en: 'Wage change', de: 'Lohnänderung' },
    min: -0.1,
    max: 0.1,
    step: 0.005,
    off: 0,
    unit: 'change',
  },
  {
    id: 'shrinkage',
    label: { en: 'Shrinkage', de: 'Ausfallquote' },
    min: 0,
    max: 0.5,
    step: 0.01,
    off: -1,
    unit: 'share',
  },
  {
    id: 'targets.voice.service_level',
    label: { en: 'Voice service-level target (20 s)', de: 'Servicelevel-Ziel Telefon (20 s)' },
    min: 0.5,
    max: 0.95,
    step: 0.05,
    off: -1,
    unit: 'share',
  },
  {
    id: 'volume.growth',
    label: { en: 'Volume growth', de: 'Mengenwachstum' },
    min: -0.2,
    max: 0.3,
    step: 0.01,
    off: 0,
    unit: 'change',
  },
  {
    id: 'concurrency.chat',
    label: { en: 'Chats per agent at once', de: 'Gleichzeitige Chats je Agent' },
    min: 1,
    max: 4,
    step: 0.5,
    off: -1,
    unit: 'number',
  },
];

/** Where a slider rests before it is moved: its off value, or (for "keep the baseline's") the middle of a typical range. */
export function startValue(c: LeverControl): number {
  if (c.off !== -1) return c.off;
  return { shrinkage: 0.3, 'targets.voice.service_level': 0.8, 'concurrency.chat': 2.5 }[c.id] ?? c.min;
}

export type LeverValues = Record<string, number>;

export interface Scenario {
  levers: Record<string, unknown>;
  constraints: Record<string, unknown>;
}

/**
 * The scenario of the moved sliders: a lever appears only when one of its parameters was moved
 * (levers: {} is the baseline); money as decimal text, as scenario files write it.
 */
export function scenarioOf(values: LeverValues, constraints: Scenario['constraints']): Scenario {
  const levers: Record<string, unknown> = {};
  for (const c of LEVER_CONTROLS) {
    const v = values[c.id];
    if (v === undefined || (c.off !== -1 && v === c.off)) continue;
    const path = c.id.split('.');
    const last = path.pop() as string;
    let node = levers;
    for (const key of path) {
      node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[last] = c.unit === 'money' ? v.toFixed(2) : v;
  }
  const targets = levers.targets as Record<string, Record<string, unknown>> | undefined;
  if (targets?.voice) targets.voice.within_seconds = 20;
  return { levers, constraints };
}

/** Slider values from URL parameters named by their paths; what is not a known slider or not a number is ignored. */
export function valuesFromParams(params: Record<string, string>): LeverValues {
  const values: LeverValues = {};
  for (const c of LEVER_CONTROLS) {
    const v = Number(params[c.id]);
    if (params[c.id] !== undefined && Number.isFinite(v) && v >= c.min && v <= c.max) values[c.id] = v;
  }
  return values;
}
