import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoWorkspace } from '../demo/demo-workspace.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * A small demo center (5 % of the demo's volume, three months to October 2026) in a temporary
 * folder, for planning tests; `use` runs with it open and the folder is removed afterwards.
 */
export async function withSmallDemo<T>(use: (workspace: Workspace, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'percontact-plan-'));
  try {
    const workspace = await createDemoWorkspace({
      dir: join(dir, 'demo'),
      seed: 7,
      months: 3,
      endMonth: '2026-10',
      scale: 0.05,
    });
    try {
      return await use(workspace, join(dir, 'demo'));
    } finally {
      await workspace.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
