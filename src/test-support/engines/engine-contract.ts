import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine, ResultRow } from '../../engine/engine.js';
import { runMigrations } from '../../engine/migrate.js';
import { MIGRATIONS, schemaAfter } from '../../engine/migrations/index.js';
import { type AggregateQuery, and, column, eq, literal } from '../../engine/query.js';
import { contactRow } from '../../engine/rows.js';
import {
  CONTACTS_TABLE,
  COST_LINES_TABLE,
  type RowValues,
  type TableDef,
  VOLUMES_TABLE,
} from '../../engine/schema.js';
import {
  CHANNEL_HANDLE,
  contactMeasuresQuery,
  FIRST_ARRIVED,
  groupingSets,
  LAST_ARRIVED,
  OWN_OCCUPIED,
} from '../../metrics/contact-measures.js';
import type { Contact } from '../../model/contact.js';
import { contact } from '../fixtures.js';
import {
  EXPECTED_CONTACTS_BY_PERIOD,
  EXPECTED_FINE,
  EXPECTED_QUANTILES,
  MEASURE_CONTACTS,
  MEASURE_DEFINITIONS,
  MEASURE_PERIODS,
  MEASURE_RANGE,
} from './measures-fixture.js';
import { ledgerLine, readBack, storedContact } from './rows.js';

/**
 * The engine contract: migrations, types, transactions, change sets, bulk rows, and the report's
 * compiled contact measures, over engines `fresh` opens (each dropped after its test).
 */
export function engineContractTests(fresh: () => Promise<Engine>): void {
  it('migrates once and records every version', async () => {
    const engine = await fresh();
    const latest = MIGRATIONS.length;
    expect(await engine.migrate()).toBe(latest);
    expect(await engine.migrate()).toBe(latest);
    const [row] = await engine.query('SELECT COUNT(*) AS n FROM schema_version');
    expect(row?.n).toBe(latest);
  });

  it('brings a schema of version 3 up to date and keeps its rows', async () => {
    const engine = await fresh();
    expect(await runMigrations(engine, MIGRATIONS.slice(0, 3))).toBe(3);
    const v3 = new Map(schemaAfter(MIGRATIONS.slice(0, 3)).map((t) => [t.name, t]));
    const at = new Date('2026-03-02T09:00:00Z');
    const old = ['pbx', '1', 'chat', 'inbound', null, null, null, null, null, null, at];
    await engine.append(v3.get('contacts') as TableDef, [
      [...old, null, null, null, null, null, 300, 'handled', null, null],
    ]);
    expect(await runMigrations(engine)).toBe(MIGRATIONS.length);
    expect(await readBack(engine, CONTACTS_TABLE, 'id')).toEqual([
      expect.objectContaining({ id: '1', handle_seconds: 300, import_id: null, concurrency: null }),
    ]);
    // The live definition appends in the migrated table's physical column order.
    const added = ['pbx', '2', 'chat', 'inbound', null, null, null, null, null, null, at];
    await engine.append(CONTACTS_TABLE, [
      [...added, null, null, null, null, null, 240, 'handled', null, null, 'i2', 2.5],
    ]);
    const rows = await readBack(engine, CONTACTS_TABLE, 'id');
    expect(rows.map((r) => [r.id, r.import_id, r.concurrency])).toEqual([
      ['1', null, null],
      ['2', 'i2', 2.5],
    ]);
  });

  it('round-trips every column type: text, exact decimal text, numbers, booleans, instants, dates', async () => {
    const engine = await fresh();
    await engine.migrate();
    const instant = new Date('2026-03-29T01:30:45.123Z');
    const stored = engine.dialect.capabilities.subsecondInstants
      ? instant
      : new Date('2026-03-29T01:30:45.000Z');
    await engine.append(CONTACTS_TABLE, [
      contactValues('a', true, 0.75, instant),
      contactValues('b', false, null, instant),
      contactValues('c', null, 1, instant),
    ]);
    const contacts = await readBack(engine, CONTACTS_TABLE, 'id');
    expect(contacts.map((r) => r.resolved)).toEqual([true, false, null]);
    expect(contacts.map((r) => r.csat)).toEqual([0.75, null, 1]);
    expect(contacts[0]).toMatchObject({
      queue: TRICKY_TEXT,
      team: null,
      agent: '\\N',
      topic: '',
      customer: 'NULL',
    });
    expect(contacts[0]).toMatchObject({ arrived_at: stored, ivr_seconds: 0 });
    expect(contacts[0]).toMatchObject({
      wait_seconds: 1 / 3,
      talk_seconds: 1e-9,
      hold_seconds: 12_345_678.25,
    });
    expect(contacts[0]?.handle_seconds).toBe(9_007_199_254_740_991);

    const amounts = ['12345678901234567890.123456789', '0.10', '-0.005'];
    await engine.append(
      COST_LINES_TABLE,
      amounts.map((amount, i) => ledgerLine(`l${i}`, amount, '2026-02-28', '2026-03-01')),
    );
    const lines = await readBack(engine, COST_LINES_TABLE, 'id');
    expect(lines.map((r) => r.amount)).toEqual(amounts);
    expect(lines.map((r) => [r.period_start, r.period_end])).toEqual(
      amounts.map(() => ['2026-02-28', '2026-03-01']),
    );

    await engine.append(VOLUMES_TABLE, [volume('v', null, 9_007_199_254_740_991)]);
    const [v] = await readBack(engine, VOLUMES_TABLE, 'source');
    expect(v).toMatchObject({
      queue: null,
      offered: 9_007_199_254_740_991,
      interval_start: new Date('2026-03-02T09:00:00Z'),
    });
  });

  it('rolls back a failed transaction', async (ctx) => {
    const engine = await fresh();
    ctx.skip(
      !engine.dialect.capabilities.transactions,
      `${engine.dialect.displayName} has no transactions (change sets make writes atomic)`,
    );
    await engine.migrate();
    await expect(
      engine.transaction(async () => {
        await engine.append(COST_LINES_TABLE, [ledgerLine('c1', '10.00')]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readBack(engine, COST_LINES_TABLE, 'id')).toEqual([]);
  });

  it('deletes synchronously', async (ctx) => {
    const engine = await fresh();
    ctx.skip(
      !engine.dialect.capabilities.syncDelete,
      `${engine.dialect.displayName} has no synchronous DELETE (change sets remove rows)`,
    );
    await engine.migrate();
    await engine.append(COST_LINES_TABLE, [ledgerLine('c1', '1'), ledgerLine('c2', '2')]);
    await engine.execute("DELETE FROM cost_lines WHERE id = 'c1'");
    expect((await readBack(engine, COST_LINES_TABLE, 'id')).map((r) => r.id)).toEqual(['c2']);
  });

  it('publishes a change set whole: removals, then puts replacing rows with the same key (NULL keys too)', async () => {
    const engine = await fresh();
    await engine.migrate();
    await engine.append(CONTACTS_TABLE, [
      storedContact('1', 'i1', '2026-01-10'),
      storedContact('2', 'i1', '2026-02-10'),
      storedContact('3', 'i2', '2026-02-11'),
    ]);
    await engine.append(VOLUMES_TABLE, [volume('pbx', null, 10), volume('pbx', 'q1', 20)]);
    const result = await engine.changeSet('imp3', async (changes) => {
      await changes.remove(CONTACTS_TABLE, eq(column('import_id'), literal('i1')));
      // Contact 3 moves from February to March: its old row goes, its new one lands.
      expect(
        await changes.put(CONTACTS_TABLE, [
          storedContact('3', 'i3', '2026-03-01'),
          storedContact('4', 'i3', '2026-01-20'),
        ]),
      ).toBe(2);
      await changes.put(VOLUMES_TABLE, [volume('pbx', null, 11)]);
      // Nothing shows before the change set is published.
      expect((await readBack(engine, CONTACTS_TABLE, 'id')).map((r) => r.id)).toEqual(['1', '2', '3']);
      return 'done';
    });
    expect(result).toBe('done');
    const contacts = await readBack(engine, CONTACTS_TABLE, 'id');
    expect(contacts.map((r) => [r.id, r.import_id, r.arrived_at])).toEqual([
      ['3', 'i3', new Date('2026-03-01T10:00:00Z')],
      ['4', 'i3', new Date('2026-01-20T10:00:00Z')],
    ]);
    const volumes = await readBack(engine, VOLUMES_TABLE, 'offered');
    expect(volumes.map((r) => [r.queue, r.offered])).toEqual([
      [null, 11],
      ['q1', 20],
    ]);
  });

  it('leaves the store as it was when the work of a change set fails, and puts idempotently', async () => {
    const engine = await fresh();
    await engine.migrate();
    await engine.append(CONTACTS_TABLE, [storedContact('1', 'i1', '2026-01-10')]);
    await expect(
      engine.changeSet('failing', async (changes) => {
        await changes.put(CONTACTS_TABLE, [
          storedContact('1', 'i2', '2026-01-11'),
          storedContact('2', 'i2', '2026-02-11'),
        ]);
        await changes.remove(CONTACTS_TABLE, literal(true));
        throw new Error('bad row');
      }),
    ).rejects.toThrow('bad row');
    expect((await readBack(engine, CONTACTS_TABLE, 'id')).map((r) => [r.id, r.import_id])).toEqual([
      ['1', 'i1'],
    ]);
    for (const attempt of ['again1', 'again2']) {
      await engine.changeSet(attempt, async (changes) => {
        await changes.put(CONTACTS_TABLE, [
          storedContact('1', 'i2', '2026-01-11'),
          storedContact('2', 'i2', '2026-02-11'),
        ]);
      });
      expect((await readBack(engine, CONTACTS_TABLE, 'id')).map((r) => [r.id, r.import_id])).toEqual([
        ['1', 'i2'],
        ['2', 'i2'],
      ]);
    }
    await engine.changeSet('remove_only', (changes) =>
      changes.remove(
        CONTACTS_TABLE,
        and(eq(column('id'), literal('2')), eq(column('source'), literal('pbx'))),
      ),
    );
    expect((await readBack(engine, CONTACTS_TABLE, 'id')).map((r) => r.id)).toEqual(['1']);
  });

  it('moves rows in the bulk CSV form to the staging DuckDB and back, and by INSERT … SELECT', async () => {
    const engine = await fresh();
    await engine.migrate();
    const at = new Date('2026-03-29T01:30:45.123Z');
    await engine.append(CONTACTS_TABLE, [
      contactValues('a', true, 0.75, at),
      contactValues('b', false, null, at),
      contactValues('c', null, 1, at),
      storedContact('d', 'i1', '2026-01-10'),
    ]);
    const stored = await readBack(engine, CONTACTS_TABLE, 'id');
    const staging = await engine.stagingEngine();
    const dir = await mkdtemp(join(tmpdir(), 'percontact-bulk-'));
    try {
      const out = await engine.exportCsv(CONTACTS_TABLE, undefined, join(dir, 'out.csv'));
      expect(out.rows).toBe(4);
      const copy = { ...CONTACTS_TABLE, name: 'contacts_copy' };
      await staging.engine.applySchemaStep({ kind: 'createTable', table: copy });
      expect(await staging.engine.append(copy, out)).toBe(4);
      expect(await readBack(staging.engine, copy, 'id')).toEqual(stored);
      const back = await staging.engine.exportQuery(
        'SELECT * FROM contacts_copy',
        CONTACTS_TABLE,
        join(dir, 'back.csv'),
        engine.dialect.capabilities,
      );
      const returned = { ...CONTACTS_TABLE, name: 'contacts_back' };
      await engine.applySchemaStep({ kind: 'createTable', table: returned });
      expect(await engine.append(returned, back)).toBe(4);
      expect(await readBack(engine, returned, 'id')).toEqual(stored);
      const selected = { ...CONTACTS_TABLE, name: 'contacts_selected' };
      await engine.applySchemaStep({ kind: 'createTable', table: selected });
      const select = engine.dialect.createCompiler().compileSelect({
        from: 'contacts',
        columns: CONTACTS_TABLE.columns.map((col) => ({ name: col.name, expr: column(col.name) })),
      });
      expect(await engine.append(selected, { select })).toBe(4);
      expect(await readBack(engine, selected, 'id')).toEqual(stored);
    } finally {
      await staging.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('adds rows in a change set beside stored ones, in partitions with rows that stay and in new ones', async () => {
    const engine = await fresh();
    await engine.migrate();
    await engine.append(CONTACTS_TABLE, [
      storedContact('1', 'i1', '2026-01-10'),
      storedContact('5', 'i1', '2026-01-12'),
    ]);
    await engine.changeSet('adding', async (changes) => {
      const added = await changes.add(CONTACTS_TABLE, [
        storedContact('2', 'i3', '2026-01-11'),
        storedContact('3', 'i3', '2026-03-11'),
      ]);
      expect(added).toBe(2);
      await changes.put(CONTACTS_TABLE, [storedContact('5', 'i3', '2026-01-13')]);
    });
    const contacts = await readBack(engine, CONTACTS_TABLE, 'id');
    expect(contacts.map((r) => [r.id, r.import_id, r.arrived_at])).toEqual([
      ['1', 'i1', new Date('2026-01-10T10:00:00Z')],
      ['2', 'i3', new Date('2026-01-11T10:00:00Z')],
      ['3', 'i3', new Date('2026-03-11T10:00:00Z')],
      ['5', 'i3', new Date('2026-01-13T10:00:00Z')],
    ]);
  });

  it('aggregates over no rows: counts and sums 0, min and max NULL', async () => {
    const engine = await fresh();
    await engine.migrate();
    await engine.append(CONTACTS_TABLE, MEASURE_CONTACTS.map(contactRow));
    const query: AggregateQuery = {
      from: 'contacts',
      where: eq(column('channel'), literal('fax')),
      groupBy: [],
      aggregates: [
        { name: 'n', fn: 'count' },
        { name: 's', fn: 'sum', expr: column('handle_seconds') },
        { name: 'first', fn: 'min', expr: column('arrived_at') },
        { name: 'longest', fn: 'max', expr: column('handle_seconds'), filter: literal(true) },
      ],
    };
    const rows = await engine.query(engine.dialect.createCompiler().compileAggregate(query));
    expect(rows).toEqual([{ n: 0, s: 0, first: null, longest: null }]);
  });

  describe('the report contact measures, compiled', () => {
    const measures = async (detail: 'headline' | 'full') => {
      const engine = await fresh();
      await engine.migrate();
      await engine.append(CONTACTS_TABLE, MEASURE_CONTACTS.map(contactRow));
      const query = contactMeasuresQuery(
        MEASURE_DEFINITIONS,
        MEASURE_PERIODS,
        ['channel'],
        ['channel'],
        MEASURE_RANGE,
        detail,
      );
      const rows = await engine.query(engine.dialect.createCompiler().compileAggregate(query));
      return new Map(rows.map((r) => [rowKey(r), r]));
    };

    it('headline: additive measures per month and channel in one scan', async () => {
      const rows = await measures('headline');
      expect([...rows.keys()].sort()).toEqual(Object.keys(EXPECTED_FINE).sort());
      for (const [key, expected] of Object.entries(EXPECTED_FINE)) {
        const row = rows.get(key) as ResultRow;
        expect(pick(row, Object.keys(expected.figures)), key).toEqual(expected.figures);
        expect(row).not.toHaveProperty('repeats');
      }
    });

    it('headline: timed handled contacts, agent-occupied parts and first and last arrival', async () => {
      // February 2026, chat: c1 600 s handled 2 at once (its own concurrency), c2 300 s, c3
      // handled without handle time; voice: v1 200 s. By hand: chat handledTimed 2, own part
      // 600 ÷ 2 = 300, the channel's part (no own concurrency) 300 s; voice 1, 0, 200 s.
      const engine = await fresh();
      await engine.migrate();
      const stored = (c: Contact, concurrency: number | null): RowValues => [
        ...contactRow(c),
        null,
        concurrency,
      ];
      const chat = (id: string, day: string, handleSeconds: number | null) =>
        contact({ id, channel: 'chat', arrivedAt: new Date(`2026-02-${day}T10:00:00Z`), handleSeconds });
      await engine.append(CONTACTS_TABLE, [
        stored(chat('c1', '03', 600), 2),
        stored(chat('c2', '09', 300), null),
        stored(chat('c3', '20', null), null),
        stored(contact({ id: 'v1', arrivedAt: new Date('2026-02-05T10:00:00Z'), handleSeconds: 200 }), null),
      ]);
      const query = contactMeasuresQuery(
        MEASURE_DEFINITIONS,
        MEASURE_PERIODS,
        ['channel'],
        ['channel'],
        MEASURE_RANGE,
        'headline',
      );
      const rows = new Map(
        (await engine.query(engine.dialect.createCompiler().compileAggregate(query))).map((r) => [
          rowKey(r),
          r,
        ]),
      );
      const parts = (key: string) => {
        const r = rows.get(key) as ResultRow;
        return [r.handledTimed, r[OWN_OCCUPIED], r[CHANNEL_HANDLE], r[FIRST_ARRIVED], r[LAST_ARRIVED]];
      };
      expect(parts('1|chat')).toEqual([
        2,
        300,
        300,
        new Date('2026-02-03T10:00:00Z'),
        new Date('2026-02-20T10:00:00Z'),
      ]);
      expect(parts('1|voice')).toEqual([
        1,
        0,
        200,
        new Date('2026-02-05T10:00:00Z'),
        new Date('2026-02-05T10:00:00Z'),
      ]);
    });

    it('full: repeats, resolutions and handle-time quantiles by grouping sets', async () => {
      const rows = await measures('full');
      const { roles } = groupingSets(['channel'], ['channel']);
      const fine = [...rows.entries()].filter(([, r]) => Number(r.grouping_set) === roles.fine);
      expect(fine.map(([k]) => k).sort()).toEqual(Object.keys(EXPECTED_FINE).sort());
      for (const [key, expected] of Object.entries(EXPECTED_FINE)) {
        const row = rows.get(key) as ResultRow;
        expect(pick(row, Object.keys(expected.figures)), key).toEqual(expected.figures);
        expect([row.repeats, row.resolutions], key).toEqual([expected.repeats, expected.resolutions]);
      }
      for (const [key, [median, p90]] of Object.entries(EXPECTED_QUANTILES)) {
        const row = rows.get(key) as ResultRow;
        expect(row, key).toBeDefined();
        expectClose(row.ahtMedianSeconds, median, `${key} median`);
        expectClose(row.ahtP90Seconds, p90, `${key} p90`);
      }
      for (const [key, contacts] of Object.entries(EXPECTED_CONTACTS_BY_PERIOD))
        expect(rows.get(key)?.contacts, key).toBe(contacts);
    });
  });
}

/** `period|channel`; keys aggregated away by a grouping set read `*` (they must be NULL). */
function rowKey(r: ResultRow): string {
  const part = (v: unknown) => (v === null ? '*' : String(v));
  return `${part(r.period)}|${part(r.channel)}`;
}

function pick(row: ResultRow, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, row[n]]));
}

function expectClose(actual: unknown, expected: number | null, label: string): void {
  if (expected === null) expect(actual, label).toBeNull();
  else expect(actual as number, label).toBeCloseTo(expected, 9);
}

function volume(source: string, queue: string | null, offered: number): RowValues {
  const start = new Date('2026-03-02T09:00:00Z');
  return [
    source,
    'voice',
    queue,
    start,
    new Date('2026-03-02T09:30:00Z'),
    'PT30M',
    offered,
    0,
    0,
    null,
    null,
    null,
    null,
    null,
  ];
}

const TRICKY_TEXT = `it's "quoted", back\\slash, tab\tnew\nline, ümlaut €, \\N`;

/** A contact row with values that test an engine's types and quoting. */
function contactValues(id: string, resolved: boolean | null, csat: number | null, at: Date): RowValues {
  return [
    'src',
    id,
    'voice',
    'inbound',
    TRICKY_TEXT,
    null,
    '\\N',
    '',
    'NULL',
    null,
    at,
    0,
    1 / 3,
    1e-9,
    12_345_678.25,
    null,
    9_007_199_254_740_991,
    'handled',
    resolved,
    csat,
    null,
    null,
  ];
}
