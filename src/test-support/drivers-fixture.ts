import { contact, costLine } from './fixtures.js';

/*
 * February and March 2026 (Europe/Berlin), every contact inbound and handled, team "day".
 * Feb: voice 2 (300 s each), email 2 (600 s each), sms 1 (120 s). V⁰ = 5.
 *   costs: voice telephony 100.00, email agent_wages 200.00, sms other 30.00, social outsourcing 10.00
 *   (no social contacts). C⁰ = 340, CPC⁰ = 68.
 * Mar: voice 1 (300 s), email 3 (600 s each), chat 1 (900 s). V¹ = 5.
 *   costs: voice telephony 125.00, email agent_wages 240.00, chat agent_wages 50.00, social 20.00,
 *   supervision 80.00 direct to team "night", which has no contacts: unallocated. C¹ = 515, CPC¹ = 103.
 * Change +35:
 *   voice w 2/5 → 1/5, u 50 → 125: mix −0.2·87.5 = −17.5; rate 0.3·75 = 22.5 = cost growth
 *     0.3·25·mean(1/2, 1) = 5.625 + volume growth 0.3·(1 − 1/2)·112.5 = 16.875.
 *   email w 2/5 → 3/5, u 100 → 80: mix 0.2·90 = 18; rate 0.5·(−20) = −10 = cost growth
 *     0.5·40·mean(1/2, 1/3) = 8.3333… + volume growth 0.5·(1/3 − 1/2)·220 = −18.3333….
 *   chat entered 50/5 = 10; sms left −30/5 = −6; social without contacts 20/5 − 10/5 = 2;
 *   unallocated 80/5 = 16. 0.5 + 12.5 + 10 − 6 + 2 + 16 = 35.
 * Shown in cents (largest remainder, target 103.00 − 68.00 = 35.00): floors leave 2 cents; they go to
 *   email volume growth (remainder .667 of a cent: −18.33) and voice cost growth (.5, before voice
 *   volume growth's .5: 5.63), so voice 5.63 + 16.87 = 22.50 and email 8.33 − 18.33 = −10.00.
 * Labour (agent_wages + supervision): Feb 200 → y⁰ 40; Mar 240 + 50 + 80 = 370 → y¹ 74; other costs
 *   28 → 29. AHT 1920/5 = 384 s → 3000/5 = 600 s; labour per handle hour 200 ÷ (1920/3600) = 375 →
 *   370 ÷ (3000/3600) = 444; handled share 1 → 1. LMDI: AHT 34·ln(600/384)/ln(74/40) = 24.6653…,
 *   rate 34·ln(444/375)/ln(74/40) = 9.3347…
 * Apr (compared with Feb only): voice 1 (300 s), voice telephony 50.00: CPC 50.
 */
const at = (iso: string) => new Date(iso);
const handled = (
  id: string,
  channel: 'voice' | 'email' | 'sms' | 'chat',
  day: string,
  handleSeconds: number,
) => contact({ id, channel, arrivedAt: at(`${day}T10:00:00Z`), handleSeconds, team: 'day' });
export const DRIVERS_CONTACTS = [
  handled('f1', 'voice', '2026-02-03', 300),
  handled('f2', 'voice', '2026-02-04', 300),
  handled('f3', 'email', '2026-02-05', 600),
  handled('f4', 'email', '2026-02-06', 600),
  handled('f5', 'sms', '2026-02-07', 120),
  handled('m1', 'voice', '2026-03-03', 300),
  handled('m2', 'email', '2026-03-04', 600),
  handled('m3', 'email', '2026-03-05', 600),
  handled('m4', 'email', '2026-03-06', 600),
  handled('m5', 'chat', '2026-03-07', 900),
  handled('a1', 'voice', '2026-04-07', 300),
];
const feb = { periodStart: '2026-02-01', periodEnd: '2026-03-01' };
const mar = { periodStart: '2026-03-01', periodEnd: '2026-04-01' };
export const DRIVERS_LINES = [
  costLine({ id: 'tel-feb', category: 'telephony', amount: '100.00', channel: 'voice', ...feb }),
  costLine({ id: 'tel-mar', category: 'telephony', amount: '125.00', channel: 'voice', ...mar }),
  costLine({ id: 'wage-feb', category: 'agent_wages', amount: '200.00', channel: 'email', ...feb }),
  costLine({ id: 'wage-mar', category: 'agent_wages', amount: '240.00', channel: 'email', ...mar }),
  costLine({ id: 'chat-mar', category: 'agent_wages', amount: '50.00', channel: 'chat', ...mar }),
  costLine({ id: 'sms-feb', category: 'other', amount: '30.00', channel: 'sms', ...feb }),
  costLine({ id: 'soc-feb', category: 'outsourcing', amount: '10.00', channel: 'social', ...feb }),
  costLine({ id: 'soc-mar', category: 'outsourcing', amount: '20.00', channel: 'social', ...mar }),
  costLine({ id: 'night', category: 'supervision', amount: '80.00', team: 'night', ...mar }),
  costLine({
    id: 'tel-apr',
    category: 'telephony',
    amount: '50.00',
    channel: 'voice',
    periodStart: '2026-04-01',
    periodEnd: '2026-05-01',
  }),
];
