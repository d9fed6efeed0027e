import type { SimulateView } from '../app/simulate.js';
import type { Estimate, SimFigures } from '../planning/simulate/estimates.js';
import { alignColumns, columnRule, columnWidths } from '../text/columns.js';
import { csvLines } from '../text/csv.js';
import type { Term } from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';

export const SIMULATE_FORMATS = ['table', 'json', 'csv'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

const FIGURES = [
  ['serviceLevel', 'SL', true],
  ['asaSeconds', 'ASA s', false],
  ['pAbandon', { en: 'aband.', de: 'Abbr.' }, true],
  ['occupancy', { en: 'occ.', de: 'Ausl.' }, true],
] as const satisfies readonly (readonly [string, string | Term, boolean])[];

const WORDS = {
  row: { en: 'row', de: 'Zeile' },
  calls: { en: 'calls', de: 'Anrufe' },
  agents: { en: 'agents', de: 'Agenten' },
  model: { en: '{figure} model', de: '{figure} Modell' },
  simulated: { en: '{figure} simulated', de: '{figure} simuliert' },
  total: { en: 'total', de: 'gesamt' },
  callback: {
    en: '; callback offered after {after} s, taken by {take}, made within {within} min',
    de: '; Rückruf angeboten nach {after} s, angenommen von {take}, erledigt binnen {within} min',
  },
  lognormal: { en: 'lognormal handle times, CV {cv}', de: 'lognormalverteilte Bearbeitungszeiten, VK {cv}' },
  exponential: { en: 'exponential handle times', de: 'exponentialverteilte Bearbeitungszeiten' },
  simulatedLine: {
    en: 'Simulated: {replications} replications, seed {seed}, {service}{callback}; ± is the 95 % confidence half-width',
    de: 'Simuliert: {replications} Wiederholungen, Startwert {seed}, {service}{callback}; ± ist die halbe Breite des 95-%-Konfidenzintervalls',
  },
} satisfies Record<string, Term>;

/** A simulation: per row the model's figures beside the simulated ones with their 95 % half-widths. */
export function renderSimulation(
  view: SimulateView,
  format: SimulateFormat,
  language: Locale = 'en-US',
): string {
  const locale = localeFormat(language, 'EUR', 'day');
  if (format === 'json') return `${JSON.stringify(view, null, 2)}\n`;
  return format === 'csv' ? simulationCsv(view, locale) : simulationTable(view, locale);
}

/** Machine values, one row per simulated row and the total: RFC 4180, or `;` and decimal commas in German. */
function simulationCsv(view: SimulateView, locale: LocaleFormat): string {
  const head = [
    'row',
    'calls',
    'agents',
    ...FIGURES.flatMap(([k]) => [`model_${k}`, `simulated_${k}`, `half_width_${k}`]),
  ];
  const number = (v: number | null | undefined) =>
    v === null || v === undefined ? '' : locale.machineNumber(String(v));
  const values = (f: SimFigures, model: Record<string, number | null> | null) =>
    FIGURES.flatMap(([k]) => [number(model?.[k]), number(f[k].mean), number(f[k].halfWidth)]);
  return csvLines(
    [
      head,
      ...view.rows.map((r) => [r.label, number(r.calls), number(r.agents), ...values(r.simulated, r.model)]),
      ['total', '', '', ...values(view.total, null)],
    ],
    locale.csvSeparator,
  );
}

function simulationTable(view: SimulateView, locale: LocaleFormat): string {
  const word = (key: keyof typeof WORDS, values?: Record<string, string>) => locale.text(WORDS[key], values);
  const number = (v: number | null, share: boolean) =>
    v === null ? '' : share ? locale.percent(v, 1) : locale.decimal(v, 1);
  const withBand = (e: Estimate, share: boolean) =>
    e.mean === null
      ? ''
      : `${number(e.mean, share)}${e.halfWidth === null ? '' : ` ±${number(e.halfWidth, share)}`}`;
  const name = (n: string | Term) => (typeof n === 'string' ? n : locale.text(n));
  const headings = [
    word('row'),
    word('calls'),
    word('agents'),
    ...FIGURES.flatMap(([, n]) => [
      word('model', { figure: name(n) }),
      word('simulated', { figure: name(n) }),
    ]),
  ];
  const rows = view.rows.map((r) => [
    r.label,
    locale.decimal(r.calls, Number.isInteger(r.calls) ? 0 : 1),
    locale.count(r.agents),
    ...FIGURES.flatMap(([k, , share]) => [number(r.model[k], share), withBand(r.simulated[k], share)]),
  ]);
  const total = [
    word('total'),
    '',
    '',
    ...FIGURES.flatMap(([k, , share]) => ['', withBand(view.total[k], share)]),
  ];
  const widths = columnWidths([headings, ...rows, total]);
  const [head = '', ...body] = alignColumns(
    [headings, ...rows, total],
    (i) => (i === 0 ? 'left' : 'right'),
    '',
    widths,
  );
  const callback = view.callback
    ? word('callback', {
        after: String(view.callback.offerAfterSeconds),
        take: locale.percent(view.callback.takeRate, 0),
        within: String(view.callback.withinSeconds / 60),
      })
    : '';
  const service =
    view.service.distribution === 'lognormal'
      ? word('lognormal', { cv: locale.decimalText(String(view.service.cv)) })
      : word('exponential');
  return [
    view.heading,
    word('simulatedLine', {
      replications: String(view.replications),
      seed: String(view.seed),
      service,
      callback,
    }),
    '',
    head,
    columnRule(widths),
    ...body,
    '',
  ].join('\n');
}
