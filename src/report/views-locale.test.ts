import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { createDemoWorkspace } from '../demo/demo-workspace.js';

/** Every view the CLI prints honours --locale: German words, decimal commas, German periods. */
let dir: string;
let ws: string;
const cli = async (...args: string[]) => {
  const r = await captureIo(() => run(args));
  expect(r.err, args.join(' ')).toBe('');
  expect(r.result, args.join(' ')).toBe(0);
  return r.out;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'percontact-locale-'));
  ws = join(dir, 'demo');
  const demo = await createDemoWorkspace({ dir: ws, seed: 7, months: 3, endMonth: '2026-10', scale: 0.03 });
  await demo.close();
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const DE = ['--locale', 'de-DE'];

describe('German views', () => {
  it('explain, drivers, status, imports and benchmarks', async () => {
    const explain = await cli('explain', '-w', ws, '--period', '2026-09', '--channel', 'voice', ...DE);
    expect(explain).toMatch(/^costPerContact für channel voice, 09\.2026 \(EUR, Europe\/Berlin\)/);
    expect(explain).toContain('Kostenzeilen (ihre zugeordneten Teile ergeben die Kosten, ');
    expect(explain).toContain('Definitionen:');
    const drivers = await cli('drivers', '-w', ws, '--from', '2026-09', '--to', '2026-10', ...DE);
    expect(drivers).toMatch(/^Warum sich die Kosten je Kontakt geändert haben, 09\.2026 → 10\.2026/);
    expect(drivers).toContain('Überleitung (die Teile ergeben die Veränderung):');
    // A German definition, not only German labels.
    expect(drivers).toContain('eingehende Kontakte mit Ergebnis');
    const status = await cli('status', '-w', ws, ...DE);
    // The demo's five imports (contacts, costs, fx, agent time, rate cards), counted in German.
    // Dates as Germans write them, not ISO.
    expect(status).toMatch(
      /^Arbeitsbereich .* \(EUR, Europe\/Berlin\): 5 Importe, der letzte am \d\d\.\d\d\.\d{4} \d\d:\d\d\n/,
    );
    expect(status).toContain('Monat    Telefon');
    const imports = await cli('imports', 'list', '-w', ws, ...DE);
    expect(imports).toMatch(/^ID {8}wann \(Europe\/Berlin\) {2}Art {9}Quelle/);
    expect(imports.split('\n')[2]).toMatch(/^\S+ +\d\d\.\d\d\.\d{4} \d\d:\d\d /);
    const benchmarks = await cli('benchmarks', '-w', ws, ...DE);
    expect(benchmarks).toContain('Zeilen mehrerer Kanäle: industry-average (7,16 USD, Jahr nicht angegeben)');
  });

  it('staff and simulate: words and numbers', async () => {
    const one = ['--calls', '100', '--aht', '180', '--sl', '0.8', ...DE];
    const staff = await cli('staff', ...one);
    // Reference: 10 Erlangs, 14 agents, SL 0.888350019 (../shared/reference/erlang.json).
    expect(staff).toMatch(
      /^Erlang C: 100 Anrufe in 1800 s, AHT 180 s; Ziel SL >= 80 % innerhalb 20 s, Ausfallquote 0 %\n/,
    );
    expect(staff).toMatch(/Verkehr\s+10,00 Erlang\n/);
    expect(staff).toMatch(/Servicelevel\s+88,8\s%\n/);
    const file = join(dir, 'intervals.csv');
    await writeFile(file, 'interval_start,calls,aht_seconds\n2026-03-02 08:00,100,180\n');
    const plan = await cli('staff', '--intervals', file, ...DE);
    expect(plan).toMatch(/^Personalplan: 1 Intervall zu 1800 s/);
    expect(plan).toContain('Je Monat');
    const csv = await cli('staff', '--intervals', file, '--format', 'csv', ...DE);
    expect(csv.split('\r\n')[1]).toMatch(/^2026-03-02 08:00;100;180;;erlang-c;10;14;14;0,888/);
    const simulated = await cli('simulate', ...one, '--replications', '4');
    expect(simulated).toMatch(
      /^Eingeschwungener Zustand, 14 Agenten\nSimuliert: 4 Wiederholungen, Startwert 1/,
    );
  });
});
