import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { importFiles } from '../ingest/import-files.js';
import { spawnCli } from '../test-support/cli-process.js';
import { openWorkspace } from './workspace.js';

let dir: string;
let ws: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-concurrent-'));
  ws = join(dir, 'ws');
  await captureIo(() => run(['init', ws]));
  const calls = join(dir, 'calls.csv');
  await writeFile(
    calls,
    'id,channel,arrived_at,talk_seconds,outcome\n1,voice,2026-03-02 10:00,60,handled\n2,voice,2026-03-03 10:00,60,handled\n',
  );
  const ledger = join(dir, 'ledger.csv');
  await writeFile(ledger, 'id,category,amount,period\nw,agent_wages,100.00,2026-03\n');
  expect((await captureIo(() => run(['import', 'contacts', calls, '-w', ws]))).result).toBe(0);
  expect((await captureIo(() => run(['import', 'costs', ledger, '-w', ws]))).result).toBe(0);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const contactsIn = (json: string) => JSON.parse(json).totals.contacts as number;

async function writeCalls(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('id,channel,arrived_at,talk_seconds,outcome\n');
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++)
      chunk += `B${j},voice,2026-03-04 ${String(8 + (j % 10)).padStart(2, '0')}:00:00,${j % 600},handled\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await new Promise<void>((r) => out.once('finish', () => r()));
}

describe('concurrent use of a workspace (separate processes)', () => {
  it('runs reports beside each other and beside another reader', async () => {
    // This process keeps the workspace open for reading the whole time: two report processes
    // started together must both get in and report the 2 contacts.
    const reader = await openWorkspace(ws, { access: 'read' });
    try {
      const reports = [1, 2].map(() => spawnCli(['report', '-w', ws, '--format', 'json']));
      const ends = await Promise.all(reports.map((r) => r.exited));
      for (const [i, end] of ends.entries()) {
        expect(reports[i]?.stderr).toBe('');
        expect(end.code).toBe(0);
        expect(contactsIn(reports[i]?.stdout ?? '')).toBe(2);
      }
    } finally {
      await reader.close();
    }
  });

  it('makes a report wait for a writer, saying so, then fail as busy with its own exit code', async () => {
    const writer = await openWorkspace(ws);
    try {
      const report = spawnCli(['report', '-w', ws], { PERCONTACT_BUSY_TIMEOUT: '1' });
      const end = await report.exited;
      expect(end.code).toBe(7);
      expect(report.stderr).toBe(
        `percontact: waiting: an import is running (pid ${process.pid}) (giving up after 1 s)\n` +
          `percontact: workspace busy: an import is running (pid ${process.pid})\n`,
      );
      expect(report.stdout).toBe('');
    } finally {
      await writer.close();
    }
  });

  it('lets a report started during an import wait for it and then report the imported rows', async () => {
    const big = join(dir, 'big.csv');
    await writeCalls(big, 300_000);
    // The import (this process) holds the workspace until the report (another process) says it
    // waits: however slowly either starts, the report cannot slip in before the import or after it.
    const importer = await openWorkspace(ws);
    const report = spawnCli(['report', '-w', ws, '--format', 'json']);
    try {
      await report.stderrContains(`percontact: waiting: an import is running (pid ${process.pid})`);
      const summary = await importFiles(importer, { kind: 'contacts', files: [big], source: 'big' });
      expect(summary.imported).toBe(300_000);
    } finally {
      await importer.close();
    }
    const reported = await report.exited;
    expect(reported.code).toBe(0);
    expect(contactsIn(report.stdout)).toBe(300_002);
  });
});
