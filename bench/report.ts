/**
 * Monthly cost per contact by channel over N contacts (default 10 million; PERCONTACT_BENCH_CONTACTS
 * for quick runs), against one hand-written DuckDB query computing the same contact figures (counts,
 * sums, service level counts, repeats by window, handle-time quantiles per month × channel, per month
 * and overall), in the same run on the same database file. Also times `explain` and `drivers`-style
 * two-period reports, which must answer in under a second.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localToInstant } from '../src/calendar/time-zone.js';
import { DuckDbEngine } from '../src/engine/duckdb/engine.js';
import { costLineRow } from '../src/engine/rows.js';
import { COST_LINES_TABLE } from '../src/engine/schema.js';
import { costPerContactReport } from '../src/metrics/cost-per-contact.js';
import { resolveDefinitions } from '../src/metrics/definitions.js';
import { driversReport } from '../src/metrics/drivers/drivers-report.js';
import { explain } from '../src/metrics/explain.js';
import { defaultConfig } from '../src/model/config.js';
import { costLine } from '../src/test-support/fixtures.js';
import type { BenchResult } from './run.js';

const CONTACTS = Number(process.env.PERCONTACT_BENCH_CONTACTS ?? 10_000_000);

/** Contacts spread over 2025, five channels, a pool of customers so that repeats occur. */
export function fillSql(n: number): string {
  return `INSERT INTO contacts
    SELECT 'bench', CAST(i AS VARCHAR),
      CASE WHEN h < 0.55 THEN 'voice' WHEN h < 0.75 THEN 'email' WHEN h < 0.9 THEN 'chat' WHEN h < 0.95 THEN 'social' ELSE 'self_service' END,
      CASE WHEN h2 < 0.97 THEN 'inbound' ELSE 'outbound' END,
      'q' || CAST(i % 4 AS VARCHAR), 't' || CAST(i % 3 AS VARCHAR), 'a' || CAST(i % 80 AS VARCHAR), NULL,
      'c' || CAST(CAST(h3 * ${Math.max(1, Math.floor(n / 8))} AS BIGINT) AS VARCHAR), NULL,
      TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(CAST(h4 * 365 * 86400 AS BIGINT)),
      NULL, CAST(h5 * 120 AS DOUBLE), NULL, NULL, NULL,
      CASE WHEN h6 < 0.9 THEN 120 + h7 * 600 ELSE NULL END,
      CASE WHEN h >= 0.95 THEN 'self_served' WHEN h6 < 0.9 THEN 'handled' WHEN h6 < 0.98 THEN 'abandoned' ELSE 'callback' END,
      NULL, CASE WHEN h7 < 0.3 THEN h5 ELSE NULL END, NULL, NULL
    FROM (SELECT i, hash(i) % 1000000 / 1e6 AS h, hash(i + 1) % 1000000 / 1e6 AS h2, hash(i + 2) % 1000000 / 1e6 AS h3,
                 hash(i + 3) % 1000000 / 1e6 AS h4, hash(i + 4) % 1000000 / 1e6 AS h5, hash(i + 5) % 1000000 / 1e6 AS h6,
                 hash(i + 6) % 1000000 / 1e6 AS h7 FROM range(${n}) t(i))`;
}

/** What an analyst fluent in DuckDB would write for the headline figures per month × channel. */
const HEADLINE_COLUMNS = `
  COUNT(*) FILTER (WHERE counted) AS contacts,
  COUNT(*) FILTER (WHERE counted AND channel = 'voice') AS voice_contacts,
  COUNT(*) FILTER (WHERE handled) AS handled,
  SUM(handle_seconds) FILTER (WHERE handled) AS handle_seconds,
  SUM(handle_seconds) FILTER (WHERE outcome = 'handled') AS weight_handle_seconds,
  SUM(wait_seconds) FILTER (WHERE handled) AS wait_answered,
  COUNT(*) FILTER (WHERE handled AND wait_seconds IS NOT NULL) AS answered_timed,
  COUNT(*) FILTER (WHERE handled AND wait_seconds <= threshold) AS answered_within,
  COUNT(*) FILTER (WHERE abandoned) AS abandoned,
  COUNT(*) FILTER (WHERE abandoned AND wait_seconds <= 5) AS abandoned_short,
  COUNT(*) FILTER (WHERE abandoned AND wait_seconds <= threshold) AS abandoned_within,
  COUNT(*) FILTER (WHERE inbound AND outcome IN ('handled', 'abandoned', 'callback')) AS offered,
  COUNT(*) FILTER (WHERE inbound AND outcome = 'self_served') AS self_served,
  COUNT(*) FILTER (WHERE counted AND customer IS NOT NULL) AS with_customer,
  COUNT(csat) AS csat_count, SUM(csat) AS csat_sum, COUNT(*) FILTER (WHERE csat >= 0.75) AS csat_top,
  COUNT(*) AS rows`;

/** The flags computed once per row, as the analyst would. */
const FLAGS = `direction = 'inbound' AS inbound,
    direction = 'inbound' AND outcome IN ('handled', 'callback') AS counted,
    direction = 'inbound' AND outcome = 'handled' AS handled,
    direction = 'inbound' AND outcome = 'abandoned' AS abandoned,
    CASE WHEN channel = 'email' THEN 86400 WHEN channel IN ('social', 'messaging', 'sms') THEN 3600 ELSE 20 END AS threshold`;

const YEAR = `arrived_at >= TIMESTAMPTZ '2024-12-31 23:00:00+00'`;
const YEAR_END = `TIMESTAMPTZ '2025-12-31 23:00:00+00'`;

const HAND_HEADLINE_SQL = `
SELECT CASE ${monthCase()} END AS period, channel, ${HEADLINE_COLUMNS}
FROM (SELECT *, ${FLAGS} FROM contacts WHERE ${YEAR} AND arrived_at < ${YEAR_END})
GROUP BY 1, 2`;

/** The full figures add repeats (by a window over each customer's counted contacts) and quantiles per set. */
const REPEAT = `customer IS NOT NULL AND epoch(next_at) - epoch(arrived_at) <= 604800`;
const HAND_FULL_SQL = `
SELECT CASE ${monthCase()} END AS period, channel, ${HEADLINE_COLUMNS},
  COUNT(*) FILTER (WHERE counted AND ${REPEAT}) AS repeats,
  COUNT(*) FILTER (WHERE counted AND (resolved OR (resolved IS NULL AND NOT coalesce(${REPEAT}, false)))) AS resolutions,
  quantile_cont(handle_seconds, 0.5) FILTER (WHERE handled) AS aht_median,
  quantile_cont(handle_seconds, 0.9) FILTER (WHERE handled) AS aht_p90
FROM (
  SELECT *, ${FLAGS},
    LEAD(arrived_at) OVER (PARTITION BY customer, direction = 'inbound' AND outcome IN ('handled', 'callback') ORDER BY arrived_at) AS next_at
  FROM contacts WHERE ${YEAR} AND arrived_at < TIMESTAMPTZ '2026-01-08 23:00:00+00'
) WHERE arrived_at < ${YEAR_END}
GROUP BY GROUPING SETS ((period, channel), (period), ())`;

/** Month of 2025 in Berlin time as comparisons with the month starts' instants (what a careful analyst writes). */
function monthCase(): string {
  const starts = Array.from({ length: 12 }, (_, m) =>
    localToInstant(`2025-${String(m + 1).padStart(2, '0')}-01`, 'Europe/Berlin'),
  );
  return starts
    .slice(1)
    .map(
      (s, m) =>
        `WHEN arrived_at < TIMESTAMPTZ '${s.toISOString().replace('T', ' ').replace('.000Z', '+00')}' THEN ${m}`,
    )
    .join(' ')
    .concat(' ELSE 11');
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** Best of `runs`, alternating the two sides so drift on the shared machine hits both alike. */
async function compare(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  let bestA = Number.POSITIVE_INFINITY;
  let bestB = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    bestA = Math.min(bestA, (await time(a))[0]);
    bestB = Math.min(bestB, (await time(b))[0]);
  }
  return [bestA, bestB];
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-report-'));
  const engine = await DuckDbEngine.open(join(dir, 'bench.duckdb'));
  try {
    await engine.migrate();
    await engine.execute(fillSql(CONTACTS));
    await engine.append(COST_LINES_TABLE, [
      costLineRow(
        costLine({
          id: 'wages',
          category: 'agent_wages',
          amount: '9000000.00',
          periodStart: '2025-01-01',
          periodEnd: '2026-01-01',
        }),
      ),
      costLineRow(
        costLine({
          id: 'acd',
          category: 'technology',
          amount: '240000.00',
          periodStart: '2025-01-01',
          periodEnd: '2026-01-01',
        }),
      ),
      costLineRow(
        costLine({
          id: 'tel',
          category: 'telephony',
          amount: '120000.00',
          periodStart: '2025-01-01',
          periodEnd: '2026-01-01',
          channel: 'voice',
        }),
      ),
    ]);
    const d = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
    const year = { granularity: 'month' as const, from: '2025-01', to: '2025-12', by: ['channel' as const] };
    const headline = () => costPerContactReport(engine, d, year);
    const full = () => costPerContactReport(engine, d, { ...year, detail: 'full' });
    await headline();
    await engine.query(HAND_HEADLINE_SQL);
    const [headlineMs, handHeadlineMs] = await compare(3, headline, () => engine.query(HAND_HEADLINE_SQL));
    const [fullMs, handFullMs] = await compare(2, full, () => engine.query(HAND_FULL_SQL));
    const [explainMs] = await time(() =>
      explain(engine, d, { period: '2025-06', segment: { channel: 'voice' } }),
    );
    const [twoMs] = await time(() =>
      driversReport(engine, d, { from: '2025-05', to: '2025-06', by: ['channel'] }),
    );
    const contacts = `${(CONTACTS / 1e6).toFixed(1)} M contacts`;
    return [
      {
        name: `report month × channel, ${contacts}`,
        baselineName: 'hand-written SQL, same figures',
        ms: headlineMs,
        baselineMs: handHeadlineMs,
        note: 'target ≤ 1.3×',
      },
      {
        name: `report --detail full, ${contacts}`,
        baselineName: 'hand-written SQL with repeats and quantiles',
        ms: fullMs,
        baselineMs: handFullMs,
        note: 'target ≤ 1.3×',
      },
      {
        name: `explain one month × channel, ${contacts}`,
        baselineName: '1 s budget',
        ms: explainMs,
        baselineMs: 1000,
        note: 'target < 1',
      },
      {
        name: `drivers 2025-05 → 2025-06 by channel, ${contacts}`,
        baselineName: '1 s budget',
        ms: twoMs,
        baselineMs: 1000,
        note: 'target < 1',
      },
    ];
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}
