import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/config.js';
import type { Contact } from '../model/contact.js';
import { explainJson, explainText } from '../report/explain-render.js';
import { type RowView, reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';
import { explain } from './explain.js';

const definitions = resolveDefinitions(defaultConfig('EUR', 'UTC'));
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const march = { granularity: 'month' as const, from: '2026-03', to: '2026-03' };
const ledger = [costLine({ id: 'L', amount: '100.00', periodStart: '2026-03-01', periodEnd: '2026-04-01' })];

async function withEngine<T>(
  contacts: Contact[],
  run: (engine: Awaited<ReturnType<typeof engineWith>>) => Promise<T>,
) {
  const engine = await engineWith(contacts, ledger);
  try {
    return await run(engine);
  } finally {
    await engine.close();
  }
}

describe('answered contacts without a known wait', () => {
  /*
   * A CDR that records no queue time (3CX v16): 3 answered calls and 2 abandoned ones, no wait on
   * any. Service level (default formula, answered within 20 s ÷ (answered + abandoned − abandoned
   * within 5 s)) over the contacts measured against the threshold: 0 answered measured, 2 abandoned
   * → 0 ÷ 2 = 0.0 % before, which says every caller waited too long. By hand: no answered contact
   * has a known wait, so service level and ASA are undefined, and a note says why.
   */
  const contacts = [
    ...['02', '03', '04'].map((d, i) =>
      contact({ id: `h${i}`, arrivedAt: at(`2026-03-${d}`), handleSeconds: 120 }),
    ),
    ...['05', '06'].map((d, i) =>
      contact({ id: `a${i}`, arrivedAt: at(`2026-03-${d}`), outcome: 'abandoned' }),
    ),
  ];
  const text = 'no answered contact has a known wait (3 answered); service level and ASA are undefined';

  it('shows service level and ASA as undefined with a note, on the row and the totals', async () => {
    const view = await withEngine(contacts, async (engine) =>
      reportView(await costPerContactReport(engine, definitions, { ...march, by: [] })),
    );
    for (const row of [view.rows[0], view.totals]) {
      expect(row).toMatchObject({ handled: 3, abandoned: 2, serviceLevel: null, asaSeconds: null });
      expect(Object.values(row?.serviceLevelVariants ?? {})).toEqual([null, null, null, null, null]);
    }
    expect(view.rows[0]?.notes.find((n) => n.code === 'noWait')?.text).toBe(`2026-03: ${text}`);
    expect(view.totals.notes.find((n) => n.code === 'noWait')?.text).toBe(`total: ${text}`);
  });

  it('explain says so instead of 0 ÷ 2', async () => {
    const e = await withEngine(contacts, (engine) =>
      explain(engine, definitions, { period: '2026-03', segment: {} }),
    );
    expect(JSON.parse(explainJson(e, 'serviceLevel')).formula).toMatchObject({
      numerator: '0',
      denominator: '2',
      value: null,
      undefinedBecause: 'noWait',
    });
    const out = explainText(e, 'serviceLevel');
    expect(out).toContain('= 0 ÷ 2 = undefined (no answered contact has a known wait)');
    expect(out).toContain(`total: ${text}`);
    expect(explainText(e, 'asaSeconds')).toContain(
      '= 0 ÷ 0 = undefined (no answered contact has a known wait)',
    );
  });

  it('still measures the channels whose waits are known', async () => {
    /*
     * Voice: 2 answered, waits 10 s and 30 s (1 within 20 s) → 1 ÷ 2 = 50 %, ASA 20 s. Chat: 2
     * answered without a wait → undefined, with the note. The total rests on voice's known waits:
     * 1 ÷ 2 = 50 %, ASA 40 ÷ 2 = 20 s, and no note (some answered contacts have a known wait).
     */
    const mixed = [
      contact({ id: 'v1', arrivedAt: at('2026-03-02'), waitSeconds: 10, handleSeconds: 60 }),
      contact({ id: 'v2', arrivedAt: at('2026-03-03'), waitSeconds: 30, handleSeconds: 60 }),
      ...['04', '05'].map((d, i) =>
        contact({ id: `c${i}`, channel: 'chat', arrivedAt: at(`2026-03-${d}`), handleSeconds: 60 }),
      ),
    ];
    const view = await withEngine(mixed, async (engine) =>
      reportView(await costPerContactReport(engine, definitions, { ...march, by: ['channel'] })),
    );
    const rows: Record<string, RowView> = Object.fromEntries(view.rows.map((r) => [r.dimensions.channel, r]));
    expect(rows.voice).toMatchObject({ serviceLevel: 0.5, asaSeconds: 20 });
    expect(rows.chat).toMatchObject({ serviceLevel: null, asaSeconds: null });
    expect(rows.chat?.notes.find((n) => n.code === 'noWait')?.text).toBe(
      '2026-03 chat: no answered contact has a known wait (2 answered); service level and ASA are undefined',
    );
    expect(view.totals).toMatchObject({ serviceLevel: 0.5, asaSeconds: 20 });
    expect(view.totals.notes.map((n) => n.code)).not.toContain('noWait');
  });
});
