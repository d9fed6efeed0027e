import { describe, expect, it } from 'vitest';
import { isUserError } from '../../errors.js';
import { costLine } from '../../test-support/fixtures.js';
import { MIGRATIONS } from '../migrations/index.js';
import { costLineRow } from '../rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../schema.js';
import { DuckDbEngine } from './engine.js';

describe('DuckDbEngine', () => {
  it('migrates once and records the version', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    const latest = MIGRATIONS.at(-1)?.version;
    expect(await engine.migrate()).toBe(latest);
    expect(await engine.migrate()).toBe(latest);
    const rows = await engine.query('SELECT COUNT(*) AS n FROM schema_version');
    expect(rows[0]?.n).toBe(MIGRATIONS.length);
    await engine.close();
  });

  it('rolls back appended rows when the transaction fails', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    await engine.migrate();
    const line = [
      'c1',
      'other',
      '10.00',
      'EUR',
      '2026-01-01',
      '2026-02-01',
      null,
      null,
      null,
      null,
      'fixed',
      null,
    ];
    await expect(
      engine.transaction(async () => {
        await engine.append(COST_LINES_TABLE, [line]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await engine.query('SELECT COUNT(*) AS n FROM cost_lines'))[0]?.n).toBe(0);
    await engine.append(COST_LINES_TABLE, [line]);
    const [row] = await engine.query('SELECT amount, period_start FROM cost_lines');
    expect(row).toEqual({ amount: '10.00', period_start: '2026-01-01' });
    await engine.close();
  });

  it('keeps instants exact through a round trip', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    await engine.migrate();
    const at = new Date('2026-03-29T01:30:00.123Z');
    const row = ['s', '1', 'voice', 'inbound', null, null, null, null, null, null, at];
    await engine.append(CONTACTS_TABLE, [
      [...row, null, null, null, null, null, null, 'handled', null, null],
    ]);
    const [back] = await engine.query('SELECT arrived_at FROM contacts');
    expect(back?.arrived_at).toEqual(at);
    await engine.close();
  });

  it('refuses a transaction inside a running one on the same connection, and rolls the outer back', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    await engine.migrate();
    const failure = await engine
      .transaction(async () => {
        await engine.append(COST_LINES_TABLE, [COST_LINE]);
        await engine.transaction(async () => undefined);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isUserError(failure)).toBe(false);
    expect(String(failure)).toMatch(/while this connection runs one/);
    expect((await engine.query('SELECT COUNT(*) AS n FROM cost_lines'))[0]?.n).toBe(0);
    await engine.close();
  });

  it('gives connections of their own: uncommitted writes stay unseen, a reader keeps its snapshot', async () => {
    const engine = await DuckDbEngine.open(':memory:');
    await engine.migrate();
    const writer = await engine.connect();
    const reader = await engine.connect();
    const count = async (on: DuckDbEngine) => (await on.query('SELECT COUNT(*) AS n FROM cost_lines'))[0]?.n;
    let release = () => {};
    const committed = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = writer.transaction(async () => {
      await writer.append(COST_LINES_TABLE, [COST_LINE]);
      await committed;
    });
    const seen = await reader.transaction(async () => {
      const before = await count(reader);
      release();
      await writing;
      // The writer has committed by now; this transaction still reads the state it started from.
      return [before, await count(reader)];
    });
    expect(seen).toEqual([0, 0]);
    expect(await count(reader)).toBe(1);
    await writer.close();
    await reader.close();
    // Closing the extra connections leaves the database open for the engine that opened it.
    expect(await count(engine)).toBe(1);
    await engine.close();
  });
});

const COST_LINE = costLineRow(
  costLine({ id: 'c1', amount: '10.00', periodStart: '2026-01-01', periodEnd: '2026-02-01' }),
);
