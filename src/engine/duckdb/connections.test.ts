import { describe, expect, it } from 'vitest';
import { isUserError } from '../../errors.js';
import { costLine } from '../../test-support/fixtures.js';
import { costLineRow } from '../rows.js';
import { COST_LINES_TABLE } from '../schema.js';
import { DuckDbEngine } from './engine.js';

describe('DuckDbEngine connections', () => {
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
