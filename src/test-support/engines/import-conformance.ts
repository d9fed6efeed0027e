import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeImport } from '../../app/imports.js';
import { TEST_ACTOR } from '../../app/testing.js';
import { CONTACTS_TABLE, COST_LINES_TABLE, IMPORTS_TABLE, VOLUMES_TABLE } from '../../engine/schema.js';
import { isUserError } from '../../errors.js';
import type { ImportOptions } from '../../ingest/import-files.js';
import type { ImportSummary } from '../../ingest/pipeline/summary.js';
import { fileHelpers } from '../../ingest/testing.js';
import { defaultConfig } from '../../model/config.js';
import { CONFIG_FILE, writeConfig } from '../../workspace/config-file.js';
import type { Workspace } from '../../workspace/workspace.js';
import { spawnCli } from '../cli-process.js';
import { asteriskCdrTable, CDR_ROWS } from './asterisk-table.js';
import type { TestEngine } from './describe-engine.js';
import { readBack } from './rows.js';
import { serverUrl } from './test-engines.js';

const HEADER = 'id,channel,direction,queue,arrived_at,wait_seconds,handle_seconds,outcome,resolved,csat';
/** Berlin local times (UTC+1 in March); contact 1 arrived a quarter of a second after 09:00. */
const CONTACTS = [
  HEADER,
  '1,voice,inbound,sales,2026-03-02 09:00:00.250,12,300,handled,yes,0.8',
  '2,email,inbound,support,2026-03-02 10:00:00,,600,handled,,',
  '3,chat,inbound,sales,2026-03-03 11:00:00,30,,abandoned,no,',
].join('\n');

/**
 * Imports into every store, through the same pipeline: strict and skip-invalid, idempotent re-import
 * and replacement, the overlap checks against stored rows, removal, and a process killed midway.
 */
export function importConformanceTests(fresh: () => Promise<TestEngine>): void {
  describe('imports', () => {
    it('strict: refuses a file with an invalid row at its line, and stores nothing', async () => {
      const t = await workspaceOn(await fresh());
      try {
        const path = await t.file('bad.csv', CONTACTS.replace('3,chat', '3,pigeon'));
        const error = await t.import({ files: [path] }).catch((e: unknown) => e);
        expect(isUserError(error) && error.details[0]).toMatch(`${path}:4: column "channel" value "pigeon"`);
        expect(await t.rows()).toEqual([]);
        expect(await readBack(t.ws.engine, IMPORTS_TABLE, 'id')).toEqual([]);
      } finally {
        await t.close();
      }
    });

    it('strict: a bad row after 100,000 good ones, met while the store already loads, leaves nothing', async () => {
      const t = await workspaceOn(await fresh());
      try {
        // Megabytes of good rows fill any pipe between the staging engine and a store elsewhere.
        const good = Array.from(
          { length: 100_000 },
          (_, i) => `g${i},voice,inbound,sales,2026-03-02 09:00:00,12,300,handled,yes,0.8`,
        );
        const path = await t.file(
          'late.csv',
          [HEADER, ...good, 'bad,pigeon,inbound,,2026-03-02 10:00:00,,,handled,,'].join('\n'),
        );
        const error = await t.import({ files: [path] }).catch((e: unknown) => e);
        expect(isUserError(error) && error.details[0]).toMatch(
          `${path}:100002: column "channel" value "pigeon"`,
        );
        expect(await t.rows()).toEqual([]);
        expect(await readBack(t.ws.engine, IMPORTS_TABLE, 'id')).toEqual([]);
      } finally {
        await t.close();
      }
    });

    it('skip-invalid: stores the good rows and lists the rejected one; read = imported + rejected', async () => {
      const t = await workspaceOn(await fresh());
      try {
        const path = await t.file('bad.csv', CONTACTS.replace('3,chat', '3,pigeon'));
        const rejectsPath = join(t.dir, 'rejects.csv');
        const summary = await t.import({ files: [path], skipInvalid: true, rejectsPath });
        expect(summary).toMatchObject({ read: 3, imported: 2, rejected: 1, written: 2 });
        expect((await t.rows()).map((r) => r.id)).toEqual(['1', '2']);
        expect(await readFile(rejectsPath, 'utf8')).toContain(
          `${path},4,"column ""channel"" value ""pigeon""`,
        );
      } finally {
        await t.close();
      }
    });

    it('is idempotent, replaces a contact changed in a new export, and cuts instants a store cannot keep', async () => {
      const t = await workspaceOn(await fresh());
      try {
        const path = await t.file('calls.csv', CONTACTS);
        const first = await t.import({ files: [path] });
        expect(first).toMatchObject({ read: 3, imported: 3, written: 3 });
        const stored = await t.rows();
        // 09:00:00.250 Berlin = 08:00:00.250 UTC; a store without subsecond instants keeps 08:00:00.
        const subsecond = t.ws.engine.dialect.capabilities.subsecondInstants;
        expect(stored[0]?.arrived_at).toEqual(new Date(`2026-03-02T08:00:00.${subsecond ? '250' : '000'}Z`));
        expect(stored.map((r) => [r.id, r.resolved, r.csat])).toEqual([
          ['1', true, 0.8],
          ['2', null, null],
          ['3', false, null],
        ]);
        expect(first.warnings.some((w) => w.includes('fractions of a second'))).toBe(!subsecond);
        expect(await t.import({ files: [path] })).toMatchObject({ imported: 0, duplicates: 3, written: 0 });
        expect(await t.rows()).toEqual(stored);
        await writeFile(path, CONTACTS.replace('11:00:00,30', '11:00:00,45'));
        expect(await t.import({ files: [path] })).toMatchObject({ imported: 1, duplicates: 2, replaced: 1 });
        expect((await t.rows()).map((r) => r.wait_seconds)).toEqual([12, null, 45]);
      } finally {
        await t.close();
      }
    });

    it('finds keys a file repeats after writing without looking: identical repeats skipped, different ones refused', async () => {
      const t = await workspaceOn(await fresh());
      try {
        const lines = CONTACTS.split('\n');
        const repeated = await t.file('twice.csv', [...lines, lines[2]].join('\n'));
        expect(await t.import({ files: [repeated] })).toMatchObject({ read: 4, imported: 3, duplicates: 1 });
        const conflicting = await t.file(
          'conflict.csv',
          [...lines, lines[2]?.replace('email', 'chat')].join('\n'),
        );
        const error = await t.import({ files: [conflicting], source: 'other' }).catch((e: unknown) => e);
        expect(isUserError(error) && error.details[0]).toMatch(
          `${conflicting}:5: has the same key as ${conflicting}:3`,
        );
        expect((await t.rows()).map((r) => r.source)).toEqual(['twice', 'twice', 'twice']);
      } finally {
        await t.close();
      }
    });

    it('never counts a period twice: volumes and stored contacts, contacts and stored volumes exclude each other', async () => {
      const t = await workspaceOn(await fresh());
      try {
        await t.import({
          files: [
            await t.file(
              'c.csv',
              'id,channel,queue,arrived_at,outcome\n1,voice,sales,2026-03-02 08:10,handled\n',
            ),
          ],
        });
        const volumes =
          'interval_start,interval,channel,queue,handled\n2026-03-02 08:00,30,voice,sales,5\n2026-03-02 08:00,30,voice,service,5\n';
        const path = await t.file('v.csv', volumes);
        const error = await t.import({ kind: 'volumes', files: [path] }).catch((e: unknown) => e);
        expect(isUserError(error) && error.details[0]).toMatch(
          `${path}:2: column "interval_start" value "2026-03-02 07:00:00+00": overlaps contacts already imported`,
        );
        expect(
          await t.import({
            kind: 'volumes',
            files: [path],
            skipInvalid: true,
            rejectsPath: join(t.dir, 'r.csv'),
          }),
        ).toMatchObject({
          imported: 1,
          rejected: 1,
        });
        expect((await readBack(t.ws.engine, VOLUMES_TABLE, 'queue')).map((r) => r.queue)).toEqual([
          'service',
        ]);
        const more = await t.file(
          'c2.csv',
          'id,channel,queue,arrived_at,outcome\n2,voice,service,2026-03-02 08:20,handled\n',
        );
        const refused = await t.import({ files: [more], source: 'crm' }).catch((e: unknown) => e);
        expect(isUserError(refused) && refused.details[0]).toMatch(
          /c2\.csv:2: column "arrived_at" .*: lies in an interval already imported as volumes/,
        );
      } finally {
        await t.close();
      }
    });

    it('imports remove takes out exactly one import’s rows; the ledger re-imports idempotently', async () => {
      const t = await workspaceOn(await fresh());
      try {
        const pbx = await t.import({ files: [await t.file('pbx.csv', CONTACTS)] });
        await t.import({ files: [await t.file('desk.csv', CONTACTS)] });
        const ledger = await t.file(
          'ledger.csv',
          'id,category,amount,period_start,period_end\nw1,agent_wages,100.00,2026-03-01,2026-04-01\n',
        );
        await t.import({ kind: 'costs', files: [ledger] });
        expect(await t.import({ kind: 'costs', files: [ledger] })).toMatchObject({
          duplicates: 1,
          written: 0,
        });
        const removed = await removeImport(t.ws, TEST_ACTOR, { id: pbx.id });
        expect(removed.rows).toEqual({ contacts: 3 });
        expect((await t.rows()).map((r) => [r.source, r.id])).toEqual([
          ['desk', '1'],
          ['desk', '2'],
          ['desk', '3'],
        ]);
        expect((await readBack(t.ws.engine, COST_LINES_TABLE, 'id')).map((r) => r.amount)).toEqual([
          '100.00',
        ]);
        const log = await readBack(t.ws.engine, IMPORTS_TABLE, 'id');
        expect(log.find((r) => r.id === pbx.id)?.removed_at).toBeInstanceOf(Date);
        expect(log.filter((r) => r.removed_at === null)).toHaveLength(3);
      } finally {
        await t.close();
      }
    });

    it('reads CDRs from the PostgreSQL table Asterisk writes (cdr_pgsql), idempotently and incrementally', async (ctx) => {
      const server = serverUrl('PERCONTACT_TEST_PG_URL');
      ctx.skip(!server, 'the source table needs a PostgreSQL server: set PERCONTACT_TEST_PG_URL');
      const t = await workspaceOn(await fresh());
      const cdr = await asteriskCdrTable(server as string);
      try {
        await cdr.insert(CDR_ROWS.slice(0, 4));
        const first = await t.import({ files: [cdr.locator], preset: 'asterisk-cdr' });
        expect(first).toMatchObject({
          source: 'asterisk',
          read: 4,
          imported: 4,
          written: 3,
          files: [cdr.locator],
        });
        // CDR_ROWS: L1 answered by 201 after 5 s of ringing; L2 rang 30 s on no device, gave up;
        // L3 rang 20 s at 202, then 203 answered after 10 s: one contact, the answered leg speaks for it.
        expect((await t.rows()).map((r) => [r.id, r.outcome, r.agent, r.arrived_at])).toEqual([
          ['L1', 'handled', '201', new Date('2026-03-02T09:00:00Z')],
          ['L2', 'abandoned', null, new Date('2026-03-02T09:05:00Z')],
          ['L3', 'handled', '203', new Date('2026-03-02T09:10:00Z')],
        ]);
        expect(await t.import({ files: [cdr.locator], preset: 'asterisk-cdr' })).toMatchObject({
          imported: 0,
          duplicates: 4,
        });
        await cdr.insert(CDR_ROWS.slice(4));
        expect(await t.import({ files: [cdr.locator], preset: 'asterisk-cdr' })).toMatchObject({
          read: 5,
          imported: 1,
          duplicates: 4,
          written: 1,
        });
        expect((await t.rows()).map((r) => r.id)).toEqual(['L1', 'L2', 'L3', 'L4']);
      } finally {
        await cdr.drop();
        await t.close();
      }
    });

    it('leaves the store as it was when the import process is killed midway (SIGKILL)', async (ctx) => {
      const test = await fresh();
      ctx.skip(
        !test.store,
        'an embedded engine lives in the test process: the DuckDB kill is src/cli/commands/import.test.ts, the ClickHouse crash points clickhouse/change-set.test.ts',
      );
      const t = await workspaceOn(test);
      try {
        await t.import({ files: [await t.file('small.csv', CONTACTS)] });
        const before = await t.rows();
        const folder = join(t.dir, 'ws');
        await mkdir(folder);
        await writeConfig(join(folder, CONFIG_FILE), { ...t.ws.config, store: test.store });
        const big = await t.file('big.csv', manyContacts(300_000));
        const child = spawnCli(['import', 'contacts', big, '-w', folder, '--source', 'big'], {
          PERCONTACT_TRACE: '1',
        });
        await child.stderrContains('phase writing');
        await new Promise((r) => setTimeout(r, 300));
        child.child.kill('SIGKILL');
        expect((await child.exited).signal).toBe('SIGKILL');
        expect(await t.rows()).toEqual(before);
        const again = await t.import({ files: [big], source: 'big' });
        expect(again).toMatchObject({ read: 300_000, imported: 300_000 });
      } finally {
        await t.close();
      }
    });
  });
}

interface EngineWorkspace {
  ws: Workspace;
  dir: string;
  file(name: string, content: string): Promise<string>;
  import(options: Omit<ImportOptions, 'kind'> & { kind?: ImportOptions['kind'] }): Promise<ImportSummary>;
  /** The stored contacts, by source and id. */
  rows(): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A workspace (Berlin, EUR) on the test engine, with a folder for its files; the suite drops the engine. */
async function workspaceOn(test: TestEngine): Promise<EngineWorkspace> {
  await test.engine.migrate();
  const dir = await mkdtemp(join(tmpdir(), 'percontact-conformance-'));
  const ws: Workspace = {
    dir: join(dir, 'ws'),
    config: defaultConfig('EUR', 'Europe/Berlin'),
    engine: test.engine,
    close: async () => {},
  };
  return {
    ws,
    dir,
    ...fileHelpers(ws, dir),
    rows: () => readBack(test.engine, CONTACTS_TABLE, 'source', 'id'),
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Handled voice calls, a minute apart from 1 March 2026, Berlin time. */
function manyContacts(n: number): string {
  const lines = ['id,channel,arrived_at,handle_seconds,outcome'];
  const start = Date.UTC(2026, 2, 1);
  for (let i = 0; i < n; i++)
    lines.push(
      `B${i},voice,${new Date(start + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},${60 + (i % 300)},handled`,
    );
  return `${lines.join('\n')}\n`;
}
