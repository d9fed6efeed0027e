/**
 * What a ClickHouse server can do, found by running a small query for each and checking its answer
 * (never by reading the version). The SQL the compiler writes depends on these alone, so the same
 * abilities give the same SQL on any server.
 */
export interface ClickHouseAbilities {
  /** DateTime64: instants keep milliseconds. */
  dateTime64: boolean;
  /** lead(…) OVER (PARTITION BY … ORDER BY …). */
  windowFunctions: boolean;
  /** GROUP BY GROUPING SETS with standard grouping() bits and NULL for keys aggregated away. */
  groupingSets: boolean;
  /** quantileExactInclusive: the exact, linearly interpolated quantile (as quantile_cont). */
  interpolatedQuantile: boolean;
}

/** Abilities of ClickHouse 18.16 (Debian 12's package), the oldest server percontact supports. */
export const BASELINE_ABILITIES: ClickHouseAbilities = {
  dateTime64: false,
  windowFunctions: false,
  groupingSets: false,
  interpolatedQuantile: false,
};

type Select = (sql: string) => Promise<Record<string, unknown>[]>;

const PROBES: Record<keyof ClickHouseAbilities, { sql: string; expect: unknown[] }> = {
  dateTime64: {
    sql: "SELECT toString(toDateTime64('2026-01-02 03:04:05.678', 3, 'UTC')) AS v",
    expect: [{ v: '2026-01-02 03:04:05.678' }],
  },
  windowFunctions: {
    sql: 'SELECT lead(toNullable(number)) OVER (PARTITION BY number < 5 ORDER BY number) AS n FROM numbers(2)',
    expect: [{ n: 1 }, { n: null }],
  },
  groupingSets: {
    sql: `SELECT k, grouping(k) AS g FROM (SELECT 1 AS k) GROUP BY GROUPING SETS ((k), ()) ORDER BY g
      SETTINGS group_by_use_nulls = 1`,
    expect: [
      { k: 1, g: 0 },
      { k: null, g: 1 },
    ],
  },
  interpolatedQuantile: {
    sql: 'SELECT quantileExactInclusive(0.5)(number) AS q FROM numbers(4)',
    expect: [{ q: 1.5 }],
  },
};

export async function probeAbilities(select: Select): Promise<ClickHouseAbilities> {
  const found = { ...BASELINE_ABILITIES };
  for (const [name, probe] of Object.entries(PROBES) as [
    keyof ClickHouseAbilities,
    (typeof PROBES)[keyof ClickHouseAbilities],
  ][]) {
    try {
      const rows = (await select(probe.sql)).map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
        ),
      );
      found[name] = JSON.stringify(rows) === JSON.stringify(probe.expect);
    } catch {
      found[name] = false;
    }
  }
  return found;
}
