import { useEffect, useState } from 'preact/hooks';
import { Chart } from '../components/chart.js';
import { ErrorBox } from '../components/error-box.js';
import { Figure } from '../components/figure.js';
import { Table } from '../components/table.js';
import { ViewHead } from '../components/view-head.js';
import { useDashboard } from '../context.js';
import type { Texts } from '../i18n/texts.js';
import { getJson, sendJson } from '../lib/api.js';
import { waterfallOption } from '../lib/chart-options.js';
import {
  LEVER_CONTROLS,
  type LeverControl,
  type LeverValues,
  scenarioOf,
  startValue,
  valuesFromParams,
} from '../lib/levers.js';
import { granularityOf } from '../lib/periods.js';
import { type PlanOutcome, planBridgeSteps } from '../lib/plan.js';
import { loadScenarios, saveScenarios } from '../lib/saved-scenarios.js';
import { weekdaysIn } from '../lib/staffing.js';
import type { Report } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const CONSTRAINTS = { service_level: 'baseline', abandon_rate_max: 0.05 };

/** The months the plan's baseline covers: from and to when they are months, else the last three months of data. */
function useRange(): { from: string; to: string } | undefined {
  const { state, navigate } = useDashboard();
  const months =
    state.from && state.to && granularityOf(state.from) === 'month' && granularityOf(state.to) === 'month';
  useEffect(() => {
    if (months) return;
    getJson<Report>('/report', { period: 'month' }).then((r) => {
      const labels = r.periodTotals.filter((p) => !p.partial).map((p) => p.period);
      const to = labels.at(-1);
      if (to) navigate({ period: 'month', from: labels.at(-3) ?? labels[0], to }, { replace: true });
    });
  }, [months]);
  return months ? { from: state.from as string, to: state.to as string } : undefined;
}

export function PlannerView() {
  const { state, navigate, tx, me } = useDashboard();
  const range = useRange();
  const values: LeverValues = valuesFromParams(state.extra);
  const scenario = scenarioOf(values, CONSTRAINTS);
  const key = JSON.stringify([range, scenario]);
  const [debounced, setDebounced] = useState(key);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(key), 350);
    return () => clearTimeout(t);
  }, [key]);
  // The baseline is derived once per range (GET /plan/baseline) and sent with every scenario: a
  // recompute then only evaluates the levers, in a fraction of the time a derivation takes.
  const baseline = useApi<{ baseline: unknown } | undefined>(
    () => (range ? getJson<{ baseline: unknown }>('/plan/baseline', range) : Promise.resolve(undefined)),
    [range?.from, range?.to],
  );
  const loaded = useApi<PlanOutcome | undefined>(
    () =>
      baseline.data
        ? sendJson<PlanOutcome>('POST', '/plan/run', {
            baseline: baseline.data.baseline,
            scenario: (JSON.parse(debounced) as [unknown, unknown])[1],
          })
        : Promise.resolve(undefined),
    [debounced, baseline.data],
  );
  const busy = baseline.loading || loaded.loading || debounced !== key;
  const error = baseline.error ?? loaded.error;
  const setValue = (c: LeverControl, v: number | undefined) => {
    const extra = { ...state.extra };
    if (v === undefined) delete extra[c.id];
    else extra[c.id] = String(v);
    navigate({ extra }, { replace: true });
  };
  if (me.role === 'viewer')
    return (
      <section aria-labelledby="planner-heading">
        <h1 id="planner-heading">{tx.t('viewPlanner')}</h1>
        <p class="panel muted">{tx.t('plannerNeedsAnalyst')}</p>
      </section>
    );
  return (
    <section aria-labelledby="planner-heading">
      <ViewHead id="planner-heading" title={tx.t('viewPlanner')}>
        <p class="muted">
          {range && `${tx.t('baseline')}: ${tx.period(range.from)} – ${tx.period(range.to)}`}
        </p>
      </ViewHead>
      <p class="hint">{tx.t('plannerIntro')}</p>
      <div class="planner">
        <section class="panel" aria-labelledby="levers-heading">
          <h2 id="levers-heading">{tx.t('levers')}</h2>
          <div class="levers">
            {LEVER_CONTROLS.map((c) => (
              <Lever key={c.id} control={c} value={values[c.id]} onChange={(v) => setValue(c, v)} tx={tx} />
            ))}
          </div>
          <div class="actions">
            <button type="button" onClick={() => navigate({ extra: {} }, { replace: true })}>
              {tx.t('resetLevers')}
            </button>
          </div>
          <SavedScenarios
            values={values}
            onLoad={(v) =>
              navigate({ extra: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) })
            }
          />
        </section>
        <div class="planner-results" aria-live="polite" aria-busy={busy}>
          {busy && <p class="loading">{tx.t('computing')}</p>}
          {error && <ErrorBox error={error} />}
          {loaded.data && <Outcome o={loaded.data} tx={tx} />}
        </div>
      </div>
    </section>
  );
}

function leverText(c: LeverControl, v: number, tx: Texts): string {
  switch (c.unit) {
    case 'share':
      return tx.percent(v, 0);
    case 'change':
      return tx.percent(v, 1, true);
    case 'seconds':
      return `${tx.decimal(v, 0)}\u00a0s`;
    case 'money':
      return tx.moneyChange(v.toFixed(2));
    case 'number':
      return tx.decimal(v, 1);
  }
}

function Lever({
  control: c,
  value,
  onChange,
  tx,
}: {
  control: LeverControl;
  value?: number;
  onChange(v?: number): void;
  tx: Texts;
}) {
  const keepsBaseline = c.off === -1;
  const shown = value ?? startValue(c);
  const id = `lever-${c.id.replaceAll('.', '-')}`;
  return (
    <div class="lever" data-lever={c.id}>
      <label for={id}>{tx.term(c.label)}</label>
      {keepsBaseline && (
        <label class="inline small">
          <input
            type="checkbox"
            checked={value !== undefined}
            onChange={(e) => onChange(e.currentTarget.checked ? startValue(c) : undefined)}
          />
          {tx.t('leverSet')}
        </label>
      )}
      <input
        id={id}
        type="range"
        min={c.min}
        max={c.max}
        step={c.step}
        value={shown}
        disabled={keepsBaseline && value === undefined}
        aria-valuetext={leverText(c, shown, tx)}
        onInput={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output for={id} data-metric={`lever.${c.id}`} data-value={value ?? ''}>
        {keepsBaseline && value === undefined ? tx.t('leverBaseline') : leverText(c, shown, tx)}
      </output>
    </div>
  );
}

function SavedScenarios({ values, onLoad }: { values: LeverValues; onLoad(v: LeverValues): void }) {
  const { tx } = useDashboard();
  const [saved, setSaved] = useState(loadScenarios);
  const [name, setName] = useState('');
  const store = (next: Record<string, LeverValues>) => {
    saveScenarios(next);
    setSaved(next);
  };
  return (
    <section aria-labelledby="saved-heading" class="saved">
      <h3 id="saved-heading">{tx.t('savedScenarios')}</h3>
      <form
        class="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) store({ ...saved, [name.trim()]: values });
        }}
      >
        <label class="field">
          {tx.t('scenarioName')}
          <input name="scenario-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit">{tx.t('saveScenario')}</button>
      </form>
      <ul class="saved-list">
        {Object.entries(saved).map(([n, v]) => (
          <li key={n}>
            <button type="button" onClick={() => onLoad(v)} aria-label={`${tx.t('loadScenario')}: ${n}`}>
              {n}
            </button>
            <button
              type="button"
              aria-label={`${tx.t('deleteScenario')}: ${n}`}
              onClick={() => {
                const { [n]: _, ...rest } = saved;
                store(rest);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Outcome({ o, tx }: { o: PlanOutcome; tx: Texts }) {
  const rows: { key: keyof PlanOutcome['baseline']['totals']; label: string; show(v: never): string }[] = [
    {
      key: 'costPerContact',
      label: tx.term({ en: 'Cost per contact', de: 'Kosten je Kontakt' }),
      show: (v: string) => tx.money(v),
    },
    {
      key: 'cost',
      label: tx.term({ en: 'Total cost', de: 'Gesamtkosten' }),
      show: (v: string) => tx.money(v),
    },
    { key: 'contacts', label: tx.term({ en: 'Contacts', de: 'Kontakte' }), show: (v: number) => tx.count(v) },
    {
      key: 'serviceLevel',
      label: tx.term({ en: 'Service level', de: 'Servicelevel' }),
      show: (v: number) => tx.percent(v),
    },
    {
      key: 'abandonRate',
      label: tx.term({ en: 'Abandon rate', de: 'Abbruchquote' }),
      show: (v: number) => tx.percent(v),
    },
    {
      key: 'scheduledFte',
      label: tx.term({ en: 'Scheduled FTE', de: 'Eingeplante VZÄ' }),
      show: (v: number) => tx.decimal(v, 1),
    },
  ];
  const steps = planBridgeSteps(o, tx);
  return (
    <>
      <section class="panel" aria-labelledby="outcome-heading">
        <h2 id="outcome-heading">
          {tx.t('baseline')} / {tx.t('scenario')}
        </h2>
        <table class="outcome">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{tx.t('segment')}</span>
              </th>
              <th scope="col" class="num">
                {tx.t('baseline')}
              </th>
              <th scope="col" class="num">
                {tx.t('scenario')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const b = o.baseline.totals[r.key] as never;
              const s = o.scenario.totals[r.key] as never;
              return (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td class="num">
                    <Figure metric={`baseline.${r.key}`} value={b} shown={b === null ? '' : r.show(b)} />
                  </td>
                  <td class="num">
                    <Figure metric={`scenario.${r.key}`} value={s} shown={s === null ? '' : r.show(s)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {steps.length > 0 && (
        <section class="panel" aria-labelledby="plan-bridge-heading">
          <h2 id="plan-bridge-heading">{tx.t('planBridge')}</h2>
          <Chart
            id="plan-bridge-chart"
            option={waterfallOption(steps, tx)}
            label={tx.t('planBridge')}
            height={260}
          />
          <ul class="bridge-list">
            {o.bridge.map((b) => (
              <li key={b.lever}>
                {b.lever}:{' '}
                <Figure
                  metric={`bridge.${b.lever}`}
                  value={b.costPerContact}
                  shown={tx.moneyChange(b.costPerContact)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Constraints o={o} tx={tx} />
    </>
  );
}

function Constraints({ o, tx }: { o: PlanOutcome; tx: Texts }) {
  const share = (v: number | null) => tx.percent(v, 1);
  return (
    <section class="panel" aria-labelledby="constraints-heading">
      <h2 id="constraints-heading">{tx.t('constraints')}</h2>
      <Table
        label={tx.t('constraints')}
        columns={[
          { label: tx.t('channel') },
          { label: tx.t('constraint') },
          { label: tx.t('targetValue'), num: true },
          { label: tx.t('scenario'), num: true },
          { label: tx.t('status') },
        ]}
      >
        <tbody>
          {o.constraints.map((c) => {
            const first = o.violations.find(
              (v) => v.name === c.name && v.channel === c.channel && v.at !== null,
            );
            return (
              <tr
                key={`${c.name}|${c.channel}`}
                data-constraint={c.name}
                data-channel={c.channel}
                data-met={String(c.met)}
              >
                <td>{tx.channel(c.channel)}</td>
                <td>
                  {c.name === 'service_level'
                    ? tx.t('serviceLevel')
                    : c.name === 'abandon_rate_max'
                      ? tx.t('maxAbandon')
                      : c.name}
                </td>
                <td class="num">{share(c.target)}</td>
                <td class="num">{share(c.value)}</td>
                <td class={c.met && c.violations === 0 ? 'status-met' : 'status-violated'}>
                  {c.met && c.violations === 0
                    ? tx.t('met')
                    : `${tx.t('violated')}${first ? ` — ${tx.t('violationAt', { count: tx.count(c.violations), at: weekdaysIn(first.at ?? '', tx.lang) })}` : ''}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
