import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rows } from '../engine/engine.js';
import type { TableDef } from '../engine/schema.js';
import { type TestWorkspace, testWorkspace } from '../ingest/testing.js';
import { userError } from '../test-support/user-error.js';
import type { Workspace } from '../workspace/workspace.js';
import { listImports, removeImport } from './imports.js';
import { TEST_ACTOR } from './testing.js';

const HEADER = 'id,channel,arrived_at,talk_seconds,outcome';
const calls = (channel: string, ids: number[]) =>
  [HEADER, ...ids.map((i) => `${i},${channel},2026-03-0${i} 10:00,60,handled`)].join('\n');
const LEDGER = 'id,category,amount,period\nrent,facilities,100.00,2026-03\nphone,telephony,0.05,2026-03\n';

describe('imports list and remove', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists every import with its files, their checksums and the rows it still has stored', async () => {
    const text = calls('voice', [1, 2, 3]);
    const pbx = await t.file('pbx.csv', text);
    const a = await t.import({ files: [pbx] });
    const b = await t.import({ kind: 'costs', files: [await t.file('ledger.csv', LEDGER)] });
    const view = await listImports(t.ws);
    expect(view.untracked).toEqual({});
    expect(view.imports).toMatchObject([
      {
        id: a.id,
        shortId: a.id.slice(0, 8),
        kind: 'contacts',
        source: 'pbx',
        files: [pbx],
        checksums: [`sha256:${createHash('sha256').update(text).digest('hex')}`],
        rowsRead: 3,
        recordsWritten: 3,
        rowsStored: 3,
        removedAt: null,
      },
      { id: b.id, kind: 'costs', source: null, rowsStored: 2 },
    ]);
  });

  it('removes exactly one import’s rows and reports the totals before and after', async () => {
    const pbx = await t.import({ files: [await t.file('pbx.csv', calls('voice', [1, 2, 3]))] });
    await t.import({ files: [await t.file('helpdesk.csv', calls('chat', [1, 2]))] });
    await t.import({ kind: 'costs', files: [await t.file('ledger.csv', LEDGER)] });
    const view = await removeImport(t.ws, TEST_ACTOR, { id: pbx.id.slice(0, 6) });
    expect(view.rows).toEqual({ contacts: 3 });
    // 5 contacts before, the 2 of the help desk after; the ledger (100.00 + 0.05) is untouched.
    expect(view.before).toMatchObject({ contacts: 5, costLines: 2, cost: { EUR: '100.05' } });
    expect(view.after).toMatchObject({ contacts: 2, costLines: 2, cost: { EUR: '100.05' } });
    expect(await t.rows('SELECT source, id FROM contacts ORDER BY id')).toEqual([
      { source: 'helpdesk', id: '1' },
      { source: 'helpdesk', id: '2' },
    ]);
    expect(view.removed).toMatchObject({ id: pbx.id, rowsStored: 0 });
    expect(view.removed.removedAt).not.toBeNull();
    expect((await listImports(t.ws)).imports.map((e) => e.source)).toEqual(['helpdesk', null]);
    expect((await listImports(t.ws, { all: true })).imports).toHaveLength(3);
    const again = await userError(removeImport(t.ws, TEST_ACTOR, { id: pbx.id }));
    expect(again.code).toBe('NOT_FOUND');
    expect(again.message).toContain('was removed already');
  });

  it('leaves rows a later import replaced: they are that import’s now', async () => {
    const first = await t.import({ files: [await t.file('a.csv', calls('voice', [1, 2, 3]))], source: 's' });
    // The second file has ids 2 and 3 with other values: with replace they become its rows.
    await t.import({ files: [await t.file('b.csv', calls('chat', [2, 3]))], source: 's', replace: true });
    const view = await removeImport(t.ws, TEST_ACTOR, { id: first.id });
    expect(view.rows).toEqual({ contacts: 1 });
    expect(await t.rows('SELECT id, channel FROM contacts ORDER BY id')).toEqual([
      { id: '2', channel: 'chat' },
      { id: '3', channel: 'chat' },
    ]);
  });

  it('takes out all of an import’s rows or none', async () => {
    const summary = await t.import({ kind: 'costs', files: [await t.file('ledger.csv', LEDGER)] });
    const before = await t.rows('SELECT * FROM cost_lines ORDER BY id');
    // An engine that fails while marking the import removed, after the lines were taken out (a
    // change set that is a transaction stages the log's new row in a table of its own).
    const failing: Workspace = {
      ...t.ws,
      engine: new Proxy(t.ws.engine, {
        get(target, name, receiver) {
          const value = Reflect.get(target, name, receiver);
          if (name !== 'append') return typeof value === 'function' ? value.bind(target) : value;
          return (table: TableDef, rows: Rows) => {
            if (table.name.endsWith('imports')) throw new Error('disk full');
            return target.append(table, rows);
          };
        },
      }),
    };
    await expect(removeImport(failing, TEST_ACTOR, { id: summary.id })).rejects.toThrow('disk full');
    expect(await t.rows('SELECT * FROM cost_lines ORDER BY id')).toEqual(before);
    expect((await listImports(t.ws)).imports[0]?.removedAt).toBeNull();
  });

  it('refuses ids that name no import, several imports, or are too short to be safe', async () => {
    await t.import({ files: [await t.file('a.csv', calls('voice', [1]))] });
    expect((await userError(removeImport(t.ws, TEST_ACTOR, { id: 'ffffffff' }))).code).toBe('NOT_FOUND');
    const short = await userError(removeImport(t.ws, TEST_ACTOR, { id: 'a' }));
    expect([short.code, short.location?.parameter]).toEqual(['USAGE', 'id']);
  });

  it('counts rows stored before imports were recorded per row', async () => {
    await t.ws.engine.execute(
      `INSERT INTO contacts (source, id, channel, direction, arrived_at, outcome)
       VALUES ('old', '1', 'voice', 'inbound', TIMESTAMPTZ '2026-03-02 09:00:00+00', 'handled')`,
    );
    expect((await listImports(t.ws)).untracked).toEqual({ contacts: 1 });
  });
});
