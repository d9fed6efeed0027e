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
] as const;
export type ExplainMetric = (typeof EXPLAIN_METRICS)[number];
