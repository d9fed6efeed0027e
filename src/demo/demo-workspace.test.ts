import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listImports, removeImport } from '../app/imports.js';
import { TEST_ACTOR } from '../app/testing.js';
import { costPerContactReport } from '../metrics/cost-per-contact.js';
import { resolveDefinitions } from '../metrics/definitions.js';
import { reportView } from '../report/report-view.js';
import { createDemoWorkspace } from './demo-workspace.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-demo-ws-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { seed: 3, months: 3, endMonth: '2026-10', scale: 0.05 };

describe('the demo workspace', () => {
  it('holds contacts, ledger, FX rates, rate cards and agent time, and reports in the benchmark range', async () => {
    const ws = await createDemoWorkspace({ ...options, dir: join(dir, 'demo') });
    try {
      const count = async (table: string) =>
        Number((await ws.engine.query(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
      const agents = Number(
        (await ws.engine.query('SELECT count(DISTINCT agent) AS n FROM rate_cards'))[0]?.n,
      );
      expect(await count('rate_cards')).toBe(agents);
      // One row per agent and day worked, for every agent; never more than a day's time.
      const days = await ws.engine.query(
        'SELECT count(DISTINCT agent) AS a, max(paid_seconds) AS p FROM agent_time',
      );
      expect(Number(days[0]?.a)).toBe(agents);
      expect(Number(days[0]?.p)).toBeLessThanOrEqual(86_400);
      expect(await count('fx_rates')).toBeGreaterThan(0);
      const view = reportView(
        await costPerContactReport(ws.engine, resolveDefinitions(ws.config), {
          granularity: 'month',
          by: [],
        }),
      );
      const cpc = Number(view.totals.costPerContact);
      expect(cpc).toBeGreaterThan(3);
      expect(cpc).toBeLessThan(10);
      // Staffing is planned for an occupancy near 0.8: the recorded agent time must give a plausible one.
      expect(view.totals.occupancy).toBeGreaterThan(0.6);
      expect(view.totals.occupancy).toBeLessThan(0.95);
      expect(view.totals.benchmark?.value).not.toBeNull();
    } finally {
      await ws.close();
    }
  });

  it('logs its rows as one import per kind, so status and imports list and remove treat it as any workspace', async () => {
    const ws = await createDemoWorkspace({ ...options, dir: join(dir, 'logged') });
    try {
      const tables = {
        contacts: 'contacts',
        costs: 'cost_lines',
        fx: 'fx_rates',
        'agent-time': 'agent_time',
        agents: 'rate_cards',
      };
      const { imports } = await listImports(ws);
      expect(imports.map((e) => e.kind).sort()).toEqual(Object.keys(tables).sort());
      for (const entry of imports) {
        const table = tables[entry.kind as keyof typeof tables];
        // Every row of the table carries the import's id: the import's count is the table's.
        const [all] = await ws.engine.query(`SELECT count(*) AS n, count(import_id) AS tagged FROM ${table}`);
        expect([entry.rowsStored, entry.rowsRead]).toEqual([Number(all?.n), Number(all?.n)]);
        expect(Number(all?.tagged)).toBe(Number(all?.n));
      }
      const costs = imports.find((e) => e.kind === 'costs');
      await removeImport(ws, TEST_ACTOR, { id: costs?.id ?? '' });
      expect(await ws.engine.query('SELECT count(*) AS n FROM cost_lines')).toEqual([{ n: 0 }]);
    } finally {
      await ws.close();
    }
  });

  it('handles chats 2.5 at once, so a chat costs less than a call', async () => {
    const ws = await createDemoWorkspace({ ...options, dir: join(dir, 'concurrency') });
    try {
      expect(ws.config.concurrency).toEqual({ chat: 2.5, messaging: 3 });
      const view = reportView(
        await costPerContactReport(ws.engine, resolveDefinitions(ws.config), {
          granularity: 'month',
          by: ['channel'],
        }),
      );
      // Over the demo's months: Σ cost ÷ Σ contacts per channel. A chat of about 500 s occupies an
      // agent about 200 s at 2.5 at once, less than a call's 310 s, and costs less (published
      // ContactBabel figures: web chat 3.82 vs inbound call 5.25 USD).
      const perContact = (channel: string) => {
        const rows = view.rows.filter((r) => r.dimensions.channel === channel);
        const cost = rows.reduce((sum, r) => sum + Number(r.cost), 0);
        return cost / rows.reduce((sum, r) => sum + r.contacts, 0);
      };
      expect(perContact('chat')).toBeLessThan(perContact('voice'));
    } finally {
      await ws.close();
    }
  });

  it('replaces an earlier demo but never another folder', async () => {
    const target = join(dir, 'again');
    await (await createDemoWorkspace({ ...options, dir: target })).close();
    await (await createDemoWorkspace({ ...options, dir: target })).close();
    const other = join(dir, 'mine');
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'keep me');
    await expect(createDemoWorkspace({ ...options, dir: other })).rejects.toMatchObject({
      code: 'WORKSPACE_EXISTS',
    });
  });
});
