/**
 * `npm run bench`: runs every bench module in this folder (each exports `run(): Promise<BenchResult[]>`)
 * and prints each measurement as a ratio against the baseline measured in the same run. The machine is
 * shared and noisy, so only the ratios are comparable across runs. `npm run bench -- erlang` runs one.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  baselineName: string;
  ms: number;
  baselineMs: number;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const rows: string[] = [];
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<BenchResult[]> };
  if (typeof mod.run !== 'function') continue;
  process.stderr.write(`bench ${file} …\n`);
  for (const r of await mod.run()) {
    const ratio = r.ms / r.baselineMs;
    const line = `${r.name}: ${r.ms.toFixed(1)} ms vs ${r.baselineName}: ${r.baselineMs.toFixed(1)} ms → ratio ${ratio.toFixed(2)}×${r.note ? ` (${r.note})` : ''}`;
    rows.push(line);
    process.stdout.write(`${line}\n`);
  }
}
if (rows.length === 0) process.stdout.write('no benchmarks matched\n');
