/**
 * The report benchmarks' data, the same on every engine: contacts generated inside the engine by
 * one formula written in each engine's SQL (integer arithmetic only, so every engine draws the same
 * values), three cost lines, and the timing helpers.
 */
import { localToInstant } from '../src/calendar/time-zone.js';
import type { Engine } from '../src/engine/engine.js';
import { costLineRow } from '../src/engine/rows.js';
import { COST_LINES_TABLE } from '../src/engine/schema.js';
import { costLine } from '../src/test-support/fixtures.js';

/** How one engine spells what the generator needs. */
export interface GeneratorSql {
  /** A FROM clause with a BIGINT column `i` running over [from, from + count). */
  numbers(from: number, count: number): string;
  text(expr: string): string;
  concat(a: string, b: string): string;
  /** The instant `seconds` (an integer expression) after 2025-01-01 00:00 UTC. */
  instant(seconds: string): string;
  /** A DOUBLE from an expression (for fractions). */
  double(expr: string): string;
  integer(expr: string): string;
}

/** The k-th uniform draw in [0, 1) for row i: a multiplicative hash modulo a prime, in integers. */
const draw = (g: GeneratorSql, k: number) =>
  `${g.double(`(i * ${[7919, 104729, 1299709, 15485863, 32452843, 49979687, 67867967][k]} + ${k * 7 + 3}) % 1000003`)} / 1000003`;

/** SELECT of the CONTACTS_TABLE columns for `count` contacts from number `from` over 2025. */
export function contactsSelect(g: GeneratorSql, from: number, count: number, customers: number): string {
  const h = (k: number) => `h${k}`;
  const draws = Array.from({ length: 7 }, (_, k) => `${draw(g, k)} AS ${h(k)}`).join(', ');
  const columns = [
    "'bench'",
    g.text('i'),
    `CASE WHEN h0 < 0.55 THEN 'voice' WHEN h0 < 0.75 THEN 'email' WHEN h0 < 0.9 THEN 'chat' WHEN h0 < 0.95 THEN 'social' ELSE 'self_service' END`,
    `CASE WHEN h1 < 0.97 THEN 'inbound' ELSE 'outbound' END`,
    g.concat("'q'", g.text('i % 4')),
    g.concat("'t'", g.text('i % 3')),
    g.concat("'a'", g.text('i % 80')),
    'NULL',
    g.concat("'c'", g.text(g.integer(`h2 * ${customers}`))),
    'NULL',
    g.instant(g.integer('h3 * 31536000')),
    'NULL',
    `h4 * 120`,
    'NULL',
    'NULL',
    'NULL',
    'CASE WHEN h5 < 0.9 THEN 120 + h6 * 600 ELSE NULL END',
    `CASE WHEN h0 >= 0.95 THEN 'self_served' WHEN h5 < 0.9 THEN 'handled' WHEN h5 < 0.98 THEN 'abandoned' ELSE 'callback' END`,
    'NULL',
    'CASE WHEN h6 < 0.3 THEN h4 ELSE NULL END',
    'NULL',
    'NULL',
  ];
  return `SELECT ${columns.join(', ')} FROM (SELECT i, ${draws} FROM ${g.numbers(from, count)}) AS drawn`;
}

export const DUCKDB_GENERATOR: GeneratorSql = {
  numbers: (from, count) => `range(${from}, ${from + count}) t(i)`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  concat: (a, b) => `${a} || ${b}`,
  instant: (s) => `TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds(${s})`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  integer: (e) => `CAST(floor(${e}) AS BIGINT)`,
};

export const POSTGRES_GENERATOR: GeneratorSql = {
  numbers: (from, count) => `generate_series(${from}::bigint, ${from + count - 1}::bigint) AS t(i)`,
  text: (e) => `CAST(${e} AS text)`,
  concat: (a, b) => `${a} || ${b}`,
  instant: (s) => `TIMESTAMPTZ '2025-01-01 00:00:00+00' + make_interval(secs => ${s})`,
  double: (e) => `CAST(${e} AS double precision)`,
  integer: (e) => `CAST(floor(${e}) AS bigint)`,
};

/** `numbers(N)` with an offset (18.16 has no numbers(from, count)). */
export const CLICKHOUSE_GENERATOR: GeneratorSql = {
  numbers: (from, count) => `(SELECT toInt64(number) + ${from} AS i FROM numbers(${count}))`,
  text: (e) => `toString(${e})`,
  concat: (a, b) => `concat(${a}, ${b})`,
  instant: (s) => `toDateTime(toUInt32(toDateTime('2025-01-01 00:00:00', 'UTC')) + ${s}, 'UTC')`,
  double: (e) => `toFloat64(${e})`,
  integer: (e) => `toInt64(floor(${e}))`,
};

/** A year's shared wages and technology and voice-direct telephony. */
export async function appendBenchLedger(engine: Engine): Promise<void> {
  const year = { periodStart: '2025-01-01', periodEnd: '2026-01-01' };
  await engine.append(COST_LINES_TABLE, [
    costLineRow(costLine({ id: 'wages', category: 'agent_wages', amount: '9000000.00', ...year })),
    costLineRow(costLine({ id: 'acd', category: 'technology', amount: '240000.00', ...year })),
    costLineRow(
      costLine({ id: 'tel', category: 'telephony', amount: '120000.00', channel: 'voice', ...year }),
    ),
  ]);
}

/** The starts of 2025's months after January in Berlin time, as UTC instants (what a careful analyst writes). */
export function monthStarts(): Date[] {
  return Array.from({ length: 11 }, (_, m) =>
    localToInstant(`2025-${String(m + 2).padStart(2, '0')}-01`, 'Europe/Berlin'),
  );
}

/** The first and the day after the last instant of 2025 in Berlin. */
export const YEAR_BOUNDS = [
  localToInstant('2025-01-01', 'Europe/Berlin'),
  localToInstant('2026-01-01', 'Europe/Berlin'),
];

export async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** Best of `runs`, alternating the two sides so drift on the shared machine hits both alike. */
export async function compare(
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
