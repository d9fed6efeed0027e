import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuckDbEngine } from '../../engine/duckdb/engine.js';
import { type TestWorkspace, testWorkspace } from '../testing.js';

const SETTINGS =
  "SELECT current_setting('memory_limit') AS memory, current_setting('preserve_insertion_order') AS ordered, current_setting('disabled_optimizers') AS disabled";

const CALLS = `source,id,channel,direction,arrived_at,wait_seconds,handle_seconds,outcome
pbx,1,voice,inbound,2026-03-02 09:00:00,10,300,handled
pbx,2,voice,inbound,2026-03-02 09:05:00,x,200,handled
pbx,3,voice,inbound,2026-03-02 09:10:00,5,100,handled
`;

describe('an import beside readers of the same DuckDB', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => t.close());

  /** The settings a connection sees at every phase of a skip-invalid import (row 2 is invalid). */
  async function settingsDuring(reader: DuckDbEngine): Promise<Set<string>> {
    const seen = new Set<string>();
    const look = async () => seen.add(JSON.stringify(await reader.query(SETTINGS)));
    await look();
    const phases: Promise<unknown>[] = [];
    const summary = await t.import({
      files: [await t.file('calls.csv', CALLS)],
      skipInvalid: true,
      onPhase: () => phases.push(look()),
    });
    await Promise.all(phases);
    expect(summary).toMatchObject({ written: 2, rejected: 1 });
    return seen;
  }

  // DuckDB's settings are the instance's: an import that lowered the memory limit or turned an
  // optimizer off would show here as a second set of settings (as it does with the import tuning).
  it('leaves the instance-wide settings alone while another connection is open', async () => {
    const reader = await (t.ws.engine as DuckDbEngine).connect();
    try {
      expect((await settingsDuring(reader)).size).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
