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
        /budget\n {2}costPerContact: 5.50 EUR\n {2}source: our 2027 budget\n {2}used for: overall/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
