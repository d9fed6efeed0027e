import { existsSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { shiftMonth } from '../calendar/period.js';
import { contactRow, costLineRow } from '../engine/rows.js';
import {
  AGENT_TIME_TABLE,
  CONTACTS_TABLE,
  COST_LINES_TABLE,
  FX_RATES_TABLE,
  RATE_CARDS_TABLE,
  type RowValues,
  type TableDef,
} from '../engine/schema.js';
import { UserError } from '../errors.js';
import type { ImportKind } from '../ingest/targets/target.js';
import { defaultConfig } from '../model/config.js';
import { initWorkspace, openWorkspace, type Workspace } from '../workspace/workspace.js';
import { DemoAgentTime } from './agent-time.js';
import { DemoImports } from './demo-imports.js';
import { generateDemo } from './generate.js';
import { DEMO_CONCURRENCY } from './staffing.js';

/** Marks a folder as made by `percontact demo`, so a later demo may replace it and nothing else. */
const DEMO_MARKER = '.percontact-demo';

export interface DemoWorkspaceOptions {
  dir: string;
  seed: number;
  months: number;
  endMonth: string;
  scale: number;
}

/**
 * Builds the demo workspace in a sibling temporary folder and moves it into place only when complete,
 * so an interrupted demo never leaves a half-written workspace behind.
 */
export async function createDemoWorkspace(options: DemoWorkspaceOptions): Promise<Workspace> {
  const target = resolve(options.dir);
  await assertReplaceable(target, options.dir);
  const staging = `${target}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const config = { ...defaultConfig('EUR', 'Europe/Berlin'), concurrency: { ...DEMO_CONCURRENCY } };
  const workspace = await initWorkspace(staging, config);
  try {
    const data = generateDemo({ ...options, timezone: config.timezone, currency: config.currency });
    await workspace.engine.transaction(async () => {
      const agentTime = new DemoAgentTime();
      const imports = new DemoImports(options.seed);
      const put = async (kind: ImportKind, table: TableDef, rows: Iterable<RowValues>) =>
        imports.written(
          kind,
          await workspace.engine.append(table, mapIterable(rows, imports.tagger(kind, table))),
        );
      await put(
        'contacts',
        CONTACTS_TABLE,
        mapIterable(data.contacts(), (contact) => {
          agentTime.add(contact);
          return contactRow(contact);
        }),
      );
      await put('costs', COST_LINES_TABLE, data.costLines.map(costLineRow));
      await put('fx', FX_RATES_TABLE, demoFxRates(options.endMonth, options.months));
      await put('agent-time', AGENT_TIME_TABLE, agentTime.rows(options.seed));
      await put(
        'agents',
        RATE_CARDS_TABLE,
        rateCards(data.agents, options.endMonth, options.months, config.currency),
      );
      await imports.log(workspace.engine);
    });
    await writeFile(
      join(staging, DEMO_MARKER),
      `seed ${options.seed}, ${options.months} months to ${options.endMonth}\n`,
    );
  } finally {
    await workspace.close();
  }
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  return openWorkspace(target);
}

async function assertReplaceable(target: string, shown: string): Promise<void> {
  if (!existsSync(target) || existsSync(join(target, DEMO_MARKER))) return;
  if ((await readdir(target)).length > 0) {
    throw new UserError(
      'WORKSPACE_EXISTS',
      `${shown} exists and was not made by percontact demo; choose another folder`,
      {
        parameter: 'dir',
      },
    );
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

/**
 * Month-start USD and GBP rates in EUR, so the demo's reports can compare with benchmarks published in
 * dollars and pounds. Illustrative values near 2025–26 levels, the same for every seed: exchange rates
 * are the world's, not the contact center's.
 */
function demoFxRates(endMonth: string, months: number): RowValues[] {
  return Array.from({ length: months + 1 }, (_, i) => {
    const month = shiftMonth(endMonth, i - months);
    const wobble = Math.sin(i / 2) * 0.01;
    return [
      [`${month}-01`, 'USD', (0.92 + wobble).toFixed(4)],
      [`${month}-01`, 'GBP', (1.17 + wobble).toFixed(4)],
    ];
  }).flat();
}

/** Each agent's loaded hourly cost as a rate card valid over the demo's months. */
function rateCards(
  agents: readonly { agent: string; team: string; hourlyCost: string }[],
  endMonth: string,
  months: number,
  currency: string,
): RowValues[] {
  const from = `${shiftMonth(endMonth, 1 - months)}-01`;
  return agents.map((a) => [`demo-${a.agent}`, a.agent, a.team, a.hourlyCost, currency, from, null]);
}
