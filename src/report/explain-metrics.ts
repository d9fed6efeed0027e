/** The figures `explain` can take apart (kept free of imports so the CLI can list them cheaply). */
export const EXPLAIN_METRICS = [
  'costPerContact',
  'costPerHandledContact',
  'costPerResolution',
  'costPerHandleMinute',
  'costPerCall',
  'ahtSeconds',
  'asaSeconds',
  'serviceLevel',
  'abandonRate',
  'fcr',
  'csatMean',
  'csatTopBox',
] as const;
export type ExplainMetric = (typeof EXPLAIN_METRICS)[number];

/** The figures that need repeat contacts: explained from a report with detail `full`. */
export const REPEAT_METRICS: ReadonlySet<ExplainMetric> = new Set(['costPerResolution', 'fcr']);
