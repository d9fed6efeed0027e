import { useEffect, useState } from 'preact/hooks';
import { Chart } from '../components/chart.js';
import { ErrorBox } from '../components/error-box.js';
import { Figure } from '../components/figure.js';
import { Table } from '../components/table.js';
import { ViewHead } from '../components/view-head.js';
import { useDashboard } from '../context.js';
import type { TermKey } from '../i18n/terms.js';
import type { Texts } from '../i18n/texts.js';
import { getJson, sendJson } from '../lib/api.js';
import { staffingOption } from '../lib/chart-options.js';
import { byIntervalStart, intervalLabel, planPeriod, type StaffPlan } from '../lib/staffing.js';
import type { Report } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const CHANNELS = ['voice', 'chat', 'email', 'messaging', 'social', 'sms', 'video'];
const INTERVALS = [900, 1800, 3600];

/** The plan's numeric settings as form fields: parameter, label, width. */
const NUMBER_FIELDS: [Exclude<keyof Settings, 'channel' | 'interval'>, TermKey, number][] = [
  ['sl', 'slTarget', 5],
  ['within', 'within', 5],
  ['shrinkage', 'shrinkage', 5],
  ['maxOccupancy', 'maxOccupancy', 5],
  ['hourlyCost', 'hourlyCost', 7],
];

/** The plan's settings in the URL, named as the staff endpoint's parameters. */
interface Settings {
  channel: string;
  interval: string;
  sl: string;
  within: string;
  shrinkage: string;
  maxOccupancy: string;
  hourlyCost: string;
}

const DEFAULTS: Settings = {
  channel: 'voice',
  interval: '1800',
  sl: '0.8',
  within: '',
  shrinkage: '0.3',
  maxOccupancy: '0.9',
  hourlyCost: '',
};

function staffParams(s: Settings): Record<string, string | number | undefined> {
  const num = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
  return {
    interval: num(s.interval),
    sl: num(s.sl),
    within: num(s.within),
    shrinkage: num(s.shrinkage),
    maxOccupancy: num(s.maxOccupancy),
    hourlyCost: s.hourlyCost.trim() === '' ? undefined : s.hourlyCost.trim().replace(',', '.'),
  };
}

export function StaffingView() {
  const { state, navigate, tx } = useDashboard();
  const settings: Settings = { ...DEFAULTS, ...(state.extra as Partial<Settings>) };
  const day = planPeriod(state.from);
  const [source, setSource] = useState<'history' | 'csv'>('history');
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [draft, setDraft] = useState({ ...settings, day: day ?? '' });
  useEffect(() => {
    if (day || source !== 'history') return;
    // Without a day or week in the link: the last whole week with data.
    getJson<Report>('/report', { period: 'week' }).then((r) => {
      const last = r.periodTotals.filter((p) => !p.partial).at(-1)?.period;
      if (last) navigate({ from: last, to: last }, { replace: true });
    });
  }, [day, source]);
  useEffect(() => setDraft((d) => ({ ...d, day: day ?? d.day })), [day]);
  const key =
    source === 'history'
      ? `h|${day}|${JSON.stringify(settings)}`
      : `c|${csv?.name}|${csv?.text.length}|${JSON.stringify(settings)}`;
  const loaded = useApi<StaffPlan | undefined>(() => {
    if (source === 'history')
      return day
        ? getJson<StaffPlan>('/staff', {
            from: day,
            to: day,
            channel: settings.channel || undefined,
            ...staffParams(settings),
          })
        : Promise.resolve(undefined);
    return csv
      ? sendJson<StaffPlan>('POST', '/staff', { intervals: csv.text, ...staffParams(settings) })
      : Promise.resolve(undefined);
  }, [key]);
  const set = (name: keyof typeof draft) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) =>
    setDraft({ ...draft, [name]: e.currentTarget.value });
  return (
    <section aria-labelledby="staffing-heading">
      <ViewHead id="staffing-heading" title={tx.t('viewStaffing')} />
      <form
        class="controls"
        onSubmit={(e) => {
          e.preventDefault();
          const { day: chosen, ...rest } = draft;
          const extra = Object.fromEntries(
            Object.entries(rest).filter(([k, v]) => v !== '' && v !== DEFAULTS[k as keyof Settings]),
          );
          const period = planPeriod(chosen.trim());
          navigate({ extra, ...(source === 'history' && period ? { from: period, to: period } : {}) });
        }}
      >
        <fieldset class="source">
          <legend>{tx.t('staffingSource')}</legend>
          <label class="inline">
            <input
              type="radio"
              name="source"
              value="history"
              checked={source === 'history'}
              onChange={() => setSource('history')}
            />
            {tx.t('sourceHistory')}
          </label>
          <label class="inline">
            <input
              type="radio"
              name="source"
              value="csv"
              checked={source === 'csv'}
              onChange={() => setSource('csv')}
            />
            {tx.t('sourceCsv')}
          </label>
        </fieldset>
        {source === 'history' ? (
          <>
            <label>
              {tx.t('dayOrWeek')}
              <input name="day" size={11} value={draft.day} onInput={set('day')} />
            </label>
            <label>
              {tx.t('channel')}
              <select name="channel" value={draft.channel} onChange={set('channel')}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {tx.channel(c)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label>
            {tx.t('intervalCsv')}
            <input
              type="file"
              name="intervals"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (file) setCsv({ name: file.name, text: await file.text() });
              }}
            />
          </label>
        )}
        <label>
          {tx.t('intervalLength')}
          <select name="interval" value={draft.interval} onChange={set('interval')}>
            {INTERVALS.map((i) => (
              <option key={i} value={String(i)}>
                {tx.t('minutes', { n: String(i / 60) })}
              </option>
            ))}
          </select>
        </label>
        {NUMBER_FIELDS.map(([name, term, size]) => (
          <label key={name}>
            {tx.t(term)}
            <input name={name} size={size} inputMode="decimal" value={draft[name]} onInput={set(name)} />
          </label>
        ))}
        <button type="submit" class="primary">
          {tx.t('computePlan')}
        </button>
      </form>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {loaded.loading && <p class="loading">{tx.t('loading')}</p>}
      {loaded.data && !loaded.loading && <Plan plan={loaded.data} tx={tx} target={Number(settings.sl)} />}
    </section>
  );
}

function Plan({ plan, tx, target }: { plan: StaffPlan; tx: Texts; target: number }) {
  const sums = byIntervalStart(plan.intervals);
  const t = plan.total;
  const withSegment = plan.intervals.some((i) => i.segment);
  return (
    <>
      <section class="panel" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{tx.t('staffingHeading')}</h2>
        <ul class="summary">
          <li>
            {tx.term({ en: 'Contacts', de: 'Kontakte' })}
            <Figure
              metric="plan.contacts"
              value={t.contacts}
              shown={tx.decimal(t.contacts, Number.isInteger(t.contacts) ? 0 : 1)}
            />
          </li>
          <li>
            {tx.t('staffedHours')}
            <Figure metric="plan.staffedHours" value={t.staffedHours} shown={tx.decimal(t.staffedHours, 1)} />
          </li>
          <li>
            {tx.term({ en: 'Scheduled hours', de: 'Eingeplante Stunden' })}
            <Figure
              metric="plan.scheduledHours"
              value={t.scheduledHours}
              shown={tx.decimal(t.scheduledHours, 1)}
            />
          </li>
          <li>
            {tx.t('labourCost')}
            <Figure metric="plan.labourCost" value={t.labourCost} shown={tx.money(t.labourCost)} />
          </li>
          <li>
            {tx.t('labourCostPerContact')}
            <Figure
              metric="plan.labourCostPerContact"
              value={t.labourCostPerContact}
              shown={tx.money(t.labourCostPerContact)}
            />
          </li>
        </ul>
        <Chart
          id="staffing-chart"
          option={staffingOption(sums, tx, target)}
          label={tx.t('staffingHeading')}
          height={320}
        />
      </section>
      <section class="panel" aria-labelledby="intervals-heading">
        <h2 id="intervals-heading">{tx.t('intervalStart')}</h2>
        <Table
          label={tx.t('intervalStart')}
          tall
          class="intervals"
          columns={[
            { label: tx.t('intervalStart') },
            ...(withSegment ? [{ label: tx.t('segment') }] : []),
            ...(
              ['calls', 'aht', 'requiredAgents', 'scheduledAgents', 'serviceLevel', 'occupancy'] as const
            ).map((k) => ({
              label: tx.t(k),
              num: true,
            })),
          ]}
        >
          <tbody>
            {plan.intervals.map((i) => (
              <tr key={`${i.intervalStart}|${i.segment ?? ''}`}>
                <th scope="row">{intervalLabel(i.intervalStart, tx.lang, tx.date)}</th>
                {withSegment && <td>{segmentText(i.segment, tx)}</td>}
                <td class="num">{tx.decimal(i.calls, Number.isInteger(i.calls) ? 0 : 1)}</td>
                <td class="num">{tx.decimal(i.ahtSeconds, 0)}</td>
                <td class="num">
                  <Figure
                    metric="interval.agents"
                    value={i.agents}
                    shown={tx.count(i.agents)}
                    period={i.intervalStart}
                  />
                </td>
                <td class="num">
                  <Figure
                    metric="interval.scheduled"
                    value={i.scheduled}
                    shown={tx.count(i.scheduled)}
                    period={i.intervalStart}
                  />
                </td>
                <td class="num">
                  <Figure
                    metric="interval.serviceLevel"
                    value={i.serviceLevel}
                    shown={tx.percent(i.serviceLevel)}
                    period={i.intervalStart}
                  />
                </td>
                <td class="num">{tx.percent(i.occupancy)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}

/** "voice/billing" with the channel in the reader's words. */
function segmentText(segment: string | undefined, tx: Texts): string {
  if (!segment) return '';
  const [channel = '', ...rest] = segment.split('/');
  return [tx.channel(channel), ...rest].join(' / ');
}
