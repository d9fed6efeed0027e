/**
 * The report month × channel on the other engines, each against hand-written SQL computing the same
 * figures on the same engine, in the same run (the data: report-data.ts, the same on every engine):
 * - embedded current ClickHouse (chdb), always;
 * - PostgreSQL and one ClickHouse server where PERCONTACT_TEST_PG_URL / PERCONTACT_TEST_CLICKHOUSE_URL
 *   are set (`scripts/test-servers.sh bench` starts local servers), PERCONTACT_BENCH_CONTACTS
 *   contacts (default 10 million);
 * - the 2-shard ClickHouse cluster (PERCONTACT_TEST_CLICKHOUSE_CLUSTER) at growing sizes
 *   (PERCONTACT_BENCH_CLUSTER_SIZES, default 1, 10 and 100 million), each shard generating its half
 *   inside ClickHouse, to show the cost grows linearly with the rows.
 * A missing server is skipped with a message.
 */
import { ClickHouseEngine } from '../src/engine/clickhouse/engine.js';
import type { Engine } from '../src/engine/engine.js';
import { PostgresEngine } from '../src/engine/postgres/engine.js';
import { costPerContactReport } from '../src/metrics/cost-per-contact.js';
import { resolveDefinitions } from '../src/metrics/definitions.js';
import { defaultConfig } from '../src/model/config.js';
import { HAND_HEADLINE_SQL } from './report.js';
import {
  appendBenchLedger,
  CLICKHOUSE_GENERATOR,
  compare,
  contactsSelect,
  monthStarts,
  POSTGRES_GENERATOR,
  YEAR_BOUNDS,
} from './report-data.js';
import type { BenchResult } from './run.js';

const CONTACTS = Number(process.env.PERCONTACT_BENCH_CONTACTS ?? 10_000_000);
const CLUSTER_SIZES = (process.env.PERCONTACT_BENCH_CLUSTER_SIZES ?? '1000000,10000000,100000000')
  .split(',')
  .map(Number);

const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
const year = { granularity: 'month' as const, from: '2025-01', to: '2025-12', by: ['channel' as const] };
const namespace = () => `pc_bench_${Date.now().toString(36)}`;
const millions = (n: number) => `${(n / 1e6).toLocaleString('en-US')} M contacts`;

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const pg = process.env.PERCONTACT_TEST_PG_URL;
  const ch = process.env.PERCONTACT_TEST_CLICKHOUSE_URL;
  const cluster = process.env.PERCONTACT_TEST_CLICKHOUSE_CLUSTER;
  results.push(
    await measure(
      'ClickHouse embedded (chdb, current)',
      await ClickHouseEngine.openEmbedded(namespace()),
      CONTACTS,
    ),
  );
  if (pg) {
    const schema = namespace();
    results.push(
      await measure(
        'PostgreSQL',
        await PostgresEngine.open({ url: pg, schema }),
        CONTACTS,
        `DROP SCHEMA ${schema} CASCADE`,
      ),
    );
  } else skipped('PostgreSQL', 'PERCONTACT_TEST_PG_URL');
  if (ch) {
    const database = namespace();
    const engine = await ClickHouseEngine.open({ urls: [ch], database });
    results.push(await measure('ClickHouse server', engine, CONTACTS, `DROP DATABASE ${database}`));
  } else skipped('ClickHouse server', 'PERCONTACT_TEST_CLICKHOUSE_URL');
  if (cluster) results.push(...(await clusterScaling(cluster)));
  else skipped('ClickHouse 2-shard cluster', 'PERCONTACT_TEST_CLICKHOUSE_CLUSTER');
  return results;
}

function skipped(name: string, env: string): void {
  process.stderr.write(
    `  report on ${name}: skipped, set ${env} (scripts/test-servers.sh bench starts local servers)\n`,
  );
}

/** One engine filled with `n` contacts: the report against the hand-written SQL, best of 3. */
async function measure(name: string, engine: Engine, n: number, drop?: string): Promise<BenchResult> {
  try {
    await engine.migrate();
    const clickhouse = engine instanceof ClickHouseEngine;
    const insert = `INSERT INTO contacts ${contactsSelect(clickhouse ? CLICKHOUSE_GENERATOR : POSTGRES_GENERATOR, 0, n, n / 8)}`;
    await engine.execute(insert);
    await appendBenchLedger(engine);
    if (!clickhouse) await engine.execute('ANALYZE contacts');
    return await versusHand(name, engine, n, clickhouse ? CLICKHOUSE_HAND_SQL : HAND_HEADLINE_SQL);
  } finally {
    if (drop) await engine.execute(drop);
    await engine.close();
  }
}

async function versusHand(name: string, engine: Engine, n: number, hand: string): Promise<BenchResult> {
  const report = () => costPerContactReport(engine, definitions, year);
  const counted = (await report()).totals.measures.contacts;
  const handCounted = (await engine.query(hand)).reduce((s, r) => s + Number(r.contacts), 0);
  if (counted !== handCounted)
    throw new Error(`${name}: the report counts ${counted} contacts, the hand SQL ${handCounted}`);
  const [ms, handMs] = await compare(3, report, () => engine.query(hand));
  return {
    name: `report month × channel on ${name}, ${millions(n)}`,
    baselineName: 'hand-written SQL, same figures, same engine',
    ms,
    baselineMs: handMs,
    note: `${counted.toLocaleString('en-US')} counted contacts on both sides; target ≤ 1.3×`,
  };
}

/**
 * The cluster at each size: every shard generates its half of the contacts into its local table
 * (inside ClickHouse, no data crosses the client), then the report and the hand SQL run on the
 * Distributed table.
 */
async function clusterScaling(spec: string): Promise<BenchResult[]> {
  const [cluster, urls] = spec.split('@') as [string, string];
  const database = namespace();
  const engine = await ClickHouseEngine.open({ urls: urls.split(','), database, cluster });
  const results: BenchResult[] = [];
  try {
    await engine.migrate();
    await appendBenchLedger(engine);
    let filled = 0;
    for (const size of CLUSTER_SIZES) {
      const started = performance.now();
      await Promise.all(
        engine.nodes.map((node, shard) =>
          node.command(
            `INSERT INTO contacts_local ${contactsSelect(CLICKHOUSE_GENERATOR, filled + shard * ((size - filled) / 2), (size - filled) / 2, size / 8)}`,
          ),
        ),
      );
      process.stderr.write(
        `  cluster: ${millions(size)} generated in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
      );
      filled = size;
      const result = await versusHand(`the 2-shard ClickHouse cluster`, engine, size, CLICKHOUSE_HAND_SQL);
      results.push({
        ...result,
        note: `${result.note}; ${(result.ms / (size / 1e6)).toFixed(0)} ms per million rows`,
      });
    }
    return results;
  } finally {
    for (const node of engine.nodes) await node.command(`DROP DATABASE IF EXISTS ${database}`);
    await engine.close();
  }
}

/**
 * The headline figures as a ClickHouse analyst writes them: the flags as WITH aliases, -If
 * combinators, multiIf for the month, one level over the table (so a cluster's shards aggregate).
 */
export const CLICKHOUSE_HAND_SQL = (() => {
  const at = (d: Date) => `toDateTime('${d.toISOString().slice(0, 19).replace('T', ' ')}', 'UTC')`;
  const months = monthStarts()
    .map((s, m) => `arrived_at < ${at(s)}, ${m}`)
    .join(', ');
  const [from, to] = YEAR_BOUNDS as [Date, Date];
  return `
WITH direction = 'inbound' AS inbound, inbound AND outcome IN ('handled', 'callback') AS counted,
  inbound AND outcome = 'handled' AS handled, inbound AND outcome = 'abandoned' AS abandoned,
  multiIf(channel = 'email', 86400, channel IN ('social', 'messaging', 'sms'), 3600, 20) AS threshold
SELECT multiIf(${months}, 11) AS period, channel,
  countIf(counted) AS contacts, countIf(counted AND channel = 'voice') AS voice_contacts,
  countIf(handled) AS handled_contacts, sumIf(handle_seconds, handled) AS handle_total,
  sumIf(handle_seconds, outcome = 'handled') AS weight_handle_seconds,
  sumIf(wait_seconds, handled) AS wait_answered, countIf(handled AND isNotNull(wait_seconds)) AS answered_timed,
  countIf(handled AND wait_seconds <= threshold) AS answered_within, countIf(abandoned) AS abandoned_contacts,
  countIf(abandoned AND wait_seconds <= 5) AS abandoned_short, countIf(abandoned AND wait_seconds <= threshold) AS abandoned_within,
  countIf(inbound AND outcome IN ('handled', 'abandoned', 'callback')) AS offered,
  countIf(inbound AND outcome = 'self_served') AS self_served, countIf(counted AND isNotNull(customer)) AS with_customer,
  count(csat) AS csat_count, sum(csat) AS csat_sum, countIf(csat >= 0.75) AS csat_top, count() AS rows
FROM contacts WHERE arrived_at >= ${at(from)} AND arrived_at < ${at(to)}
GROUP BY period, channel`;
})();
