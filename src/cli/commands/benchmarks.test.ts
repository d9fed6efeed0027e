import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { run } from '../main.js';

describe('percontact benchmarks', () => {
  it('lists the shipped figures with sources, and a workspace its own', async () => {
    const shipped = await captureIo(() => run(['benchmarks', '--format', 'json']));
    expect(shipped.result).toBe(0);
    const json = JSON.parse(shipped.out);
    expect(json.benchmarks.find((b: { id: string }) => b.id === 'industry-average')).toMatchObject({
      value: '7.16',
      currency: 'USD',
      comparedFor: ['overall'],
    });
    const dir = await mkdtemp(join(tmpdir(), 'percontact-bench-'));
    try {
      await captureIo(() => run(['init', join(dir, 'ws')]));
      const yaml = join(dir, 'ws', 'percontact.yaml');
      const { readFile } = await import('node:fs/promises');
      const text = (await readFile(yaml, 'utf8')).replace(
        'custom: []',
        'custom:\n    - { id: budget, value: "5.50", currency: EUR, source: our 2027 budget }',
      );
      await writeFile(yaml, text.replace('costPerContact: industry-average', 'costPerContact: budget'));
      const own = await captureIo(() => run(['benchmarks', '--workspace', join(dir, 'ws')]));
      expect(own.out).toMatch(
        /budget \(the workspace's own\)\n {2}costPerContact: 5.50 EUR\n {2}source: our 2027 budget, year not stated\n {2}used for: overall/,
      );
      // What the workspace compares with comes first, and differs from what a new one would.
      expect(own.out).toContain(
        `Workspace ${join(dir, 'ws')} compares with:\n  rows of several channels: budget (5.50 EUR, year not stated)`,
      );
      const none = await captureIo(() => run(['benchmarks']));
      expect(none.out).toContain(
        'A new workspace compares with (percontact init):\n  rows of several channels: industry-average (7.16 USD, year not stated)',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
