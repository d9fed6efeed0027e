import { useEffect, useRef } from 'preact/hooks';
import { type ExplainTarget, useDashboard } from '../context.js';
import type { Texts } from '../i18n/texts.js';
import { getJson } from '../lib/api.js';
import { equalDecimals, subtractDecimals, sumDecimals } from '../lib/decimal.js';
import { formulaText } from '../lib/formula-text.js';
import { metricLabel, OUTCOME_LABELS, PART_LABELS, SHARE_METRICS } from '../lib/metric-labels.js';
import type { Explain } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorBox } from './error-box.js';
import { Figure } from './figure.js';
import { Table } from './table.js';

const MONEY_METRICS = new Set([
  'costPerContact',
  'costPerHandledContact',
  'costPerResolution',
  'costPerHandleMinute',
  'costPerCall',
]);

/** A figure taken apart: the formula filled in, and the parts behind numerator and denominator with their sums. */
export function ExplainDialog({ target, onClose }: { target: ExplainTarget; onClose(): void }) {
  const { tx } = useDashboard();
  const dialog = useRef<HTMLDialogElement>(null);
  const loaded = useApi(
    () => getJson<Explain>('/explain', { period: target.period, metric: target.metric, ...target.segment }),
    [target],
  );
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => target.opener?.focus();
  }, [target]);
  const label = tx.term(metricLabel(target.metric));
  const segment = Object.entries(target.segment)
    .map(([dim, v]) => (dim === 'channel' ? tx.channel(v) : v))
    .join(' / ');
  return (
    <dialog
      ref={dialog}
      class="explain"
      aria-labelledby="explain-heading"
      onClose={onClose}
      onCancel={onClose}
    >
      <div class="dialog-head">
        <h2 id="explain-heading">
          {tx.t('explainHeading', {
            figure: label,
            period: tx.period(target.period),
            segment: segment ? `, ${segment}` : '',
          })}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} class="close">
          {tx.t('close')}
        </button>
      </div>
      {loaded.error && <ErrorBox error={loaded.error} />}
      {loaded.loading && <p class="loading">{tx.t('loading')}</p>}
      {loaded.data && !loaded.loading && <ExplainBody e={loaded.data} tx={tx} />}
    </dialog>
  );
}

function ExplainBody({ e, tx }: { e: Explain; tx: Texts }) {
  const money = MONEY_METRICS.has(e.metric);
  const value = e.formula.value;
  const shownValue =
    value === null
      ? ''
      : money
        ? tx.money(value)
        : SHARE_METRICS.has(e.metric)
          ? tx.percent(Number(value))
          : tx.seconds(Number(value));
  return (
    <div class="explain-body">
      <section aria-labelledby="formula-heading">
        <h3 id="formula-heading">{tx.t('formula')}</h3>
        <p class="formula-text">{formulaText(e.metric, e.formula.text, tx.lang)}</p>
        <p class="formula">
          <Figure
            metric="explain.numerator"
            value={e.formula.numerator}
            shown={money ? tx.money(e.formula.numerator) : number(tx, e.formula.numerator)}
          />{' '}
          ÷{' '}
          <Figure
            metric="explain.denominator"
            value={e.formula.denominator}
            shown={number(tx, e.formula.denominator)}
          />{' '}
          = <Figure metric={`explain.${e.metric}`} value={value} shown={shownValue} class="result" />
        </p>
      </section>
      {e.costLines && e.costLines.length > 0 && <CostLines e={e} tx={tx} />}
      {e.contacts.byChannel && e.contacts.byChannel.length > 0 && <ChannelParts e={e} tx={tx} />}
      <Outcomes e={e} tx={tx} />
      {e.notes.length > 0 && (
        <ul class="notes">
          {e.notes.map((n) => (
            <li key={String(n)}>{typeof n === 'string' ? n : n.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A count grouped, a fractional number (handle minutes, a sum of scores) with its own decimals. */
function number(tx: Texts, v: string | number): string {
  const places = String(v).split('.')[1]?.length ?? 0;
  return tx.decimal(Number(v), places);
}

function SumCheck({ parts, whole, tx, metric }: { parts: string; whole: string; tx: Texts; metric: string }) {
  const ok = equalDecimals(parts, whole);
  return (
    <p class={`sum-check ${ok ? 'ok' : 'bad'}`} data-metric={metric} data-value={parts} data-whole={whole}>
      {ok ? `✓ ${tx.t('partsAddUp')}` : tx.t('partsDiffer', { diff: subtractDecimals(parts, whole) })}
    </p>
  );
}

function CostLines({ e, tx }: { e: Explain; tx: Texts }) {
  const lines = e.costLines ?? [];
  const sum = sumDecimals(lines.map((l) => l.allocated));
  return (
    <section aria-labelledby="lines-heading">
      <h3 id="lines-heading">{tx.t('costLines')}</h3>
      <Table
        label={tx.t('costLines')}
        class="lines"
        columns={[
          { label: tx.t('line') },
          { label: tx.term({ en: 'Category', de: 'Kategorie' }) },
          { label: tx.t('lineAmount'), num: true },
          { label: tx.t('periodAmount'), num: true },
          { label: tx.t('driver') },
          { label: tx.t('share'), num: true },
          { label: tx.t('allocated'), num: true },
        ]}
      >
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <th scope="row">
                <span class="line-id">{l.id}</span>
                {l.description && <span class="line-description">{l.description}</span>}
              </th>
              <td>{tx.category(l.category)}</td>
              <td class="num">
                {l.currency === e.currency ? tx.money(l.amount) : `${l.amount} ${l.currency}`}
              </td>
              <td class="num">
                <Figure metric="line.periodAmount" value={l.periodAmount} shown={tx.money(l.periodAmount)} />
              </td>
              <td>{l.driver}</td>
              <td class="num">{tx.percent(l.share, 1)}</td>
              <td class="num">
                <Figure metric="line.allocated" value={l.allocated} shown={tx.money(l.allocated)} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={6}>
              {tx.t('sumOfParts')}
            </th>
            <td class="num">
              <Figure metric="lines.sum" value={sum} shown={tx.money(sum)} />
            </td>
          </tr>
        </tfoot>
      </Table>
      <SumCheck parts={sum} whole={e.formula.numerator} tx={tx} metric="check.costLines" />
    </section>
  );
}

function ChannelParts({ e, tx }: { e: Explain; tx: Texts }) {
  const rows = e.contacts.byChannel ?? [];
  const columns = Object.keys(rows[0] ?? {}).filter((k) => k !== 'channel' && k !== 'threshold s');
  return (
    <section aria-labelledby="parts-heading">
      <h3 id="parts-heading">{tx.t('byChannelParts')}</h3>
      <Table
        label={tx.t('byChannelParts')}
        columns={[
          { label: tx.t('channel') },
          ...columns.map((c) => ({ label: PART_LABELS[c] ? tx.term(PART_LABELS[c]) : c, num: true })),
        ]}
      >
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.channel)}>
              <th scope="row">{tx.channel(String(r.channel))}</th>
              {columns.map((c) => (
                <td class="num" key={c}>
                  <Figure
                    metric={`part.${c}`}
                    value={r[c]}
                    shown={number(tx, r[c] as string | number)}
                    segment={{ channel: String(r.channel) }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{tx.t('sumOfParts')}</th>
            {columns.map((c) => {
              // Scores are fractions: summed to the 4 decimals the API gives them with, without float noise.
              const sum = Number(rows.reduce((acc, r) => acc + Number(r[c] ?? 0), 0).toFixed(4));
              return (
                <td class="num" key={c}>
                  <Figure metric={`parts.${c}.sum`} value={sum} shown={number(tx, sum)} />
                </td>
              );
            })}
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}

function Outcomes({ e, tx }: { e: Explain; tx: Texts }) {
  const counted = e.contacts.byOutcome.filter((o) => o.counted).reduce((acc, o) => acc + o.contacts, 0);
  const outcome = (key: string) => (OUTCOME_LABELS[key] ? tx.term(OUTCOME_LABELS[key]) : key);
  return (
    <section aria-labelledby="outcomes-heading">
      <h3 id="outcomes-heading">{tx.t('contactsByOutcome')}</h3>
      <Table
        label={tx.t('contactsByOutcome')}
        columns={[
          { label: tx.t('direction') },
          { label: tx.t('outcome') },
          { label: tx.term({ en: 'Contacts', de: 'Kontakte' }), num: true },
          { label: tx.t('counted') },
        ]}
      >
        <tbody>
          {e.contacts.byOutcome.map((o) => (
            <tr key={`${o.direction}-${o.outcome}`} class={o.counted ? 'counted' : ''}>
              <td>{outcome(o.direction)}</td>
              <td>{outcome(o.outcome)}</td>
              <td class="num">
                <Figure
                  metric="outcome.contacts"
                  value={o.contacts}
                  shown={tx.count(o.contacts)}
                  segment={{ outcome: o.outcome, direction: o.direction, counted: String(o.counted) }}
                />
              </td>
              <td>{o.counted ? tx.t('yes') : tx.t('no')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {tx.t('countedSum')}
            </th>
            <td class="num">
              <Figure metric="outcomes.counted.sum" value={counted} shown={tx.count(counted)} />
            </td>
            <td />
          </tr>
        </tfoot>
      </Table>
      <p>
        {tx.t('withCost')}:{' '}
        <Figure
          metric="contacts.withCost"
          value={e.contacts.withCost}
          shown={tx.count(e.contacts.withCost)}
        />
      </p>
    </section>
  );
}
