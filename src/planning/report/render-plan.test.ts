import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PlanFigures } from '../scenario/figures.js';
import type { PlanOutcome } from '../scenario/run-plan.js';
import { renderPlanOutput } from './render-plan.js';

const figures = (agents: PlanFigures['agentsPerInterval'], serviceLevel: number): PlanFigures => ({
  offered: 1000,
  contacts: 1000,
  selfServed: 0,
  cost: '5000.00',
  costByCategory: {},
  costPerContact: '5.00',
  costPerContactWithSelfServed: '5.00',
  costPerResolution: '6.25',
  serviceLevel,
  asaSeconds: 12,
  abandonRate: 0.02,
  occupancy: 0.8,
  fcr: 0.8,
  scheduledHours: 1234.5,
  scheduledFte: 7.7,
  agentsPerInterval: agents,
});

// Email is staffed to its workload (fractional agents), voice by Erlang (whole agents).
const side = (email: PlanFigures['agentsPerInterval'], voice: PlanFigures['agentsPerInterval']) => ({
  totals: figures(null, 0.8),
  channels: [
    { channel: 'email', ...figures(email, 0.99) },
    { channel: 'voice', ...figures(voice, 0.75) },
  ],
});

const outcome: PlanOutcome = {
  currency: 'EUR',
  range: { from: '2026-08-01', to: '2026-11-01' },
  levers: {},
  baseline: side({ mean: 1.4, peak: 5 }, { mean: 13.8, peak: 22 }),
  scenario: side({ mean: 1.3, peak: 4.5 }, { mean: 14.2, peak: 24 }),
  bridge: [],
  change: { cost: '0.00', costPerContact: '0.00' },
  constraints: [],
  violations: [],
  calibration: [],
  simulatedUnits: 0,
  notes: [],
};

/** The baseline, scenario and change cells of a comparison row of the text table. */
const cellsOf = (text: string, channel: string, figure: string) =>
  text
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/))
    .find((cells) => cells[0] === channel && cells[1] === figure)
    ?.slice(2);

describe('plan outputs: agents per interval', () => {
  it('show a fractional peak with one decimal and whole agents as counts, in text', async () => {
    const text = String(await renderPlanOutput({ outcome }, 'table'));
    expect(cellsOf(text, 'email', 'agents per interval, peak')).toEqual(['5.0', '4.5', '-0.5']);
    expect(cellsOf(text, 'voice', 'agents per interval, peak')).toEqual(['22', '24', '+2']);
    expect(cellsOf(text, 'voice', 'scheduled FTE')).toEqual(['7.7', '7.7', '0.0']);
  });

  it('keep the values in CSV and give each XLSX cell its own number format', async () => {
    const csv = String(await renderPlanOutput({ outcome }, 'csv'));
    expect(csv).toContain('comparison,email,"agents per interval, peak",5,4.5,-0.5');
    const workbook = new ExcelJS.Workbook();
    const bytes = (await renderPlanOutput({ outcome }, 'xlsx')) as Uint8Array;
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Baseline and scenario');
    const rows: Record<string, { value: unknown; format: string | undefined }[]> = {};
    sheet?.eachRow((row) => {
      const cells = [3, 4, 5].map((i) => ({ value: row.getCell(i).value, format: row.getCell(i).numFmt }));
      rows[`${row.getCell(1).value} ${row.getCell(2).value}`] = cells;
    });
    expect(rows['email agents per interval, peak']).toEqual([
      { value: 5, format: '#,##0.0' },
      { value: 4.5, format: '#,##0.0' },
      { value: -0.5, format: '+#,##0.0;-#,##0.0;0.0' },
    ]);
    // Shares as percentages and money with cents in the same columns as counts.
    expect(rows['email service level']?.[0]).toEqual({ value: 0.99, format: '0.0%' });
    expect(rows['email cost per contact']?.[0]).toEqual({ value: 5, format: '#,##0.00' });
    expect(rows['email offered contacts']?.[0]).toEqual({ value: 1000, format: '#,##0' });
  });
});
