import { describe, expect, it } from 'vitest';
import { AGENT_TIME_TABLE } from '../engine/schema.js';
import { defaultConfig, type WorkspaceConfig } from '../model/config.js';
import type { Contact } from '../model/contact.js';
import { type RowView, reportView } from '../report/report-view.js';
import { contact, costLine, engineWith } from '../test-support/fixtures.js';
import { costPerContactReport } from './cost-per-contact.js';
import { describeDefinitions, resolveDefinitions } from './definitions.js';

const at = (day: string) => new Date(`${day}T10:00:00Z`);
const march = { granularity: 'month' as const, from: '2026-03', to: '2026-03', by: ['channel' as const] };
const wages = (amount: string) =>
  costLine({
    id: 'wages',
    category: 'agent_wages',
    amount,
    periodStart: '2026-03-01',
    periodEnd: '2026-04-01',
  });

async function byChannel(contacts: Contact[], amount: string, config: WorkspaceConfig, setup = '') {
  const engine = await engineWith(contacts, [wages(amount)]);
  try {
    if (setup) await engine.execute(setup);
    const view = reportView(await costPerContactReport(engine, resolveDefinitions(config), march));
    const rows: Record<string, RowView> = Object.fromEntries(view.rows.map((r) => [r.dimensions.channel, r]));
    return { view, rows };
  } finally {
    await engine.close();
  }
}

describe('channels without handle time', () => {
  // Voice: 2 calls of 300 s. Chat from a help desk that records no handle time: 3 handled chats.
  const contacts = [
    contact({ id: 'v1', arrivedAt: at('2026-03-02'), waitSeconds: 10, handleSeconds: 300 }),
    contact({ id: 'v2', arrivedAt: at('2026-03-03'), waitSeconds: 10, handleSeconds: 300 }),
    ...['04', '05', '06'].map((d, i) =>
      contact({ id: `c${i}`, channel: 'chat', arrivedAt: at(`2026-03-${d}`), waitSeconds: 20 }),
    ),
  ];

  it('falls back to contacts for the shared line, and never counts missing handle time as 0 s', async () => {
    /*
     * Wages 100.00 by handle_time: chat has counted contacts but no handle time, so the whole line
     * goes by the fallback driver, contacts: voice 2/5 = 40.00 (20.00 each), chat 3/5 = 60.00
     * (20.00 each). Before: chat got 0.00 (0.00 per contact) and voice all 100.00.
     * AHT: voice 600/2 = 300 s; chat undefined; all channels 600 s over the 2 timed contacts = 300 s
     * (before: 600/5 = 120 s, as if each chat took 0 s).
     */
    const { view, rows } = await byChannel(contacts, '100.00', defaultConfig('EUR', 'UTC'));
    expect(rows.voice).toMatchObject({ cost: '40.00', costPerContact: '20.00', ahtSeconds: 300 });
    expect(rows.chat).toMatchObject({ cost: '60.00', costPerContact: '20.00', ahtSeconds: null });
    expect(view.totals.ahtSeconds).toBe(300);
    expect(rows.chat?.coverage.handleTime).toBe(false);
    // (their contacts cover 2 to 6 March only: partial too)
    expect(rows.chat?.notes.map((n) => n.code)).toEqual(['partial', 'fallbackDriver', 'noHandleTime']);
    expect(rows.chat?.notes[1]?.text).toBe(
      '2026-03: 1 shared cost line allocated by contacts instead of handle_time, because chat had counted contacts but no handle_time weight',
    );
    expect(view.definitions.fallbackDriver).toMatch(/^contacts: allocates a shared cost line/);
  });

  it('takes the fallback driver from the configuration', async () => {
    // fallbackDriver equal: voice and chat each 50.00 → voice 25.00, chat 16.67 per contact.
    const config = defaultConfig('EUR', 'UTC');
    config.allocation.fallbackDriver = 'equal';
    const { rows } = await byChannel(contacts, '100.00', config);
    expect(rows.voice).toMatchObject({ cost: '50.00', costPerContact: '25.00' });
    expect(rows.chat).toMatchObject({ cost: '50.00', costPerContact: '16.67' });
  });
});

describe('concurrency: agent-occupied time', () => {
  // Voice: 2 calls of 300 s (600 s). Chat: 4 chats of 600 s (2400 s), handled 4 at once.
  const contacts = [
    contact({ id: 'v1', arrivedAt: at('2026-03-02'), handleSeconds: 300, agent: 'ann' }),
    contact({ id: 'v2', arrivedAt: at('2026-03-02'), handleSeconds: 300, agent: 'ann' }),
    ...[0, 1, 2, 3].map((i) =>
      contact({ id: `c${i}`, channel: 'chat', arrivedAt: at('2026-03-03'), handleSeconds: 600, agent: 'bo' }),
    ),
  ];
  const config = { ...defaultConfig('EUR', 'UTC'), concurrency: { chat: 4 } };

  it('weights handle_time by handle seconds ÷ concurrency and prints the definition', async () => {
    /*
     * Wages 120.00. By raw handle time (before): voice 600/3000 → 24.00 (12.00 a call), chat 96.00
     * (24.00 a chat): chat dearer than voice. Occupied: voice 600 s, chat 2400 ÷ 4 = 600 s →
     * 60.00 each: voice 30.00 a call, chat 15.00 a chat.
     */
    const { view, rows } = await byChannel(contacts, '120.00', config);
    expect(rows.voice).toMatchObject({ cost: '60.00', costPerContact: '30.00' });
    expect(rows.chat).toMatchObject({ cost: '60.00', costPerContact: '15.00' });
    // AHT stays the contacts' own handle time: 600 s a chat.
    expect(rows.chat?.ahtSeconds).toBe(600);
    expect(view.definitions.handleTimeWeight).toContain('concurrency');
    expect(view.definitions.handleTimeWeight).toContain('chat 4');
    expect(describeDefinitions(resolveDefinitions(config)).occupancy).toMatch(/^agent-occupied time/);
  });

  it("prefers a contact's own concurrency, and measures occupancy on occupied time", async () => {
    /*
     * Chat c0 carries its own concurrency 2: 600 ÷ 2 = 300 s; the other three 600 ÷ 4 = 150 s each.
     * Chat occupied 300 + 450 = 750 s, voice 600 s, 1350 s in all: voice 120 × 600/1350 = 53.333…,
     * chat 66.666… → 53.33 and 66.67 by largest remainder (remainders .333 and .667).
     * Occupancy: staffed time 1000 s for ann (voice), 1500 s for bo (chat): voice 600/1000 = 0.6,
     * chat 750/1500 = 0.5 (by raw handle time chat would be 2400/1500, above 1).
     */
    const agentTime = `INSERT INTO ${AGENT_TIME_TABLE.name} (day, agent, team, channel, queue, staffed_seconds, paid_seconds)
      VALUES ('2026-03-02', 'ann', NULL, 'voice', NULL, 1000, 1200), ('2026-03-03', 'bo', NULL, 'chat', NULL, 1500, 1800)`;
    const { rows } = await byChannel(
      contacts,
      '120.00',
      config,
      `UPDATE contacts SET concurrency = 2 WHERE id = 'c0'; ${agentTime}`,
    );
    expect(rows.voice).toMatchObject({ cost: '53.33', occupancy: 0.6 });
    expect(rows.chat).toMatchObject({ cost: '66.67', occupancy: 0.5 });
  });
});
