import type { Granularity } from '../calendar/period.js';
import { heading, shownPeriods } from './cells.js';
import type { CompareView } from './compare.js';
import {
  DEFINITION_LABELS,
  DIMENSION_LABELS,
  GRANULARITY_LABELS,
  LABOUR_BASIS_LABELS,
  type Term,
} from './labels.js';
import { type Locale, type LocaleFormat, localeFormat } from './locale.js';
import { noteText } from './note-text.js';
import type { ReportView } from './report-view.js';

/** What every renderer needs besides the view: the locale, the comparison and the definitions' text. */
export interface RenderContext {
  locale: LocaleFormat;
  compare?: CompareView | undefined;
  /** The definitions in force, in the locale's language (the view's own are English). */
  definitions: Record<string, string>;
  /** Terminal columns the text table must fit; undefined: full width (piped, a file). */
  width?: number | undefined;
  /** Footer facts of HTML and PDF: when, by which version, from which workspace. */
  footer?: ReportFooter | undefined;
}

export interface ReportFooter {
  /** ISO date the report was made. */
  date: string;
  version: string;
  workspace: string;
}

export function renderContext(
  view: ReportView,
  locale: Locale = 'en-US',
  extra: Partial<Omit<RenderContext, 'locale'>> = {},
): RenderContext {
  return {
    locale: localeFormat(locale, view.currency, view.granularity as Granularity),
    definitions: extra.definitions ?? view.definitions,
    compare: extra.compare,
    width: extra.width,
    footer: extra.footer,
  };
}

/**
 * The definitions as [name, text] pairs, then how labour cost was built and (`notes`) the report's
 * notes. `keys`: the English text table keeps printing the keys, as JSON has them; every other place
 * names them in the locale's words. Formats that number their notes beside the table leave them out.
 */
export function definitionEntries(
  view: ReportView,
  context: RenderContext,
  { keys = false, notes: withNotes = true }: { keys?: boolean; notes?: boolean } = {},
): [string, string][] {
  const { locale } = context;
  const definitions = Object.entries(context.definitions).map(([key, text]): [string, string] => {
    const name = DEFINITION_LABELS[key];
    return [name && !(keys && locale.lang === 'en') ? locale.text(name) : key, text];
  });
  const notes = withNotes
    ? view.notes.map((n): [string, string] => [locale.label('note'), noteText(n, locale)])
    : [];
  return [...definitions, [locale.label('labourCost'), labourText(view, locale)], ...notes];
}

/** Periods grouped by how their labour cost was built: "from the wage ledger (2026-01, 2026-02)". */
function labourText(view: ReportView, locale: LocaleFormat): string {
  const groups = new Map<string, string[]>();
  const shown = new Set(shownPeriods(view).map((t) => t.period));
  for (const [period, how] of Object.entries(view.labourBasis)) {
    if (shown.has(period)) groups.set(how, [...(groups.get(how) ?? []), period]);
  }
  return [...groups]
    .map(([how, periods]) => {
      const basis = LABOUR_BASIS_LABELS[how];
      return `${basis ? locale.text(basis) : how} (${periodsText(periods, locale)})`;
    })
    .join('; ');
}

/** A few periods by name; many as the first … the last and how many ("2025-11 … 2026-10, 12 periods"). */
function periodsText(periods: readonly string[], locale: LocaleFormat): string {
  if (periods.length <= 4) return periods.map(locale.period).join(', ');
  const count = locale.label('periodCount', { count: locale.count(periods.length) });
  return `${locale.period(periods[0] as string)} … ${locale.period(periods.at(-1) as string)}, ${count}`;
}

/** "2026-01-01 to 2026-04-01 (exclusive)", "01.01.2026 bis 01.04.2026 (ausschließlich)". */
export function rangeText(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  return locale.label('rangeText', { from: locale.date(view.from), to: locale.date(view.to) });
}

/** "month × channel", "Monat × Kanal". */
export function breakdownText(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  return [
    locale.text(GRANULARITY_LABELS[view.granularity as Granularity]),
    ...view.by.map((d) => locale.text(DIMENSION_LABELS[d])),
  ].join(' × ');
}

/** One line saying what the report is; the text table's heading. */
export function headingText(view: ReportView, context: RenderContext): string {
  const { locale } = context;
  return locale.label('tableHeading', {
    currency: view.currency,
    range: rangeText(view, context),
    granularity: locale.text(GRANULARITY_LABELS[view.granularity as Granularity]),
    breakdown: view.by.map((d) => ` × ${locale.text(DIMENSION_LABELS[d])}`).join(''),
    timezone: view.timezone,
  });
}

/** "the previous period", "der Vorjahresperiode"; undefined without a comparison. */
export function compareModeText(context: RenderContext): string | undefined {
  const { compare, locale } = context;
  if (!compare) return undefined;
  return locale.label(compare.mode === 'previous' ? 'comparePrevious' : 'compareYearAgo');
}

/** "Compared with the previous period"; undefined without a comparison. */
export function compareText(context: RenderContext): string | undefined {
  const mode = compareModeText(context);
  return mode === undefined ? undefined : `${context.locale.label('compare')} ${mode}`;
}

/** One headline figure of the grand total; `change` is its relative change where compared. */
export interface Tile {
  name: string;
  value: string;
  change?: string | undefined;
}

/** The headline figures the HTML and PDF reports open with. */
export function headlineTiles(view: ReportView, context: RenderContext): Tile[] {
  const { locale } = context;
  const t = view.totals;
  const c = context.compare?.of(t) ?? null;
  const name = (key: string) => heading(key, view, locale, 'long');
  const vs = context.compare?.mode === 'year-ago' ? 'changeVsYearAgo' : 'changeVsPrevious';
  const change = (relative: number | null | undefined) =>
    relative === null || relative === undefined
      ? undefined
      : locale.label(vs, { change: locale.percent(relative, 1, true) });
  const percent = (v: number | null) => (v === null ? '–' : locale.percent(v, 1));
  return [
    {
      name: name('cost_per_contact'),
      value: t.costPerContact === null ? '–' : locale.moneyWithCurrency(t.costPerContact),
      change: change(c?.change.relative.costPerContact),
    },
    { name: name('contacts'), value: locale.count(t.contacts), change: change(c?.change.relative.contacts) },
    {
      name: locale.text(DEFINITION_LABELS.cost as Term),
      value: t.cost === null ? '–' : locale.moneyWithCurrency(t.cost),
      change: change(c?.change.relative.cost),
    },
    { name: name('service_level'), value: percent(t.serviceLevel) },
    { name: name('abandon_rate'), value: percent(t.abandonRate) },
    { name: name('aht_seconds'), value: t.ahtSeconds === null ? '–' : locale.decimal(t.ahtSeconds, 0) },
  ];
}

/** "Generated by percontact 0.1.0 on 2026-11-02 · workspace /data/center" in the locale's words. */
export function footerText(context: RenderContext): string {
  const { locale, footer } = context;
  if (!footer) return locale.label('generatedBy');
  return locale.label('generatedFooter', {
    version: footer.version,
    date: locale.date(footer.date),
    workspace: footer.workspace,
  });
}
