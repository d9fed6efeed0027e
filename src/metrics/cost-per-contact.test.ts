import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.js';
import { defaultConfig } from '../model/config.js';
import { reportView } from '../report/report-view.js';
import { contact, engineWith } from '../test-support/fixtures.js';
import {
  HAND_CHECKED_CONTACTS as CONTACTS,
  HAND_CHECKED_LINES as LINES,
} from '../test-support/hand-checked.js';
import { costPerContactReport } from './cost-per-contact.js';
import { resolveDefinitions } from './definitions.js';

const at = (iso: string) => new Date(iso);
const definitions = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(CONTACTS, LINES);
});
afterAll(() => engine.close());

describe('cost per contact, hand-checked', () => {
  it('by month', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, { granularity: 'month', by: [] }),
    );
    expect(view.rows.map((r) => [r.period, r.contacts, r.cost, r.costPerContact])).toEqual([
      // Jan: 1628.81 + 46.45 + 101.92 = 1777.18 over c1, c2, c5 → 592.393…
      ['2026-01', 3, '1777.18', '592.39'],
      // Feb: 1471.19 + 43.55 + 92.05 + 500.00 + 30.00 = 2136.79 over c6, c7, c8, c10 → 534.1975
      ['2026-02', 4, '2136.79', '534.20'],
    ]);
    const jan = view.rows[0];
    // AHT (300+240+600)/3 = 380; abandon (2−1)/(5−1). ASA would blend voice's seconds (10, 30) with
    // email's hour (3600): (10+30+3600)/3 = 1213.3 describes neither, so it is not shown (the
    // by-channel report has voice 20 s, email 3600 s).
    // SL: within threshold c1 (voice 10 ≤ 20 s) and c5 (email 3600 ≤ the default email threshold of
    // 24 h), not c2 (30 s) → 2 / (3 + 2 − 1 short) = 0.5
    expect(jan).toMatchObject({
      handled: 3,
      abandoned: 2,
      ahtSeconds: 380,
      asaSeconds: null,
      serviceLevel: 0.5,
      abandonRate: 0.25,
    });
    expect(jan?.notes.map((n) => n.code)).toContain('asaMixed');
    // Feb: AHT (480+720+360)/3 = 520; ASA mixed again (email 7200 s beside chat 15 s, voice 25 s);
    // SL c6 (email 2 h ≤ 24 h) and c7 (chat 15 s) of 3 = 0.6667; no abandons of 4 offered
    expect(view.rows[1]).toMatchObject({
      handled: 3,
      abandoned: 0,
      ahtSeconds: 520,
      asaSeconds: null,
      serviceLevel: 0.6667,
      abandonRate: 0,
    });
    // 3913.97 / 7 = 559.138…
    expect(view.totals).toMatchObject({ contacts: 7, cost: '3913.97', costPerContact: '559.14' });
  });

  it('by channel: direct costs stay, shared costs follow their drivers', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, { granularity: 'month', by: ['channel'] }),
    );
    const rows = view.rows.map((r) => [r.period, r.dimensions.channel, r.contacts, r.cost, r.costPerContact]);
    expect(rows).toEqual([
      /*
       * Jan L1 1628.81 by handle time voice 540 : email 600 → 77154.16 / 85726.84 cents, the spare cent to
       * email: 771.54 / 857.27. L3 101.92 by contacts voice 2 : email 1 → 6794.67 / 3397.33, spare cent to
       * voice: 67.95 / 33.97. Voice 771.54 + 46.45 + 67.95 = 885.94; email 857.27 + 33.97 = 891.24.
       */
      ['2026-01', 'email', 1, '891.24', '891.24'],
      ['2026-01', 'voice', 2, '885.94', '442.97'],
      /*
       * Feb L1 1471.19 by handle time voice 480 (incl. outbound c9) : email 480 : chat 720 → exactly
       * 420.34 / 420.34 / 630.51. L3 92.05 by contacts voice 2 : email 1 : chat 1 → 4602.5 / 2301.25 /
       * 2301.25 cents, spare cent to voice: 46.03 / 23.01 / 23.01.
       * chat 630.51 + 23.01 = 653.52; email 420.34 + 23.01 + 500 = 943.35; voice 420.34 + 43.55 + 46.03 = 509.92.
       */
      ['2026-02', 'chat', 1, '653.52', '653.52'],
      ['2026-02', 'email', 1, '943.35', '943.35'],
      // self_service (c11, self-served: not counted, no cost) has nothing to show and is left out
      ['2026-02', 'social', 0, '30.00', null],
      ['2026-02', 'voice', 2, '509.92', '254.96'],
    ]);
    expect(view.totals).toMatchObject({ contacts: 7, cost: '3913.97' });
    const janVoice = view.rows[1];
    // voice Jan: SL 1 within 20 s of (2 answered + 2 abandoned − 1 short) = 1/3; abandon (2−1)/(4−1)
    expect(janVoice).toMatchObject({
      ahtSeconds: 270,
      asaSeconds: 20,
      serviceLevel: 0.3333,
      abandonRate: 0.3333,
    });
  });

  it('reports a shared cost without any weight as unallocated, never drops it', async () => {
    const view = reportView(
      await costPerContactReport(engine, definitions, {
        granularity: 'month',
        by: ['channel'],
        from: '2026-03',
        to: '2026-03',
      }),
    );
    // March: only L3's 101.92 accrues and there are no contacts to carry it.
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      kind: 'unallocated',
      cost: '101.92',
      contacts: 0,
      costPerContact: null,
    });
    expect(view.totals).toMatchObject({ cost: '101.92', costPerContact: null });
  });

  it('refuses a period with no contacts and no costs', async () => {
    await expect(
      costPerContactReport(engine, definitions, {
        granularity: 'month',
        by: [],
        from: '2030-01',
        to: '2030-02',
      }),
    ).rejects.toMatchObject({ code: 'EMPTY_PERIOD' });
  });
});

describe('weeks in the workspace time zone', () => {
  it('buckets by ISO week in local time across the DST change', async () => {
    // Summer time starts 29 Mar 2026 in Berlin (UTC+2 after). 21:59 UTC is Sunday 23:59 local (week 13);
    // 22:30 UTC is Monday 00:30 local (week 14), which a fixed UTC+1 offset would put in week 13.
    const e = await engineWith(
      [
        contact({ id: 'a', arrivedAt: at('2026-03-29T21:59:00Z'), handleSeconds: 60 }),
        contact({ id: 'b', arrivedAt: at('2026-03-29T22:30:00Z'), handleSeconds: 60 }),
        contact({ id: 'c', arrivedAt: at('2026-03-22T23:30:00Z'), handleSeconds: 60 }),
      ],
      [],
    );
    const view = reportView(await costPerContactReport(e, definitions, { granularity: 'week', by: [] }));
    // c: 22 Mar 23:30 UTC = Monday 23 Mar 00:30 CET → week 13 too.
    expect(view.rows.map((r) => [r.period, r.contacts])).toEqual([
      ['2026-W13', 2],
      ['2026-W14', 1],
    ]);
    await e.close();
  });
});
