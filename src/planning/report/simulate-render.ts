import type { SimulateView } from '../../app/simulate.js';
import { alignColumns, columnRule, columnWidths } from '../../text/columns.js';
import { csvLines } from '../../text/csv.js';
import type { Estimate, SimFigures } from '../simulate/estimates.js';

export const SIMULATE_FORMATS = ['table', 'json', 'csv'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

const FIGURES = [
  ['serviceLevel', 'SL', true],
  ['asaSeconds', 'ASA s', false],
  ['pAbandon', 'aband.', true],
  ['occupancy', 'occ.', true],
] as const;

const number = (v: number | null, share: boolean) =>
  v === null ? '' : share ? `${(v * 100).toFixed(1)}%` : v.toFixed(1);
const withBand = (e: Estimate, share: boolean) =>
  e.mean === null
    ? ''
    : `${number(e.mean, share)}${e.halfWidth === null ? '' : ` ±${number(e.halfWidth, share)}`}`;

/** A simulation: per row the model's figures beside the simulated ones with their 95 % half-widths. */
export function renderSimulation(view: SimulateView, format: SimulateFormat): string {
  if (format === 'json') return `${JSON.stringify(view, null, 2)}\n`;
  if (format === 'csv') {
    const head = [
      'row',
      'calls',
      'agents',
      ...FIGURES.flatMap(([k]) => [`model_${k}`, `simulated_${k}`, `half_width_${k}`]),
    ];
    const values = (f: SimFigures, model: Record<string, number | null> | null) =>
      FIGURES.flatMap(([k]) => {
        const e = f[k];
        return [
          model?.[k] === undefined || model[k] === null ? '' : String(model[k]),
          e.mean === null ? '' : String(e.mean),
          e.halfWidth === null ? '' : String(e.halfWidth),
        ];
      });
    return csvLines([
      head,
      ...view.rows.map((r) => [r.label, String(r.calls), String(r.agents), ...values(r.simulated, r.model)]),
      ['total', '', '', ...values(view.total, null)],
    ]);
  }
  const headings = [
    'row',
    'calls',
    'agents',
    ...FIGURES.flatMap(([, name]) => [`${name} model`, `${name} simulated`]),
  ];
  const rows = view.rows.map((r) => [
    r.label,
    Number.isInteger(r.calls) ? String(r.calls) : r.calls.toFixed(1),
    String(r.agents),
    ...FIGURES.flatMap(([k, , share]) => [number(r.model[k], share), withBand(r.simulated[k], share)]),
  ]);
  const total = ['total', '', '', ...FIGURES.flatMap(([k, , share]) => ['', withBand(view.total[k], share)])];
  const widths = columnWidths([headings, ...rows, total]);
  const [head = '', ...body] = alignColumns(
    [headings, ...rows, total],
    (i) => (i === 0 ? 'left' : 'right'),
    '',
    widths,
  );
  const callback = view.callback
    ? `; callback offered after ${view.callback.offerAfterSeconds} s, taken by ${(view.callback.takeRate * 100).toFixed(0)}%, made within ${view.callback.withinSeconds / 60} min`
    : '';
  const service =
    view.service.distribution === 'lognormal'
      ? `lognormal handle times, CV ${view.service.cv}`
      : 'exponential handle times';
  return [
    view.heading,
    `Simulated: ${view.replications} replications, seed ${view.seed}, ${service}${callback}; ± is the 95 % confidence half-width`,
    '',
    head,
    columnRule(widths),
    ...body,
    '',
  ].join('\n');
}
