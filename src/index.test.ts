import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as percontact from './index.js';
import { contact, costLine, engineWith } from './test-support/fixtures.js';

describe('the library entry point', () => {
  it('exposes the report, explain and Erlang functions the CLI uses', async () => {
    // Erlang C reference case 1 of ../shared/reference/erlang.json: 100 calls in 30 min, AHT 180 s,
    // 14 agents → service level 0.888350019 within 20 s.
    const c = percontact.erlangC({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180 }, 14, 20);
    expect(c.serviceLevel).toBeCloseTo(0.888350019, 8);

    // One call, 10.00 of wages in March 2026: cost per contact 10.00.
    const engine = await engineWith(
      [contact({ id: '1', arrivedAt: new Date('2026-03-02T09:00:00Z'), handleSeconds: 60 })],
      [
        costLine({
          id: 'w',
          category: 'agent_wages',
          amount: '10.00',
          periodStart: '2026-03-01',
          periodEnd: '2026-04-01',
        }),
      ],
    );
    const definitions = percontact.resolveDefinitions(percontact.defaultConfig('EUR', 'Europe/Berlin'));
    const report = await percontact.costPerContactReport(engine, definitions, {
      granularity: 'month',
      by: [],
    });
    expect(percontact.reportView(report).totals.costPerContact).toBe('10.00');
    // The same month as a planning baseline: without levers the plan is the report.
    const config = percontact.defaultConfig('EUR', 'Europe/Berlin');
    const baseline = await percontact.deriveBaseline(engine, config, { intervalSeconds: 1800 });
    const plan = percontact.runPlan(baseline, percontact.scenarioSchema.parse({ levers: {} }));
    expect(plan.scenario.totals).toMatchObject({ cost: '10.00', costPerContact: '10.00', contacts: 1 });
    await engine.close();
  });
});

describe('the library: imports and housekeeping', () => {
  it('imports files, lists and removes imports, and tells the status, as the CLI does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'percontact-library-'));
    try {
      const ws = await percontact.initWorkspace(
        join(dir, 'ws'),
        percontact.defaultConfig('EUR', 'Europe/Berlin'),
      );
      const file = join(dir, 'calls.csv');
      await writeFile(file, 'id,channel,arrived_at,outcome\n1,voice,2026-03-02 10:00,handled\n');
      const summary = await percontact.importFiles(ws, { kind: 'contacts', files: [file] });
      expect(summary).toMatchObject({ source: 'calls', imported: 1 });
      expect((await percontact.listImports(ws)).imports.map((e) => e.id)).toEqual([summary.id]);
      expect((await percontact.workspaceStatus(ws)).months).toEqual(['2026-03']);
      expect(
        (
          await percontact.removeImport(
            ws,
            { name: 'library', role: null, tokenId: null },
            { id: summary.id },
          )
        ).after.contacts,
      ).toBe(0);
      await ws.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
