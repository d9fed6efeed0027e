import { periodsBetween } from '../../calendar/period.js';
import { localToInstant } from '../../calendar/time-zone.js';
import { resolveDefinitions } from '../../metrics/definitions.js';
import { defaultConfig } from '../../model/config.js';
import type { Contact } from '../../model/contact.js';
import { contact } from '../fixtures.js';

/*
 * Contacts for the report's contact measures, every figure computed by hand (Europe/Berlin = UTC+1;
 * default definitions: inbound handled or callback contacts count; service level 20 s, email 86400 s;
 * short abandon 5 s; repeat window 7 days; CSAT top box >= 0.75). Periods: January and February 2026.
 *
 *  id  channel       dir  cust  arrived (UTC)      Berlin   wait   handle outcome     resolved csat
 *  1   voice         in   A     2026-01-05 09:00   Jan      10     300    handled     -        1.0
 *  2   voice         in   A     2026-01-08 09:00   Jan      30     200    handled     -        0.5
 *  3   voice         in   B     2026-01-10 12:00   Jan      4      -      abandoned   -        -
 *  4   voice         in   B     2026-01-12 12:00   Jan      25     400    handled     true     -
 *  5   email         in   C     2026-01-31 22:30   Jan 23:30 3600  600    handled     false    0.8
 *  6   email         in   C     2026-01-31 23:30   Feb 00:30 90000 100    handled     -        -
 *  7   voice         out  A     2026-02-03 10:00   Feb      -      120    handled     -        -
 *  8   voice         in   -     2026-02-10 10:00   Feb      15     500    handled     -        0.9
 *  9   chat          in   D     2026-02-15 10:00   Feb      8      -      callback    -        -
 *  10  voice         in   A     2026-02-28 22:00   Feb 23:00 50    250    handled     -        -
 *  11  voice         in   A     2026-03-02 10:00   March (outside, but within 7 days of 10)
 *  12  self_service  in   E     2026-02-12 10:00   Feb      -      -      self_served -        -
 *  13  voice         in   F     2025-12-31 22:00   Dec 23:00 (outside)
 *
 * Repeats (next counted contact of the same customer within 7 days): 1 (→ 2 after 3 days), 5 (→ 6
 * after 1 h), 10 (→ 11 after 2.5 days). Not: 2 (→ 10 after 51 days), 4 (3 is abandoned, not counted),
 * 6, 9 (none after), 8 (no customer). Resolutions: flagged true, or no flag and not a repeat:
 * Jan voice 2 and 4; Jan email none (5 flagged false); Feb email 6, voice 8, chat 9.
 */
const at = (iso: string) => new Date(`${iso}Z`);
const voice = (id: string, customer: string | null, arrived: string, fields: Partial<Contact> = {}) =>
  contact({ id, customer, arrivedAt: at(arrived), queue: 'sales', ...fields });

export const MEASURE_CONTACTS: Contact[] = [
  voice('1', 'A', '2026-01-05T09:00:00', { waitSeconds: 10, handleSeconds: 300, csat: 1 }),
  voice('2', 'A', '2026-01-08T09:00:00', { waitSeconds: 30, handleSeconds: 200, csat: 0.5 }),
  voice('3', 'B', '2026-01-10T12:00:00', { waitSeconds: 4, outcome: 'abandoned', queue: 'support' }),
  voice('4', 'B', '2026-01-12T12:00:00', { waitSeconds: 25, handleSeconds: 400, resolved: true }),
  contact({
    id: '5',
    channel: 'email',
    customer: 'C',
    arrivedAt: at('2026-01-31T22:30:00'),
    waitSeconds: 3600,
    handleSeconds: 600,
    resolved: false,
    csat: 0.8,
  }),
  contact({
    id: '6',
    channel: 'email',
    customer: 'C',
    arrivedAt: at('2026-01-31T23:30:00'),
    waitSeconds: 90_000,
    handleSeconds: 100,
  }),
  voice('7', 'A', '2026-02-03T10:00:00', { direction: 'outbound', handleSeconds: 120 }),
  voice('8', null, '2026-02-10T10:00:00', { waitSeconds: 15, handleSeconds: 500, csat: 0.9 }),
  contact({
    id: '9',
    channel: 'chat',
    customer: 'D',
    arrivedAt: at('2026-02-15T10:00:00'),
    waitSeconds: 8,
    outcome: 'callback',
  }),
  voice('10', 'A', '2026-02-28T22:00:00', { waitSeconds: 50, handleSeconds: 250 }),
  voice('11', 'A', '2026-03-02T10:00:00', { waitSeconds: 5, handleSeconds: 100 }),
  contact({
    id: '12',
    channel: 'self_service',
    customer: 'E',
    arrivedAt: at('2026-02-12T10:00:00'),
    outcome: 'self_served',
  }),
  voice('13', 'F', '2025-12-31T22:00:00', { waitSeconds: 5, handleSeconds: 100 }),
];

export const MEASURE_DEFINITIONS = resolveDefinitions(defaultConfig('EUR', 'Europe/Berlin'));
export const MEASURE_PERIODS = periodsBetween('2026-01-01', '2026-03-01', 'month');
export const MEASURE_RANGE = {
  from: localToInstant('2026-01-01', 'Europe/Berlin'),
  to: localToInstant('2026-03-01', 'Europe/Berlin'),
};

type Figures = Record<string, number>;
const ZERO: Figures = {
  contacts: 0,
  voiceContacts: 0,
  handled: 0,
  handleSeconds: 0,
  weightHandleSeconds: 0,
  waitAnsweredSeconds: 0,
  answeredTimed: 0,
  slAnswered: 0,
  slAbandoned: 0,
  answeredWithin: 0,
  abandoned: 0,
  abandonedShort: 0,
  abandonedWithin: 0,
  offered: 0,
  selfServed: 0,
  contactsWithCustomer: 0,
  csatCount: 0,
  csatSum: 0,
  csatTopBox: 0,
  rows: 0,
};
const handledOnce = (handle: number, wait: number, within: number): Figures => ({
  contacts: 1,
  handled: 1,
  handleSeconds: handle,
  weightHandleSeconds: handle,
  waitAnsweredSeconds: wait,
  answeredTimed: 1,
  slAnswered: 1,
  answeredWithin: within,
  offered: 1,
  contactsWithCustomer: 1,
  rows: 1,
});

/** Additive measures per `period index|channel`, and the repeat-based two (`full` detail only). */
export const EXPECTED_FINE: Record<string, { figures: Figures; repeats: number; resolutions: number }> = {
  // 1, 2, 4 handled (handle 300 + 200 + 400, wait 10 + 30 + 25, within 20 s: 1 only); 3 a short abandon.
  '0|voice': {
    figures: {
      ...ZERO,
      contacts: 3,
      voiceContacts: 3,
      handled: 3,
      handleSeconds: 900,
      weightHandleSeconds: 900,
      waitAnsweredSeconds: 65,
      answeredTimed: 3,
      slAnswered: 3,
      slAbandoned: 1,
      answeredWithin: 1,
      abandoned: 1,
      abandonedShort: 1,
      abandonedWithin: 1,
      offered: 4,
      contactsWithCustomer: 3,
      csatCount: 2,
      csatSum: 1.5,
      csatTopBox: 1,
      rows: 4,
    },
    repeats: 1,
    resolutions: 2,
  },
  // 5: wait 3600 within email's 86400 s.
  '0|email': {
    figures: { ...ZERO, ...handledOnce(600, 3600, 1), csatCount: 1, csatSum: 0.8, csatTopBox: 1 },
    repeats: 1,
    resolutions: 0,
  },
  // 6: wait 90000 beyond 86400 s.
  '1|email': { figures: { ...ZERO, ...handledOnce(100, 90_000, 0) }, repeats: 0, resolutions: 1 },
  // 8 and 10 inbound handled (500 + 250, wait 15 + 50); 7 outbound weighs in handle time only (+120).
  '1|voice': {
    figures: {
      ...ZERO,
      contacts: 2,
      voiceContacts: 2,
      handled: 2,
      handleSeconds: 750,
      weightHandleSeconds: 870,
      waitAnsweredSeconds: 65,
      answeredTimed: 2,
      slAnswered: 2,
      answeredWithin: 1,
      offered: 2,
      contactsWithCustomer: 1,
      csatCount: 1,
      csatSum: 0.9,
      csatTopBox: 1,
      rows: 3,
    },
    repeats: 1,
    resolutions: 1,
  },
  // 9: a callback counts and is offered, but is not handled.
  '1|chat': {
    figures: { ...ZERO, contacts: 1, offered: 1, contactsWithCustomer: 1, rows: 1 },
    repeats: 0,
    resolutions: 1,
  },
  '1|self_service': { figures: { ...ZERO, selfServed: 1, rows: 1 }, repeats: 0, resolutions: 0 },
};

/**
 * Handle-time median and 90th percentile (continuous: v[h] interpolated, h = (n − 1)q) of inbound
 * handled contacts, per period × channel, per period and overall.
 *   Jan voice [200, 300, 400]: 300; p90 h = 1.8 → 300 + 0.8·100 = 380.
 *   Jan [200, 300, 400, 600]: h = 1.5 → 350; p90 h = 2.7 → 400 + 0.7·200 = 540.
 *   Feb voice [250, 500]: 375; p90 h = 0.9 → 475.  Feb [100, 250, 500]: 250; p90 h = 1.8 → 450.
 *   All [100, 200, 250, 300, 400, 500, 600]: 300; p90 h = 5.4 → 540.
 */
export const EXPECTED_QUANTILES: Record<string, [number | null, number | null]> = {
  '0|voice': [300, 380],
  '0|email': [600, 600],
  '1|email': [100, 100],
  '1|voice': [375, 475],
  '1|chat': [null, null],
  '1|self_service': [null, null],
  '0|*': [350, 540],
  '1|*': [250, 450],
  '*|*': [300, 540],
};

/** Counted contacts per period (Jan 3 + 1, Feb 1 + 2 + 1) and overall. */
export const EXPECTED_CONTACTS_BY_PERIOD = { '0|*': 4, '1|*': 4, '*|*': 8 };
