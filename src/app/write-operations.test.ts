import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FX_RATES_TABLE } from '../engine/schema.js';
import { isUserError } from '../errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { listAudit } from './audit.js';
import { addCost, editCost, listCosts, removeCost } from './costs.js';
import { report } from './report.js';
import { smallWorkspace, TEST_ACTOR } from './testing.js';
import { parseTokenText, secretMatches } from './token-secret.js';
import { createToken, listTokens, revokeToken, storedTokens } from './tokens.js';

let dir: string;
let ws: Workspace;
beforeEach(async () => {
  ({ dir, workspace: ws } = await smallWorkspace());
});
afterEach(async () => {
  await ws.close();
  await rm(dir, { recursive: true, force: true });
});

const marchCost = async () => (await report(ws, { from: '2026-03', to: '2026-03' })).totals.cost;
/** The ledger's sum as DuckDB's own decimal arithmetic has it (not the code under test). */
const ledgerSum = async () =>
  String(
    (
      await ws.engine.query(
        'SELECT CAST(SUM(CAST(amount AS DECIMAL(38, 2))) AS VARCHAR) AS s FROM cost_lines',
      )
    )[0]?.s,
  );

async function userError(work: () => Promise<unknown>) {
  const error = await work().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a user error, got ${String(error)}`);
  return error;
}

describe('cost lines by hand', () => {
  it('add, edit and remove change the report by exactly the amounts, each with an audit entry', async () => {
    expect(await marchCost()).toBe('800.00');
    await addCost(ws, TEST_ACTOR, { id: 'fix', category: 'facilities', amount: '120.50', period: '2026-03' });
    // A March-only shared line lands in March whole: 800.00 + 120.50.
    expect(await marchCost()).toBe('920.50');
    await editCost(ws, TEST_ACTOR, { id: 'fix', amount: '60.25' });
    expect(await marchCost()).toBe('860.25');
    const edited = (await listCosts(ws, { category: 'facilities' })).costLines;
    expect(edited).toEqual([
      expect.objectContaining({
        id: 'fix',
        amount: '60.25',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
        importId: null,
      }),
    ]);
    await removeCost(ws, TEST_ACTOR, { id: 'fix' });
    expect(await marchCost()).toBe('800.00');

    const { entries } = await listAudit(ws);
    expect(entries.map((e) => e.action)).toEqual(['cost.remove', 'cost.edit', 'cost.add']);
    const [removed, edit, add] = entries;
    expect(add?.totalsBefore?.cost).toEqual({ EUR: '900.00' });
    expect(add?.totalsAfter?.cost).toEqual({ EUR: '1020.50' });
    expect(add?.totalsAfter?.costLines).toBe(3);
    expect(edit?.details).toMatchObject({ before: { amount: '120.50' }, after: { amount: '60.25' } });
    expect(removed?.totalsAfter?.cost).toEqual({ EUR: '900.00' });
    expect(add).toMatchObject({ actor: 'tester', actorRole: 'admin', target: 'fix' });
    expect(await ledgerSum()).toBe('900.00');
  });

  it('validates like the import: exact decimal text, dates, categories, drivers; nothing written on refusal', async () => {
    const line = { id: 'x', category: 'technology' as const, amount: '10.00', period: '2026-03' };
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: 10.5 }, 'amount'],
      [{ amount: '1.234,56' }, 'amount'],
      [{ amount: '1234567890123456' }, 'amount'],
      [{ category: 'snacks' }, 'category'],
      [{ driver: 'by_mood' }, 'driver'],
      [{ channel: 'fax' }, 'channel'],
      [{ currency: 'eur' }, 'currency'],
      [{ period: undefined, periodStart: '2026-03-01' }, 'periodEnd'],
      [{ period: undefined, periodStart: '2026-03-01', periodEnd: '2026-02-30' }, 'periodEnd'],
      [{ period: undefined, periodStart: '2026-03-10', periodEnd: '2026-03-01' }, 'periodEnd'],
      [{ periodStart: '2026-03-01' }, 'period'],
      [{ queue: 'a\u0000b' }, 'queue'],
    ];
    for (const [change, parameter] of cases) {
      const error = await userError(() => addCost(ws, TEST_ACTOR, { ...line, ...change } as never));
      expect([JSON.stringify(change), error.location?.parameter]).toEqual([
        JSON.stringify(change),
        parameter,
      ]);
    }
    await addCost(ws, TEST_ACTOR, line);
    const duplicate = await userError(() => addCost(ws, TEST_ACTOR, line));
    expect(duplicate.location?.parameter).toBe('id');
    const missing = await userError(() => editCost(ws, TEST_ACTOR, { id: 'nope', amount: '1' }));
    expect([missing.code, missing.location?.parameter]).toEqual(['NOT_FOUND', 'id']);
    expect((await listAudit(ws)).entries).toHaveLength(1);
    expect(await ledgerSum()).toBe('910.00');
  });

  it('refuses a line in a currency without a rate for its first day, naming currency and date', async () => {
    const usd = {
      id: 'usd',
      category: 'technology' as const,
      amount: '100.00',
      currency: 'USD',
      period: '2026-03',
    };
    const refused = await userError(() => addCost(ws, TEST_ACTOR, usd));
    expect([refused.code, refused.location?.parameter]).toEqual(['INVALID_INPUT', 'currency']);
    expect(refused.message).toBe(
      'cost line "usd" is in USD but the workspace reports in EUR and has no USD rate on or before 2026-03-01: import USD exchange rates first',
    );
    expect(refused.message).not.toMatch(/percontact|--/);
    expect([await ledgerSum(), (await listAudit(ws)).entries.length]).toEqual(['900.00', 0]);
    // A rate from 15 February converts a March line: 100.00 USD × 0.9 = 90.00 EUR, so March is 890.00.
    await ws.engine.append(FX_RATES_TABLE, [['2026-02-15', 'USD', '0.9', null]]);
    await addCost(ws, TEST_ACTOR, usd);
    expect(await marchCost()).toBe('890.00');
    const earlier = await userError(() => editCost(ws, TEST_ACTOR, { id: 'usd', period: '2026-01' }));
    expect(earlier.message).toMatch(/no USD rate on or before 2026-01-01/);
    const gbp = await userError(() => editCost(ws, TEST_ACTOR, { id: 'usd', currency: 'GBP' }));
    expect(gbp.location?.parameter).toBe('currency');
    await editCost(ws, TEST_ACTOR, { id: 'usd', description: 'licences' });
    await editCost(ws, TEST_ACTOR, { id: 'usd', currency: 'EUR', period: '2026-01' });
    expect(await marchCost()).toBe('800.00');
  });

  it('treats SQL-like ids and names as data', async () => {
    const id = "x' OR 1=1 --";
    await addCost(ws, TEST_ACTOR, {
      id,
      category: 'other',
      amount: '1.00',
      period: '2026-03',
      queue: "q'; DROP TABLE contacts; --",
    });
    await removeCost(ws, TEST_ACTOR, { id });
    expect((await listCosts(ws)).costLines.map((l) => l.id)).toEqual(['feb', 'mar']);
    expect(Number((await ws.engine.query('SELECT COUNT(*) AS n FROM contacts'))[0]?.n)).toBe(5);
  });
});

describe('tokens', () => {
  it('stores only a scrypt hash; revoking keeps the record', async () => {
    const created = await createToken(ws, TEST_ACTOR, { role: 'viewer', name: 'dashboard' });
    const parts = parseTokenText(created.token);
    expect(parts?.id).toBe(created.id);
    const [stored] = await storedTokens(ws.engine);
    expect(stored?.hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(JSON.stringify(await ws.engine.query('SELECT * FROM api_tokens'))).not.toContain(parts?.secret);
    expect(await secretMatches(parts?.secret as string, stored?.hash as string)).toBe(true);
    const secret = parts?.secret as string;
    const other = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await secretMatches(other, stored?.hash as string)).toBe(false);
    await revokeToken(ws, TEST_ACTOR, { id: created.id });
    expect((await listTokens(ws)).tokens).toEqual([]);
    expect((await listTokens(ws, { revoked: true })).tokens[0]?.revokedAt).not.toBeNull();
    const again = await userError(() => revokeToken(ws, TEST_ACTOR, { id: created.id }));
    expect(again.code).toBe('NOT_FOUND');
    const audit = (await listAudit(ws)).entries;
    expect(audit.map((e) => [e.action, e.target])).toEqual([
      ['token.revoke', created.id],
      ['token.create', created.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(parts?.secret);
  });
});
