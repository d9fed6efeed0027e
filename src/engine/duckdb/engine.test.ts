import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations/index.js';
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
});
