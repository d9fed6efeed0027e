import { WeightedTable } from './random.js';

/**
 * The shape of the demo contact center: a mid-sized in-house center of a telecom/internet provider
 * (billing, technical support, sales and general questions). Figures are plausible industry shapes,
 * not measurements of any real center.
 */
export const DEMO_CHANNELS = ['voice', 'email', 'chat', 'social', 'self_service'] as const;
export type DemoChannel = (typeof DEMO_CHANNELS)[number];

export type DayType = 'weekday' | 'saturday' | 'sunday';

export interface ChannelProfile {
  /** Contacts per 12 months at scale 1 (the channels add up to 600,000). */
  annualVolume: number;
  /** Relative volume Monday … Sunday; Sunday 0 = closed. */
  weekday: readonly [number, number, number, number, number, number, number];
  /** Relative arrivals per local hour 0 … 23 by day type. */
  hours: Record<DayType, readonly number[]>;
  queues: WeightedTable<string>;
  /** Volume factor at the first and at the last day of the range (linear in between, mean 1). */
  trend: readonly [number, number];
}

const CLOSED = hourly({});
const VOICE_WEEKDAY = hourly({
  8: 0.55,
  9: 0.95,
  10: 1,
  11: 0.92,
  12: 0.68,
  13: 0.72,
  14: 0.88,
  15: 0.85,
  16: 0.75,
  17: 0.58,
  18: 0.38,
  19: 0.25,
});
const SATURDAY = hourly({ 9: 0.7, 10: 1, 11: 0.95, 12: 0.75, 13: 0.65, 14: 0.55, 15: 0.45 });
const CHAT_WEEKDAY = hourly({
  8: 0.4,
  9: 0.8,
  10: 0.95,
  11: 1,
  12: 0.85,
  13: 0.85,
  14: 0.95,
  15: 0.95,
  16: 0.9,
  17: 0.8,
  18: 0.7,
  19: 0.6,
});
const EMAIL_ALL_DAYS = [
  0.1, 0.07, 0.05, 0.05, 0.05, 0.08, 0.2, 0.45, 0.8, 1, 1, 0.95, 0.75, 0.8, 0.9, 0.85, 0.8, 0.65, 0.5, 0.45,
  0.45, 0.4, 0.3, 0.18,
];
const SOCIAL_ALL_DAYS = [
  0.3, 0.2, 0.12, 0.08, 0.08, 0.1, 0.25, 0.45, 0.6, 0.7, 0.75, 0.8, 0.85, 0.8, 0.75, 0.75, 0.8, 0.85, 0.95, 1,
  1, 0.9, 0.7, 0.5,
];
const SELF_SERVICE_ALL_DAYS = [
  0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.12, 0.35, 0.7, 0.95, 1, 0.95, 0.75, 0.78, 0.88, 0.85, 0.78, 0.65,
  0.55, 0.48, 0.4, 0.3, 0.2, 0.1,
];

export const CHANNEL_PROFILES: Record<DemoChannel, ChannelProfile> = {
  voice: {
    annualVolume: 290_000,
    weekday: [1.35, 1.12, 1.05, 1.02, 0.95, 0.32, 0],
    hours: { weekday: VOICE_WEEKDAY, saturday: SATURDAY, sunday: CLOSED },
    queues: WeightedTable.of([
      ['general', 0.28],
      ['billing', 0.32],
      ['tech_support', 0.25],
      ['sales', 0.15],
    ]),
    trend: [1.05, 0.95],
  },
  email: {
    annualVolume: 85_000,
    weekday: [1.3, 1.1, 1.05, 1, 0.95, 0.45, 0.4],
    hours: { weekday: EMAIL_ALL_DAYS, saturday: EMAIL_ALL_DAYS, sunday: EMAIL_ALL_DAYS },
    queues: WeightedTable.of([
      ['billing', 0.4],
      ['general', 0.3],
      ['tech_support', 0.2],
      ['sales', 0.1],
    ]),
    trend: [1, 1],
  },
  chat: {
    annualVolume: 80_000,
    weekday: [1.25, 1.1, 1.05, 1.02, 0.98, 0.4, 0],
    hours: { weekday: CHAT_WEEKDAY, saturday: SATURDAY, sunday: CLOSED },
    queues: WeightedTable.of([
      ['tech_support', 0.4],
      ['sales', 0.25],
      ['billing', 0.2],
      ['general', 0.15],
    ]),
    trend: [0.95, 1.05],
  },
  social: {
    annualVolume: 25_000,
    weekday: [1.1, 1, 1, 1, 1, 0.85, 0.8],
    hours: { weekday: SOCIAL_ALL_DAYS, saturday: SOCIAL_ALL_DAYS, sunday: SOCIAL_ALL_DAYS },
    queues: WeightedTable.of([
      ['general', 0.5],
      ['tech_support', 0.35],
      ['billing', 0.15],
    ]),
    trend: [1, 1],
  },
  self_service: {
    annualVolume: 120_000,
    weekday: [1.25, 1.08, 1.02, 1, 0.98, 0.6, 0.45],
    hours: { weekday: SELF_SERVICE_ALL_DAYS, saturday: SELF_SERVICE_ALL_DAYS, sunday: SELF_SERVICE_ALL_DAYS },
    queues: WeightedTable.of([
      ['billing', 0.5],
      ['tech_support', 0.3],
      ['general', 0.2],
    ]),
    // Containment grows over the year: the IVR and bot take more of the simple requests.
    trend: [0.85, 1.15],
  },
};

/** Relative volume by calendar month (January … December): post-holiday bills, summer lull, autumn promotions. */
export const SEASON = [1.12, 1, 1.02, 0.97, 0.95, 0.93, 0.88, 0.86, 1, 1.03, 1.08, 1.16] as const;

/** Fixed-date days on which the center runs as on a Sunday. */
export const HOLIDAYS = ['01-01', '12-25', '12-26'] as const;

/**
 * How much busier than planned each weekday feels to the agents: staffing follows the forecast, but
 * Monday peaks and thin Saturday shifts still stretch it. Monday … Sunday.
 */
export const WEEKDAY_PRESSURE = [1.22, 1.05, 1, 1, 0.95, 1.1, 1] as const;

export const TOPICS: Record<string, WeightedTable<string>> = {
  billing: WeightedTable.of([
    ['invoice_question', 0.45],
    ['payment_arrangement', 0.2],
    ['refund', 0.15],
    ['dunning', 0.2],
  ]),
  tech_support: WeightedTable.of([
    ['no_connection', 0.35],
    ['device_setup', 0.3],
    ['slow_speed', 0.2],
    ['outage', 0.15],
  ]),
  sales: WeightedTable.of([
    ['new_contract', 0.4],
    ['upgrade', 0.35],
    ['retention', 0.25],
  ]),
  general: WeightedTable.of([
    ['address_change', 0.3],
    ['contract_info', 0.35],
    ['complaint', 0.15],
    ['other', 0.2],
  ]),
};

/** The simple requests an IVR menu or bot can finish on its own. */
export const SELF_SERVICE_TOPICS: Record<string, WeightedTable<string>> = {
  billing: WeightedTable.of([
    ['invoice_question', 0.6],
    ['payment_arrangement', 0.4],
  ]),
  tech_support: WeightedTable.of([
    ['outage', 0.6],
    ['no_connection', 0.4],
  ]),
  general: WeightedTable.of([
    ['address_change', 0.5],
    ['contract_info', 0.5],
  ]),
};

/** Handle-time multiplier by queue: technical problems take longest, general questions are quick. */
export const QUEUE_EFFORT: Record<string, number> = {
  tech_support: 1.25,
  sales: 1,
  billing: 0.95,
  general: 0.85,
};

function hourly(weights: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, hour) => weights[hour] ?? 0);
}
