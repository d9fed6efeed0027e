import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoWorkspace, type DemoWorkspaceOptions } from '../demo/demo-workspace.js';
import type { Baseline } from '../planning/baseline/baseline.js';
import { deriveBaseline } from '../planning/baseline/derive.js';
import type { Workspace } from '../workspace/workspace.js';

/** A demo workspace in a temporary folder; `use` runs with it open and the folder is removed afterwards. */
export async function withDemo<T>(
  options: Omit<DemoWorkspaceOptions, 'dir'>,
  use: (workspace: Workspace, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-plan-'));
  try {
    const workspace = await createDemoWorkspace({ dir: join(dir, 'demo'), ...options });
    try {
      return await use(workspace, join(dir, 'demo'));
    } finally {
      await workspace.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A small demo center for planning tests: 5 % of the demo's volume, three months to October 2026. */
export function withSmallDemo<T>(use: (workspace: Workspace, dir: string) => Promise<T>): Promise<T> {
  return withDemo({ seed: 7, months: 3, endMonth: '2026-10', scale: 0.05 }, use);
}

/** The small demo's baseline for August to October 2026 in 30-minute intervals. */
export function smallDemoBaseline(): Promise<Baseline> {
  return withSmallDemo((ws) =>
    deriveBaseline(ws.engine, ws.config, { from: '2026-08', to: '2026-10', intervalSeconds: 1800 }),
  );
}
