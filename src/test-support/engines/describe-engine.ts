import { afterEach, describe, expect, it } from 'vitest';
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
import { ledgerLine, storedContact } from './rows.js';

/** An engine on a namespace of its own (a schema or database), dropped after the test. */
export interface TestEngine {
  engine: Engine;
  drop(): Promise<void>;
}

/**
 * The engine contract and the report's compiled contact measures, the same tests for every engine.
 * A test an engine's capabilities rule out is skipped with the reason.
 */
export function describeEngine(name: string, open: () => Promise<TestEngine>): void {
  describe(`engine conformance: ${name}`, () => {
    let current: TestEngine | undefined;
    const fresh = async (): Promise<Engine> => {
      current = await open();
      return current.engine;
    };
    afterEach(async () => {
      await current?.drop();
      current = undefined;
    });

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
      const text = `it's "quoted", back\\slash, tab\tnew\nline, ümlaut €`;
      const contactValues = (id: string, resolved: boolean | null, csat: number | null): RowValues => [
        'src',
        id,
        'voice',
        'inbound',
        text,
        null,
        null,
        null,
        null,
        null,
        instant,
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
      await engine.append(CONTACTS_TABLE, [
        contactValues('a', true, 0.75),
        contactValues('b', false, null),
        contactValues('c', null, 1),
      ]);
      const contacts = await readBack(engine, CONTACTS_TABLE, 'id');
      expect(contacts.map((r) => r.resolved)).toEqual([true, false, null]);
      expect(contacts.map((r) => r.csat)).toEqual([0.75, null, 1]);
      expect(contacts[0]).toMatchObject({ queue: text, team: null, arrived_at: stored, ivr_seconds: 0 });
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
          stored(
            contact({ id: 'v1', arrivedAt: new Date('2026-02-05T10:00:00Z'), handleSeconds: 200 }),
            null,
          ),
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

/** Every column of a table, sorted, with booleans read as booleans. */
async function readBack(engine: Engine, table: TableDef, orderBy: string): Promise<ResultRow[]> {
  const c = engine.dialect.createCompiler();
  const types = Object.fromEntries(table.columns.map((col) => [col.name, col.type]));
  const columns = table.columns.map((col) => c.identifier(col.name)).join(', ');
  return engine.query(
    `SELECT ${columns} FROM ${c.identifier(table.name)} ORDER BY ${c.identifier(orderBy)}`,
    types,
  );
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
