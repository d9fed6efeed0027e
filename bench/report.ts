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
import { DuckDbEngine } from '../src/engine/duckdb/engine.js';
import { costPerContactReport } from '../src/metrics/cost-per-contact.js';
import { resolveDefinitions } from '../src/metrics/definitions.js';
import { driversReport } from '../src/metrics/drivers/drivers-report.js';
import { explain } from '../src/metrics/explain.js';
import { defaultConfig } from '../src/model/config.js';
import {
  appendBenchLedger,
  compare,
  contactsSelect,
  DUCKDB_GENERATOR,
  monthStarts,
  time,
} from './report-data.js';
import type { BenchResult } from './run.js';

const CONTACTS = Number(process.env.PERCONTACT_BENCH_CONTACTS ?? 10_000_000);

/** What an analyst fluent in DuckDB (or PostgreSQL: the same SQL) would write for the headline figures per month × channel. */
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

export const HAND_HEADLINE_SQL = `
SELECT CASE ${monthCase()} END AS period, channel, ${HEADLINE_COLUMNS}
FROM (SELECT *, ${FLAGS} FROM contacts WHERE ${YEAR} AND arrived_at < ${YEAR_END}) AS flagged
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
) AS flagged WHERE arrived_at < ${YEAR_END}
GROUP BY GROUPING SETS ((period, channel), (period), ())`;

/** Month of 2025 in Berlin time as comparisons with the month starts' instants (what a careful analyst writes). */
function monthCase(): string {
  return monthStarts()
    .map(
      (s, m) =>
        `WHEN arrived_at < TIMESTAMPTZ '${s.toISOString().replace('T', ' ').replace('.000Z', '+00')}' THEN ${m}`,
    )
    .join(' ')
    .concat(' ELSE 11');
}

export async function run(): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-report-'));
  const engine = await DuckDbEngine.open(join(dir, 'bench.duckdb'));
  try {
    await engine.migrate();
    await engine.execute(
      `INSERT INTO contacts ${contactsSelect(DUCKDB_GENERATOR, 0, CONTACTS, CONTACTS / 8)}`,
    );
    await appendBenchLedger(engine);
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
