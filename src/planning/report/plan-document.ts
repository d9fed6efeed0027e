import { isChannel } from '../../model/contact.js';
import { isCostCategory } from '../../model/cost-line.js';
import { Decimal } from '../../money/decimal.js';
import { type CellKind, formatValue } from '../../report/cells.js';
import type { BridgeData } from '../../report/chart-data.js';
import { CATEGORY_LABELS, CHANNEL_LABELS } from '../../report/labels.js';
import { type Locale, type LocaleFormat, localeFormat } from '../../report/locale.js';
import type { ChannelFigures, PlanFigures, PlanSide } from '../scenario/figures.js';
import type { OptimiseOutcome } from '../scenario/optimise.js';
import type { PlanOutcome } from '../scenario/run-plan.js';
import type { ValidationRow } from '../scenario/validate.js';
import {
  CONSTRAINT_LABELS,
  FIGURE_LABELS,
  LEVEL_LABELS,
  LEVER_LABELS,
  PLAN_LABELS,
  type PlanLabelKey,
} from './labels.js';

/** A figure in a table: its machine value (money as decimal text) and how to show it. */
export interface DocCell {
  value: string | number | null;
  kind: CellKind | 'hours';
}

export interface DocTable {
  key: string;
  title: string;
  note?: string;
  headings: string[];
  rows: DocCell[][];
  /** A row that closes a group (a total), shown in bold. */
  totals?: boolean[];
  /** Rows left out of the text table (all are in the files): how many. */
  more?: number;
}

/** Everything a plan shows, in the locale's words; each format lays it out its own way. */
export interface PlanDocument {
  title: string;
  currency: string;
  meta: string[];
  tables: DocTable[];
  bridges: { title: string; data: BridgeData }[];
  notes: string[];
  locale: LocaleFormat;
}

/** Violations the text table lists before it says how many more there are. */
const TEXT_VIOLATIONS = 20;

const text = (value: string | null): DocCell => ({ value, kind: 'text' });
const money = (value: string | null, signed = false): DocCell => ({
  value,
  kind: signed ? 'signedMoney' : 'money',
});

/** A cell as people read it, in the locale (hours with one decimal, the rest as the report shows them). */
export function shown(cell: DocCell, locale: LocaleFormat): string {
  if (cell.kind === 'text') return cell.value === null ? '' : String(cell.value);
  if (cell.kind === 'hours') return cell.value === null ? '' : locale.decimal(Number(cell.value), 1);
  return formatValue(cell.kind, cell.value, locale);
}

/** A cell for a spreadsheet reading CSV: canonical text, the locale's decimal mark. */
export function machine(cell: DocCell, locale: LocaleFormat): string {
  if (cell.value === null) return '';
  return cell.kind === 'text' ? String(cell.value) : locale.machineNumber(String(cell.value));
}

export function planDocument(
  outcome: PlanOutcome | OptimiseOutcome,
  validation: ValidationRow[] | undefined,
  locale: Locale = 'en-US',
): PlanDocument {
  const l = localeFormat(locale, outcome.currency, 'month');
  const label = (key: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[key], values);
  const optimised = 'best' in outcome;
  const tables: DocTable[] = [];
  if (optimised) tables.push(...optimiseTables(outcome, l));
  tables.push(
    comparisonTable(outcome, l),
    bridgeTable(outcome, l),
    ...constraintTables(outcome, l),
    calibrationTable(outcome, l),
  );
  if (validation) tables.push(validationTable(validation, l));
  return {
    title: label(optimised ? 'titleOptimise' : 'titleRun'),
    currency: outcome.currency,
    meta: [
      label('range', { from: l.date(outcome.range.from), to: l.date(outcome.range.to) }),
      `${outcome.currency}`,
      ...leverLines(outcome, l),
    ],
    tables,
    bridges: bridgeCharts(outcome, l),
    notes: outcome.notes,
    locale: l,
  };
}

const channelName = (c: string, l: LocaleFormat) => (isChannel(c) ? l.text(CHANNEL_LABELS[c]) : c);
const leverName = (lever: string, l: LocaleFormat) =>
  LEVER_LABELS[lever] ? l.text(LEVER_LABELS[lever]) : lever;
const constraintName = (n: string, l: LocaleFormat) =>
  CONSTRAINT_LABELS[n] ? l.text(CONSTRAINT_LABELS[n]) : n;
const figureName = (key: string, l: LocaleFormat) => (FIGURE_LABELS[key] ? l.text(FIGURE_LABELS[key]) : key);

function leverLines(outcome: PlanOutcome, l: LocaleFormat): string[] {
  const set = Object.entries(outcome.levers).filter(([, v]) => v !== undefined);
  if (set.length === 0) return [`${l.text(PLAN_LABELS.levers)}: –`];
  return set.map(([name, params]) => `${leverName(name, l)}: ${describe(params)}`);
}

/** A lever's parameters on one line: "containment 0.12, cost_per_minute 0.012". */
function describe(params: unknown): string {
  if (typeof params !== 'object' || params === null) return String(params);
  return Object.entries(params)
    .map(
      ([k, v]) =>
        `${k} ${typeof v === 'object' && v !== null ? (Array.isArray(v) ? v.join('+') : `{${describe(v)}}`) : v}`,
    )
    .join(', ');
}

type FigureKey = keyof PlanFigures | 'agentsMean' | 'agentsPeak';

const FIGURES: [FigureKey, DocCell['kind']][] = [
  ['offered', 'count'],
  ['contacts', 'count'],
  ['selfServed', 'count'],
  ['cost', 'money'],
  ['costPerContact', 'money'],
  ['costPerContactWithSelfServed', 'money'],
  ['costPerResolution', 'money'],
  ['scheduledHours', 'hours'],
  ['scheduledFte', 'hours'],
  ['agentsMean', 'hours'],
  ['agentsPeak', 'count'],
  ['serviceLevel', 'ratio'],
  ['asaSeconds', 'seconds'],
  ['abandonRate', 'ratio'],
  ['occupancy', 'ratio'],
  ['fcr', 'ratio'],
];

function figureOf(f: PlanFigures, key: FigureKey): string | number | null {
  if (key === 'agentsMean') return f.agentsPerInterval?.mean ?? null;
  if (key === 'agentsPeak') return f.agentsPerInterval?.peak ?? null;
  const v = f[key];
  return typeof v === 'object' ? null : v;
}

function difference(
  before: string | number | null,
  after: string | number | null,
  kind: DocCell['kind'],
): DocCell {
  const signed: DocCell['kind'] =
    kind === 'money'
      ? 'signedMoney'
      : kind === 'ratio'
        ? 'signedRatio'
        : kind === 'count'
          ? 'signedCount'
          : kind;
  if (before === null || after === null) return { value: null, kind: signed };
  if (kind === 'money') return { value: new Decimal(after).minus(before).toFixed(), kind: signed };
  return { value: Number((Number(after) - Number(before)).toFixed(6)), kind: signed };
}

/** Per total and channel, each figure before and after, and the change. */
function comparisonTable(outcome: PlanOutcome, l: LocaleFormat): DocTable {
  const rows: DocCell[][] = [];
  const totals: boolean[] = [];
  const side = (s: PlanSide, channel: string | null): PlanFigures =>
    channel === null ? s.totals : (s.channels.find((c) => c.channel === channel) as ChannelFigures);
  const groups = [null, ...outcome.baseline.channels.map((c) => c.channel)];
  for (const channel of groups) {
    const before = side(outcome.baseline, channel);
    const after = side(outcome.scenario, channel);
    const name = channel === null ? l.text(PLAN_LABELS.total) : channelName(channel, l);
    const categories = [
      ...new Set([...Object.keys(before.costByCategory), ...Object.keys(after.costByCategory)]),
    ].sort();
    const lines: [string, string | number | null, string | number | null, DocCell['kind']][] = [
      ...FIGURES.map(
        ([key, kind]): [string, string | number | null, string | number | null, DocCell['kind']] => [
          figureName(key, l),
          figureOf(before, key),
          figureOf(after, key),
          kind,
        ],
      ),
      ...categories.map((c): [string, string | null, string | null, DocCell['kind']] => [
        `  ${isCostCategory(c) ? l.text(CATEGORY_LABELS[c]) : c}`,
        before.costByCategory[c] ?? '0.00',
        after.costByCategory[c] ?? '0.00',
        'money',
      ]),
    ];
    for (const [figure, b, a, kind] of lines) {
      if (b === null && a === null) continue;
      rows.push([text(name), text(figure), { value: b, kind }, { value: a, kind }, difference(b, a, kind)]);
      totals.push(channel === null);
    }
  }
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  return {
    key: 'comparison',
    title: h('comparison'),
    headings: [h('channel'), h('figure'), h('baseline'), h('scenario'), h('change')],
    rows,
    totals,
  };
}

function bridgeTable(outcome: PlanOutcome, l: LocaleFormat): DocTable {
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  const rows = outcome.bridge.map((b) => [
    text(leverName(b.lever, l)),
    money(b.cost, true),
    money(b.costPerContact, true),
  ]);
  rows.push([text(h('total')), money(outcome.change.cost, true), money(outcome.change.costPerContact, true)]);
  return {
    key: 'bridge',
    title: h('bridge'),
    note: h('bridgeNote'),
    headings: [h('lever'), h('costChange'), h('costPerContactChange')],
    rows,
    totals: rows.map((_, i) => i === rows.length - 1),
  };
}

const WEEKDAYS = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  de: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
};

/** An interval of a month's typical week, "2026-08 Mon 09:30", in the locale ("08.2026 Mo 09:30"). */
function intervalText(at: string, l: LocaleFormat): string {
  const [month = '', day = '', time = ''] = at.split(' ');
  const weekday = WEEKDAYS[l.lang][WEEKDAYS.en.indexOf(day)] ?? day;
  return `${l.period(month)} ${weekday} ${time}`;
}

const limitKind = (name: string): DocCell['kind'] => (name === 'asa_max_seconds' ? 'seconds' : 'ratio');

function constraintTables(outcome: PlanOutcome, l: LocaleFormat): DocTable[] {
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  const name = (n: string) => constraintName(n, l);
  const checks: DocTable = {
    key: 'constraints',
    title: h('constraints'),
    headings: [h('constraint'), h('channel'), h('target'), h('value'), h('met'), h('violations')],
    rows: outcome.constraints.map((c) => [
      text(`${name(c.name)}${c.source === 'baseline' ? ` (${h('baseline')})` : ''}`),
      text(channelName(c.channel, l)),
      { value: c.target, kind: limitKind(c.name) },
      { value: c.value, kind: limitKind(c.name) },
      text(h(c.met ? 'yes' : 'no')),
      { value: c.violations, kind: 'count' },
    ]),
  };
  const violations: DocTable = {
    key: 'violations',
    title: h('violationsTitle'),
    headings: [h('constraint'), h('channel'), h('level'), h('at'), h('target'), h('value')],
    rows: outcome.violations.map((v) => [
      text(name(v.name)),
      text(channelName(v.channel, l)),
      text(l.text(LEVEL_LABELS[v.level] as (typeof LEVEL_LABELS)[string])),
      text(v.at === null ? '' : v.level === 'day' ? l.date(v.at) : intervalText(v.at, l)),
      { value: v.target, kind: limitKind(v.name) },
      { value: Number(v.value.toFixed(4)), kind: limitKind(v.name) },
    ]),
    more: Math.max(0, outcome.violations.length - TEXT_VIOLATIONS),
  };
  return outcome.violations.length > 0 ? [checks, violations] : [checks];
}

function calibrationTable(outcome: PlanOutcome, l: LocaleFormat): DocTable {
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  return {
    key: 'calibration',
    title: h('calibration'),
    headings: [
      h('channel'),
      h('actualLabour'),
      h('modelledLabour'),
      h('ratio'),
      h('actualHours'),
      h('modelledHours'),
      h('slMeasured'),
      h('slModel'),
      h('slAtActual'),
    ],
    rows: outcome.calibration.map((c) => [
      text(channelName(c.channel, l)),
      money(c.actualLabour),
      money(c.modelledLabour),
      { value: c.ratio, kind: 'score' },
      { value: c.actualPaidHours, kind: 'hours' },
      { value: c.modelledPaidHours, kind: 'hours' },
      { value: c.measuredServiceLevel, kind: 'ratio' },
      { value: c.modelServiceLevel, kind: 'ratio' },
      { value: c.modelServiceLevelAtActualStaffing, kind: 'ratio' },
    ]),
  };
}

function assignmentText(assignment: Record<string, number>): string {
  return Object.entries(assignment)
    .map(([path, v]) => `${path.replace(/^levers\./, '')} ${v}`)
    .join(', ');
}

function optimiseTables(outcome: OptimiseOutcome, l: LocaleFormat): DocTable[] {
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  const objective = figureName(outcome.objective === 'cost' ? 'cost' : 'costPerContact', l);
  const plans = [
    { name: h('best'), assignment: outcome.best.assignment, totals: outcome.best.totals },
    ...outcome.runnersUp.map((r, i) => ({ name: `${h('runnersUp')} ${i + 1}`, ...r })),
  ];
  const figure = (
    t: Pick<PlanFigures, 'cost' | 'costPerContact' | 'serviceLevel' | 'abandonRate'>,
  ): DocCell[] => [
    money(t.cost),
    money(t.costPerContact),
    { value: t.serviceLevel, kind: 'ratio' },
    { value: t.abandonRate, kind: 'ratio' },
  ];
  const heads = ['cost', 'costPerContact', 'serviceLevel', 'abandonRate'].map((k) => figureName(k, l));
  return [
    {
      key: 'best',
      title: h('best'),
      note: h('evaluated', {
        evaluated: String(outcome.evaluated),
        feasible: String(outcome.feasible),
        objective,
      }),
      headings: ['', h('levers'), ...heads],
      rows: plans.map((p) => [text(p.name), text(assignmentText(p.assignment)), ...figure(p.totals)]),
      totals: plans.map((_, i) => i === 0),
    },
    {
      key: 'frontier',
      title: h('frontier'),
      headings: [h('levers'), heads[0] as string, heads[2] as string, h('met')],
      rows: outcome.frontier.map((f) => [
        text(assignmentText(f.assignment)),
        money(f.cost),
        { value: f.serviceLevel, kind: 'ratio' },
        text(h(f.feasible ? 'yes' : 'no')),
      ]),
    },
    {
      key: 'rejected',
      title: h('rejected'),
      headings: [h('parameter'), h('value'), h('reason')],
      rows: outcome.rejected.map((r) => [
        text(r.parameter.replace(/^levers\./, '')),
        { value: r.value, kind: 'score' },
        text(
          r.reason === 'costlier'
            ? h('costlier', { difference: l.money(r.difference) })
            : h('breaks', {
                constraint: constraintName(r.constraint ?? '', l),
                channel: channelName(r.channel ?? '', l),
              }),
        ),
      ]),
    },
  ];
}

function validationTable(rows: ValidationRow[], l: LocaleFormat): DocTable {
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  const first = rows[0];
  const estimate = (
    e: { mean: number | null; halfWidth: number | null },
    kind: DocCell['kind'],
  ): DocCell => ({
    value:
      e.mean === null
        ? null
        : `${shown({ value: e.mean, kind }, l)}${e.halfWidth === null ? '' : ` ± ${shown({ value: e.halfWidth, kind }, l)}`}`,
    kind: 'text',
  });
  return {
    key: 'validation',
    title: h('validation', {
      replications: String(first?.replications ?? 0),
      seed: String(first?.seed ?? 0),
    }),
    headings: [h('channel'), h('figure'), h('modelValue'), h('simulated')],
    rows: rows.flatMap((r) =>
      (
        [
          ['serviceLevel', 'ratio'],
          ['abandonRate', 'ratio'],
          ['asaSeconds', 'seconds'],
          ['occupancy', 'ratio'],
        ] as const
      ).map(([key, kind]) => [
        text(channelName(r.channel, l)),
        text(figureName(key, l)),
        { value: r.model[key], kind },
        estimate(r.simulated[key], kind),
      ]),
    ),
  };
}

/** The waterfalls: total cost and cost per contact from the baseline through each lever to the scenario. */
function bridgeCharts(outcome: PlanOutcome, l: LocaleFormat): PlanDocument['bridges'] {
  if (outcome.bridge.length === 0) return [];
  const h = (k: PlanLabelKey, values?: Record<string, string>) => l.text(PLAN_LABELS[k], values);
  const chart = (
    title: string,
    start: string | null,
    end: string | null,
    pick: (b: PlanOutcome['bridge'][number]) => string | null,
  ) =>
    start === null || end === null || outcome.bridge.some((b) => pick(b) === null)
      ? []
      : [
          {
            title,
            data: {
              start: { label: h('baseline'), value: Number(start) },
              steps: outcome.bridge.map((b) => ({ label: leverName(b.lever, l), value: Number(pick(b)) })),
              end: { label: h('scenario'), value: Number(end) },
            },
          },
        ];
  return [
    ...chart(h('chartCost'), outcome.baseline.totals.cost, outcome.scenario.totals.cost, (b) => b.cost),
    ...chart(
      h('chartCostPerContact'),
      outcome.baseline.totals.costPerContact,
      outcome.scenario.totals.costPerContact,
      (b) => b.costPerContact,
    ),
  ];
}
