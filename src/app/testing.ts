import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactRow, costLineRow } from '../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../engine/schema.js';
import { defaultConfig } from '../model/config.js';
import { contact, costLine } from '../test-support/fixtures.js';
import { initWorkspace, type Workspace } from '../workspace/workspace.js';
import type { Actor } from './actor.js';

export const TEST_ACTOR: Actor = { name: 'tester', role: 'admin', tokenId: null };

/**
 * A small workspace (Europe/Berlin, EUR) with hand-checkable figures: March 2026 holds three voice
 * calls (handle 300 s, 100 s, 200 s) and one email (200 s), and 800.00 of March wages; February one
 * call and 100.00. Cost per contact in March = 800.00 ÷ 4 = 200.00.
 */
export async function smallWorkspace(): Promise<{ dir: string; workspace: Workspace }> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-ws-'));
  const workspace = await initWorkspace(join(dir, 'ws'), defaultConfig('EUR', 'Europe/Berlin'));
  const at = (iso: string) => new Date(iso);
  await workspace.engine.append(
    CONTACTS_TABLE,
    [
      contact({ id: '0', arrivedAt: at('2026-02-10T09:00:00Z'), waitSeconds: 5, handleSeconds: 100 }),
      contact({ id: '1', arrivedAt: at('2026-03-02T09:00:00Z'), waitSeconds: 10, handleSeconds: 300 }),
      contact({ id: '2', arrivedAt: at('2026-03-03T09:00:00Z'), waitSeconds: 50, handleSeconds: 100 }),
      contact({ id: '3', arrivedAt: at('2026-03-05T09:00:00Z'), waitSeconds: 15, handleSeconds: 200 }),
      contact({ id: '4', channel: 'email', arrivedAt: at('2026-03-04T09:00:00Z'), handleSeconds: 200 }),
    ].map(contactRow),
  );
  await workspace.engine.append(
    COST_LINES_TABLE,
    [
      costLine({
        id: 'feb',
        category: 'agent_wages',
        amount: '100.00',
        periodStart: '2026-02-01',
        periodEnd: '2026-03-01',
      }),
      costLine({
        id: 'mar',
        category: 'agent_wages',
        amount: '800.00',
        periodStart: '2026-03-01',
        periodEnd: '2026-04-01',
      }),
    ].map(costLineRow),
  );
  return { dir, workspace };
}
