import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../cli/io.js';
import { run } from '../cli/main.js';
import { type TestWorkspace, testWorkspace } from '../ingest/testing.js';
import { CHANNELS } from '../model/contact.js';
import { workspaceStatus } from './status.js';

describe('workspace status: what is there, month by month and channel by channel', () => {
  let t: TestWorkspace;
  beforeEach(async () => {
    t = await testWorkspace();
  });
  afterEach(async () => {
    await t.close();
  });

  it('shows which months and channels have contacts, costs, agent time and handle time', async () => {
    // March 2026: two voice calls with talk time, one chat without handle time; April: one voice call.
    // The ledger covers only 2025 (December's wages), plus a voice-only line in April 2026.
    const contacts = [
      'id,channel,arrived_at,talk_seconds,outcome',
      '1,voice,2026-03-02 10:00,300,handled',
      '2,voice,2026-03-03 10:00,,abandoned',
      '3,chat,2026-03-04 10:00,,handled',
      '4,voice,2026-04-01 10:00,200,handled',
    ].join('\n');
    await t.import({ files: [await t.file('calls.csv', contacts)] });
    const ledger =
      'id,category,amount,period,channel\nw,agent_wages,1000,2025-12,\nt,telephony,10,2026-04,voice\n';
    await t.import({ kind: 'costs', files: [await t.file('ledger.csv', ledger)] });
    const time = 'day,agent,channel,staffed_seconds\n2026-03-02,a1,voice,3600\n2026-04-01,a1,,1800\n';
    await t.import({ kind: 'agent-time', files: [await t.file('time.csv', time)] });
    const view = await workspaceStatus(t.ws);
    expect(view.months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
    expect(view.channels).toEqual(['voice', 'chat']);
    const cell = (month: string, channel: string) =>
      view.cells.find((c) => c.month === month && c.channel === channel);
    expect(cell('2025-12', 'voice')).toMatchObject({ contacts: 0, costLines: 1 });
    expect(cell('2026-03', 'voice')).toEqual({
      month: '2026-03',
      channel: 'voice',
      contacts: 2,
      handled: 1,
      handledWithHandleTime: 1,
      costLines: 0,
      agentTimeSeconds: 3600,
    });
    expect(cell('2026-03', 'chat')).toMatchObject({ contacts: 1, handled: 1, handledWithHandleTime: 0 });
    // Agent time without a channel counts for every channel; the voice line only for voice.
    expect(cell('2026-04', 'chat')).toMatchObject({ costLines: 0, agentTimeSeconds: 1800 });
    expect(cell('2026-04', 'voice')).toMatchObject({ costLines: 1, agentTimeSeconds: 1800 });
    expect(view.totals).toMatchObject({ contacts: 4, costLines: 2, cost: { EUR: '1010.00' }, agentDays: 2 });
    expect(view.imports.count).toBe(3);

    await t.ws.close();
    const r = await captureIo(() => run(['status', '-w', t.ws.dir]));
    expect(r.result).toBe(0);
    const map = r.out.split('\n');
    const at = map.findIndex((l) => l.startsWith('month'));
    expect(map.slice(at, at + 6)).toEqual([
      'month    voice  chat',
      '2025-12  -$--   -$--',
      '2026-01  ----   ----',
      '2026-02  ----   ----',
      '2026-03  C-AH   C---',
      '2026-04  C$AH   --A-',
    ]);
    expect(r.out).toContain('Contacts without cost lines (no cost per contact there): 2026-03');
  });

  it('fits the coverage map of every channel into 100 columns', async () => {
    const rows = CHANNELS.map((channel, i) => `${i},${channel},2026-03-02 10:00,60,handled`);
    await t.import({
      files: [await t.file('all.csv', ['id,channel,arrived_at,talk_seconds,outcome', ...rows].join('\n'))],
    });
    const ledger =
      'id,category,amount,currency,period\na,agent_wages,123456789012.34,EUR,2026\nb,other,1,USD,2026-03\nc,other,1,GBP,2026-03\n';
    await t.import({ kind: 'costs', files: [await t.file('ledger.csv', ledger)] });
    const time = 'day,agent,staffed_seconds\n2026-03-02,a1,3600\n';
    await t.import({ kind: 'agent-time', files: [await t.file('time.csv', time)] });
    await t.ws.close();
    const r = await captureIo(() => run(['status', '-w', t.ws.dir]));
    // The first line names the folder, as long as the user's path is.
    const lines = r.out.split('\n').filter((l) => !l.startsWith('Workspace '));
    expect(lines.slice(0, 2)).toEqual([
      '  9 contacts, 3 cost lines, 1 agent day',
      '  ledger total EUR 123,456,789,012.34, GBP 1.00, USD 1.00',
    ]);
    expect(lines.find((l) => l.startsWith('month'))).toBe(
      `month    ${CHANNELS.map((c) => c.padEnd(Math.max(4, c.length))).join('  ')}`.trimEnd(),
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });
});
