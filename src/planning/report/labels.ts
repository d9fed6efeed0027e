import type { Term } from '../../report/labels.js';

/** Words of the plan outputs in each supported language. */
export const PLAN_LABELS = {
  titleRun: { en: 'Plan: baseline and scenario', de: 'Planung: Ausgangslage und Szenario' },
  titleOptimise: {
    en: 'Plan: the cheapest levers that keep quality',
    de: 'Planung: die günstigsten Hebel bei gleicher Qualität',
  },
  titleBaseline: { en: 'Planning baseline', de: 'Planungsgrundlage' },
  range: { en: '{from} to {to} (exclusive)', de: '{from} bis {to} (ausschließlich)' },
  total: { en: 'total', de: 'Gesamt' },
  figure: { en: 'figure', de: 'Kennzahl' },
  baseline: { en: 'baseline', de: 'Ausgangslage' },
  scenario: { en: 'scenario', de: 'Szenario' },
  change: { en: 'change', de: 'Veränderung' },
  channel: { en: 'channel', de: 'Kanal' },
  comparison: { en: 'Baseline and scenario', de: 'Ausgangslage und Szenario' },
  bridge: {
    en: 'Cost bridge (Shapley values of the levers)',
    de: 'Kostenüberleitung (Shapley-Werte der Hebel)',
  },
  bridgeNote: {
    en: "Each lever's share of the change, averaged over every order of introducing the levers; the parts add up to the change.",
    de: 'Anteil jedes Hebels an der Veränderung, gemittelt über alle Reihenfolgen der Hebel; die Teile ergeben die Veränderung.',
  },
  chartCost: { en: 'Total cost: baseline to scenario', de: 'Gesamtkosten: Ausgangslage zum Szenario' },
  chartCostPerContact: {
    en: 'Cost per contact: baseline to scenario',
    de: 'Kosten je Kontakt: Ausgangslage zum Szenario',
  },
  lever: { en: 'lever', de: 'Hebel' },
  costChange: { en: 'Δ cost', de: 'Δ Kosten' },
  costPerContactChange: { en: 'Δ cost per contact', de: 'Δ Kosten je Kontakt' },
  constraints: { en: 'Quality constraints', de: 'Qualitätsvorgaben' },
  constraint: { en: 'constraint', de: 'Vorgabe' },
  target: { en: 'target', de: 'Ziel' },
  value: { en: 'value', de: 'Wert' },
  met: { en: 'met', de: 'erfüllt' },
  yes: { en: 'yes', de: 'ja' },
  no: { en: 'no', de: 'nein' },
  violations: { en: 'violations', de: 'Verstöße' },
  violationsTitle: { en: 'Violations', de: 'Verstöße' },
  level: { en: 'level', de: 'Ebene' },
  at: { en: 'at', de: 'wann' },
  moreViolations: {
    en: '… and {n} more (all of them in the JSON or XLSX format)',
    de: '… und {n} weitere (alle im JSON- oder XLSX-Format)',
  },
  calibration: {
    en: 'Schedule calibration (baseline: actual against the model)',
    de: 'Kalibrierung (Ausgangslage: Ist gegen Modell)',
  },
  actualLabour: { en: 'actual labour', de: 'Personalkosten Ist' },
  modelledLabour: { en: 'modelled labour', de: 'Personalkosten Modell' },
  ratio: { en: 'ratio', de: 'Verhältnis' },
  actualHours: { en: 'paid h actual', de: 'bezahlte h Ist' },
  modelledHours: { en: 'paid h model', de: 'bezahlte h Modell' },
  slMeasured: { en: 'SL measured', de: 'SL gemessen' },
  slModel: { en: 'SL model', de: 'SL Modell' },
  slAtActual: { en: 'SL model at actual staffing', de: 'SL Modell bei Ist-Besetzung' },
  notes: { en: 'Notes', de: 'Hinweise' },
  levers: { en: 'Levers', de: 'Hebel' },
  best: { en: 'Best plan', de: 'Bester Plan' },
  runnersUp: { en: 'Runners-up', de: 'Nächstbeste' },
  frontier: {
    en: 'Cost against service level (frontier of the plans that keep every constraint)',
    de: 'Kosten gegen Servicelevel (Effizienzgrenze der Pläne, die alle Vorgaben einhalten)',
  },
  frontierNote: {
    en: 'Each plan costs more ({objective}) than the one before and buys a higher service level; the first is the best plan. Plans that break a constraint are left out, however cheap (see the values not chosen).',
    de: 'Jeder Plan kostet mehr ({objective}) als der vorige und erreicht einen höheren Servicelevel; der erste ist der beste Plan. Pläne, die eine Vorgabe verletzen, fehlen, wie günstig sie auch sind (siehe die nicht gewählten Werte).',
  },
  rejected: { en: 'Values not chosen', de: 'Nicht gewählte Werte' },
  parameter: { en: 'parameter', de: 'Parameter' },
  reason: { en: 'reason', de: 'Grund' },
  costlier: { en: 'costlier by {difference}', de: 'teurer um {difference}' },
  breaks: { en: 'breaks {constraint} on {channel}', de: 'verletzt {constraint} für {channel}' },
  evaluated: {
    en: '{evaluated} combinations evaluated, {feasible} keep every constraint; objective: {objective}',
    de: '{evaluated} Kombinationen bewertet, {feasible} halten alle Vorgaben ein; Ziel: {objective}',
  },
  validation: {
    en: 'Simulation check ({replications} replications, seed {seed})',
    de: 'Simulationsprüfung ({replications} Läufe, Startwert {seed})',
  },
  modelValue: { en: 'model (uncalibrated)', de: 'Modell (unkalibriert)' },
  validationNote: {
    en: "The plan's own staffing per interval, as the queueing model sets it, before the schedule calibration: the model column is what the simulation checks, not the calibrated figures of the comparison.",
    de: 'Die Besetzung je Intervall, wie das Warteschlangenmodell sie festlegt, vor der Kalibrierung: die Modellspalte ist, was die Simulation prüft, nicht die kalibrierten Werte des Vergleichs.',
  },
  simulated: { en: 'simulated ± 95 %', de: 'simuliert ± 95 %' },
  generatedBy: { en: 'Generated by percontact', de: 'Erstellt mit percontact' },
} satisfies Record<string, Term>;
export type PlanLabelKey = keyof typeof PLAN_LABELS;

/** The figures of a side, by JSON key. */
export const FIGURE_LABELS: Record<string, Term> = {
  offered: { en: 'offered contacts', de: 'angebotene Kontakte' },
  contacts: { en: 'counted contacts', de: 'gezählte Kontakte' },
  selfServed: { en: 'self-served', de: 'Self-Service' },
  cost: { en: 'total cost', de: 'Gesamtkosten' },
  costPerContact: { en: 'cost per contact', de: 'Kosten je Kontakt' },
  costPerContactWithSelfServed: {
    en: 'cost per contact, self-served counted',
    de: 'Kosten je Kontakt inkl. Self-Service',
  },
  costPerResolution: { en: 'cost per resolution', de: 'Kosten je Lösung' },
  scheduledHours: { en: 'scheduled (paid) hours', de: 'geplante (bezahlte) Stunden' },
  scheduledFte: { en: 'scheduled FTE', de: 'geplante Vollzeitkräfte' },
  agentsMean: { en: 'agents per interval, mean', de: 'Agenten je Intervall, Mittel' },
  agentsPeak: { en: 'agents per interval, peak', de: 'Agenten je Intervall, Spitze' },
  serviceLevel: { en: 'service level', de: 'Servicelevel' },
  asaSeconds: { en: 'ASA (s)', de: 'ASA (s)' },
  abandonRate: { en: 'abandonment', de: 'Abbruchquote' },
  occupancy: { en: 'occupancy', de: 'Auslastung' },
  fcr: { en: 'FCR', de: 'Erstlösungsquote' },
  pWait: { en: 'P(wait)', de: 'P(Warten)' },
  callbackShare: { en: 'callbacks taken', de: 'Rückrufe angenommen' },
  callbacksWithin: { en: 'callbacks in time', de: 'Rückrufe rechtzeitig' },
};

export const LEVER_LABELS: Record<string, Term> = {
  volume: { en: 'volume', de: 'Volumen' },
  root_causes: { en: 'root causes', de: 'Ursachen' },
  self_service: { en: 'self-service', de: 'Self-Service' },
  ivr: { en: 'IVR', de: 'IVR' },
  callback: { en: 'callback', de: 'Rückruf' },
  routing: { en: 'routing', de: 'Routing' },
  software: { en: 'software', de: 'Software' },
  concurrency: { en: 'concurrency', de: 'Parallelität' },
  targets: { en: 'targets', de: 'Ziele' },
  shrinkage: { en: 'shrinkage', de: 'Ausfallzeiten' },
  wages: { en: 'wages', de: 'Löhne' },
};

export const CONSTRAINT_LABELS: Record<string, Term> = {
  service_level: { en: 'service level ≥', de: 'Servicelevel ≥' },
  abandon_rate_max: { en: 'abandonment ≤', de: 'Abbruchquote ≤' },
  asa_max_seconds: { en: 'ASA ≤', de: 'ASA ≤' },
  fcr_min: { en: 'FCR ≥', de: 'Erstlösungsquote ≥' },
};

export const LEVEL_LABELS: Record<string, Term> = {
  channel: { en: 'range', de: 'Zeitraum' },
  day: { en: 'day', de: 'Tag' },
  interval: { en: 'interval', de: 'Intervall' },
};
