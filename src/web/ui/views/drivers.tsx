import { useEffect, useState } from 'preact/hooks';
import { BreakdownSelect } from '../components/breakdown-select.js';
import { Chart } from '../components/chart.js';
import { ErrorBox } from '../components/error-box.js';
import { Figure } from '../components/figure.js';
import { Table } from '../components/table.js';
import { ViewHead } from '../components/view-head.js';
import { useDashboard } from '../context.js';
import type { TermKey } from '../i18n/terms.js';
import type { Texts } from '../i18n/texts.js';
import { getJson } from '../lib/api.js';
import { bridgeRows, bridgeSum, waterfallSteps } from '../lib/bridge.js';
import { waterfallOption } from '../lib/chart-options.js';
import { equalDecimals, sumDecimals } from '../lib/decimal.js';
import { granularityOf, previousPeriod } from '../lib/periods.js';
import type { Drivers, Report } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const FACTOR_TERMS: Record<string, TermKey> = {
  aht: 'factorAht',
  loadedRate: 'factorLoadedRate',
  productivity: 'factorProductivity',
  handledShare: 'factorHandledShare',
};

/** Two periods of the same kind: `from` and `to` as given, else the last period with data and the one before. */
function chosenPeriods(from?: string, to?: string): { from: string; to: string } | undefined {
  if (!from || !to) return undefined;
  const kind = granularityOf(from);
  return kind && kind === granularityOf(to) && from !== to ? { from, to } : undefined;
}

export function DriversView() {
  const { state, navigate, tx } = useDashboard();
  const chosen = chosenPeriods(state.from, state.to);
  useEffect(() => {
    if (chosen) return;
    // Without two periods in the link: the last period of data and the one before it.
    getJson<Report>('/report', { period: state.period, to: state.to }).then((r) => {
      const last = r.periodTotals.at(-1)?.period;
      if (last) navigate({ from: previousPeriod(last), to: last }, { replace: true });
    });
  }, [chosen?.from, chosen?.to]);
  const [draft, setDraft] = useState({ from: state.from ?? '', to: state.to ?? '', by: state.by });
  useEffect(
    () => setDraft({ from: state.from ?? '', to: state.to ?? '', by: state.by }),
    [state.from, state.to, state.by],
  );
  const loaded = useApi(
    () =>
      chosen
        ? getJson<Drivers>('/drivers', { from: chosen.from, to: chosen.to, by: state.by })
        : new Promise<Drivers>(() => {}),
    [chosen?.from, chosen?.to, state.by],
  );
  const d = loaded.data;
  return (
    <section aria-labelledby="drivers-heading">
      <ViewHead id="drivers-heading" title={tx.t('viewDrivers')} />
      <form
        class="controls"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ from: draft.from.trim() || undefined, to: draft.to.trim() || undefined, by: draft.by });
        }}
      >
        <label>
          {tx.t('earlierPeriod')}
          <input
            name="from"
            size={10}
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </label>
        <label>
          {tx.t('laterPeriod')}
          <input
            name="to"
            size={10}
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </label>
        <BreakdownSelect value={draft.by} onChange={(by) => setDraft({ ...draft, by })} />
        <button type="submit" class="primary">
          {tx.t('apply')}
        </button>
        <p class="hint">{tx.t('driversIntro')}</p>
      </form>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {!d && !loaded.error && <p class="loading">{tx.t('loading')}</p>}
      {d && <DriversBody d={d} tx={tx} />}
    </section>
  );
}

function DriversBody({ d, tx }: { d: Drivers; tx: Texts }) {
  const rows = bridgeRows(d, tx);
  const [from, to] = d.periods;
  const sum = bridgeSum(rows);
  const end = d.costPerContact[1];
  return (
    <>
      <section class="panel" aria-labelledby="bridge-heading">
        <h2 id="bridge-heading">
          {tx.t('driversHeading', { from: tx.period(from?.label ?? ''), to: tx.period(to?.label ?? '') })}
        </h2>
        {rows.length > 0 && (
          <div class="grid-2">
            <Chart
              id="bridge-chart"
              option={waterfallOption(waterfallSteps(rows), tx)}
              label={tx.t('viewDrivers')}
              height={320}
            />
            <table class="bridge">
              <thead>
                <tr>
                  <th scope="col">{tx.t('bridgePart')}</th>
                  <th scope="col" class="num">
                    {tx.t('bridgeEffect')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} class={r.kind}>
                    <th scope="row">{r.label}</th>
                    <td class="num">
                      <Figure
                        metric={`bridge.${r.key}`}
                        value={r.value}
                        shown={r.kind === 'level' ? tx.money(r.value) : tx.moneyChange(r.value)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{tx.t('bridgeCheck')}</th>
                  <td class="num">
                    <Figure metric="bridge.sum" value={sum} shown={tx.money(sum)} />{' '}
                    {end !== null && (equalDecimals(sum, end) ? '✓' : '≠')}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      {d.labour && <Labour d={d} tx={tx} />}
      <Segments d={d} tx={tx} />
      <details class="panel">
        <summary>{tx.t('method')}</summary>
        <ul>
          {d.method.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

function Labour({ d, tx }: { d: Drivers; tx: Texts }) {
  const labour = d.labour as NonNullable<Drivers['labour']>;
  const [from, to] = d.periods;
  const effects = sumDecimals(labour.factors.map((f) => f.effect));
  return (
    <section class="panel" aria-labelledby="labour-heading">
      <h2 id="labour-heading">{tx.t('labourHeading')}</h2>
      <Table
        label={tx.t('labourHeading')}
        columns={[
          { label: tx.t('factor') },
          { label: tx.period(from?.label ?? ''), num: true },
          { label: tx.period(to?.label ?? ''), num: true },
          { label: tx.t('bridgeEffect'), num: true },
        ]}
      >
        <tbody>
          <tr>
            <th scope="row">{tx.t('labourCostPerContact')}</th>
            <td class="num">{tx.money(labour.costPerContact[0])}</td>
            <td class="num">{tx.money(labour.costPerContact[1])}</td>
            <td class="num">
              <Figure metric="labour.change" value={labour.change} shown={tx.moneyChange(labour.change)} />
            </td>
          </tr>
          {labour.factors.map((f) => (
            <tr key={f.name}>
              <th scope="row">{FACTOR_TERMS[f.name] ? tx.t(FACTOR_TERMS[f.name] as TermKey) : f.label}</th>
              <td class="num">{tx.decimal(Number(f.values[0]), decimalsOf(f.values[0]))}</td>
              <td class="num">{tx.decimal(Number(f.values[1]), decimalsOf(f.values[1]))}</td>
              <td class="num">
                <Figure metric={`labour.${f.name}`} value={f.effect} shown={tx.moneyChange(f.effect)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {tx.t('sumOfParts')}
            </th>
            <td class="num">
              <Figure metric="labour.sum" value={effects} shown={tx.moneyChange(effects)} />
            </td>
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}

function decimalsOf(text: string): number {
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

function Segments({ d, tx }: { d: Drivers; tx: Texts }) {
  const [from, to] = d.periods;
  const name = (dims: Record<string, string | null>) =>
    Object.entries(dims)
      .map(([k, v]) => (k === 'channel' ? tx.channel(v) : (v ?? tx.t('segmentNone'))))
      .join(' / ');
  return (
    <section class="panel" aria-labelledby="segments-heading">
      <h2 id="segments-heading">{tx.t('segmentsHeading')}</h2>
      <Table
        label={tx.t('segmentsHeading')}
        columns={[
          { label: tx.t('segment') },
          { label: tx.period(from?.label ?? ''), num: true },
          { label: tx.period(to?.label ?? ''), num: true },
          { label: tx.t('bridgeMix'), num: true },
          { label: tx.t('bridgeCostGrowth'), num: true },
          { label: tx.t('bridgeVolumeGrowth'), num: true },
          { label: tx.t('total'), num: true },
        ]}
      >
        <tbody>
          {d.segments.map((s) => {
            const seg = Object.fromEntries(Object.entries(s.dimensions));
            return (
              <tr key={name(s.dimensions)}>
                <th scope="row">{name(s.dimensions)}</th>
                <td class="num">{tx.money(s.costPerContact[0])}</td>
                <td class="num">{tx.money(s.costPerContact[1])}</td>
                {(['mix', 'costGrowth', 'volumeGrowth', 'total'] as const).map((part) => (
                  <td class="num" key={part}>
                    <Figure
                      metric={`segment.${part}`}
                      value={s[part]}
                      shown={tx.moneyChange(s[part])}
                      segment={seg}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
