import { afterEach, describe } from 'vitest';
import type { Engine } from '../../engine/engine.js';
import type { StoreConfig } from '../../engine/open-engine.js';
import { engineContractTests } from './engine-contract.js';
import { importConformanceTests } from './import-conformance.js';
import { reportConformanceTests } from './report-conformance.js';

/** An engine on a namespace of its own (a schema or database), dropped after the test. */
export interface TestEngine {
  engine: Engine;
  /** How another process reaches the same namespace (server stores); absent for embedded engines. */
  store?: StoreConfig;
  drop(): Promise<void>;
}

/**
 * The same tests for every engine: the engine contract, the report (cost per contact, explain,
 * drivers, breakdown totals) on hand-checked workspaces, and imports (strict, skip-invalid,
 * idempotent, overlap checks, removal, a kill midway). A test an engine's capabilities rule out is
 * skipped with the reason.
 */
export function describeEngine(name: string, open: () => Promise<TestEngine>): void {
  describe(`engine conformance: ${name}`, () => {
    let current: TestEngine | undefined;
    const fresh = async (): Promise<TestEngine> => {
      current = await open();
      return current;
    };
    afterEach(async () => {
      await current?.drop();
      current = undefined;
    });
    engineContractTests(async () => (await fresh()).engine);
    reportConformanceTests(fresh);
    importConformanceTests(fresh);
  });
}
