import { contact, costLine } from './fixtures.js';

/*
 * A tiny workspace whose every figure was computed by hand (EUR, Europe/Berlin = UTC+1 in winter,
 * service level 20 s, short abandon 5 s, default drivers: wages by handle time, technology by contacts).
 *
 * January (Berlin): c1 voice handled wait 10 handle 300; c2 voice handled wait 30 handle 240;
 *   c3 voice abandoned wait 40; c4 voice abandoned wait 3 (short); c5 email handled wait 3600 handle 600.
 * February: c6 email handled 2026-01-31 23:30 UTC = 1 Feb 00:30 Berlin, wait 7200 handle 480;
 *   c7 chat handled wait 15 handle 720; c8 voice handled wait 25 handle 360;
 *   c9 voice OUTBOUND handled handle 120 (not counted, but agent time); c10 voice callback wait 60;
 *   c11 self_service self_served (not counted).
 *
 * Cost lines:
 *   L1 agent_wages 3100.00 shared, 1 Jan – 1 Mar (59 days): Jan 3100·31/59 = 1628.8135…,
 *      Feb 1471.1864… → cents floor 162881 + 147118 = 309999, the 1 cent left goes to the larger
 *      remainder (Feb .644 > Jan .355): Jan 1628.81, Feb 1471.19.
 *   L2 telephony 90.00 voice-direct, 16 Jan – 16 Feb (31 days: 16 in Jan, 15 in Feb):
 *      4645.16 / 4354.84 cents → Jan 46.45, Feb 43.55.
 *   L3 technology 1200.00 shared annual licence 2026: 120000·31/365 = 10191.78 cents for 31-day months,
 *      9205.48 for Feb, 9863.01 for 30-day months; floors sum to 119994, the 6 cents left go to the first
 *      six 31-day months (ties by order: Jan, Mar, May, Jul, Aug, Oct): Jan 101.92, Feb 92.05, Mar 101.92.
 *   L4 training_recruiting 500.00 email-direct, one day 10 Feb: Feb 500.00.
 *   L5 outsourcing 30.00 social-direct, February: social has no contacts, so its cost stands alone.
 */
const at = (iso: string) => new Date(iso);
export const HAND_CHECKED_CONTACTS = [
  contact({
    id: 'c1',
    arrivedAt: at('2026-01-10T09:00:00Z'),
    waitSeconds: 10,
    talkSeconds: 200,
    holdSeconds: 20,
    wrapSeconds: 80,
    handleSeconds: 300,
  }),
  contact({ id: 'c2', arrivedAt: at('2026-01-20T10:00:00Z'), waitSeconds: 30, handleSeconds: 240 }),
  contact({ id: 'c3', arrivedAt: at('2026-01-21T10:00:00Z'), waitSeconds: 40, outcome: 'abandoned' }),
  contact({ id: 'c4', arrivedAt: at('2026-01-22T10:00:00Z'), waitSeconds: 3, outcome: 'abandoned' }),
  contact({
    id: 'c5',
    channel: 'email',
    arrivedAt: at('2026-01-15T10:00:00Z'),
    waitSeconds: 3600,
    handleSeconds: 600,
  }),
  contact({
    id: 'c6',
    channel: 'email',
    arrivedAt: at('2026-01-31T23:30:00Z'),
    waitSeconds: 7200,
    handleSeconds: 480,
  }),
  contact({
    id: 'c7',
    channel: 'chat',
    arrivedAt: at('2026-02-03T10:00:00Z'),
    waitSeconds: 15,
    handleSeconds: 720,
  }),
  contact({ id: 'c8', arrivedAt: at('2026-02-05T10:00:00Z'), waitSeconds: 25, handleSeconds: 360 }),
  contact({ id: 'c9', direction: 'outbound', arrivedAt: at('2026-02-06T10:00:00Z'), handleSeconds: 120 }),
  contact({ id: 'c10', arrivedAt: at('2026-02-07T10:00:00Z'), waitSeconds: 60, outcome: 'callback' }),
  contact({
    id: 'c11',
    channel: 'self_service',
    arrivedAt: at('2026-02-08T10:00:00Z'),
    outcome: 'self_served',
  }),
];
export const HAND_CHECKED_LINES = [
  costLine({
    id: 'L1',
    category: 'agent_wages',
    amount: '3100.00',
    periodStart: '2026-01-01',
    periodEnd: '2026-03-01',
  }),
  costLine({
    id: 'L2',
    category: 'telephony',
    amount: '90.00',
    periodStart: '2026-01-16',
    periodEnd: '2026-02-16',
    channel: 'voice',
  }),
  costLine({
    id: 'L3',
    category: 'technology',
    amount: '1200.00',
    periodStart: '2026-01-01',
    periodEnd: '2027-01-01',
  }),
  costLine({
    id: 'L4',
    category: 'training_recruiting',
    amount: '500.00',
    periodStart: '2026-02-10',
    periodEnd: '2026-02-11',
    channel: 'email',
  }),
  costLine({
    id: 'L5',
    category: 'outsourcing',
    amount: '30.00',
    periodStart: '2026-02-01',
    periodEnd: '2026-03-01',
    channel: 'social',
  }),
];
