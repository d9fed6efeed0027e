import { z } from 'zod';
import { isCurrencyCode } from '../money/currency.js';
import { CHANNELS, DIRECTIONS, OUTCOMES } from './contact.js';
import { COST_CATEGORIES } from './cost-line.js';
import { parseDriver } from './driver.js';

/** The five common service-level formulas (DESIGN appendix A). */
export const SERVICE_LEVEL_FORMULAS = [
  'short_abandons_excluded',
  'abandons_against',
  'answered_only',
  'early_abandons_good',
  'early_abandons_ignored',
] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];

/** Allocation-driver text as the configuration and the ledger take it (see model/driver.ts). */
export const driverText = z.string().refine(
  (text) => {
    try {
      parseDriver(text);
      return true;
    } catch {
      return false;
    }
  },
  {
    message: 'not an allocation driver (handle_time, contacts, equal, fte, fixed:channel:voice=60,email=40)',
  },
);

/** The workspace configuration (`percontact.yaml`). Every choice here is printed with every report. */
export const workspaceConfigSchema = z.object({
  version: z.literal(1).default(1),
  /** Where the data lives; absent: the DuckDB file in the workspace folder. Never holds a password. */
  store: z
    .object({
      engine: z.enum(['duckdb', 'postgres', 'clickhouse']),
      url: z.string().min(1).optional(),
      database: z.string().min(1).optional(),
      cluster: z.string().min(1).optional(),
    })
    .optional(),
  currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code such as EUR'),
  timezone: z.string().min(1),
  contactDefinition: z
    .object({
      directions: z.array(z.enum(DIRECTIONS)).min(1).default(['inbound']),
      outcomes: z.array(z.enum(OUTCOMES)).min(1).default(['handled', 'callback']),
    })
    .default({ directions: ['inbound'], outcomes: ['handled', 'callback'] }),
  serviceLevel: z
    .object({
      thresholdSeconds: z.number().nonnegative().default(20),
      shortAbandonSeconds: z.number().nonnegative().default(5),
      formula: z.enum(SERVICE_LEVEL_FORMULAS).default('short_abandons_excluded'),
      /** Channels answered on another clock (email within hours, not seconds). */
      thresholdByChannel: z.partialRecord(z.enum(CHANNELS), z.number().nonnegative()).default({}),
    })
    .default({
      thresholdSeconds: 20,
      shortAbandonSeconds: 5,
      formula: 'short_abandons_excluded',
      thresholdByChannel: {},
    }),
  repeatContact: z.object({ windowDays: z.number().positive().default(7) }).default({ windowDays: 7 }),
  csat: z.object({ topBoxMin: z.number().min(0).max(1).default(0.75) }).default({ topBoxMin: 0.75 }),
  benchmarks: z
    .object({
      /** Benchmark id for rows that are not one channel. */
      costPerContact: z.string().default('industry-average'),
      /** Benchmark id per channel, for rows of one channel. */
      byChannel: z.partialRecord(z.enum(CHANNELS), z.string()).default({}),
      /** The workspace's own figures, same fields as the shipped table. */
      custom: z
        .array(
          z.object({
            id: z.string().min(1),
            metric: z.enum(['costPerContact', 'costPerCall', 'labourShare']).default('costPerContact'),
            channel: z.enum(CHANNELS).optional(),
            value: z.string().regex(/^\d+(\.\d+)?$/, 'a decimal number such as 7.16'),
            currency: z.string().refine(isCurrencyCode, 'not an ISO 4217 code such as EUR').optional(),
            source: z.string().min(1),
            year: z.number().int().nullable().default(null),
          }),
        )
        .default([]),
    })
    .default({ costPerContact: 'industry-average', byChannel: {}, custom: [] }),
  /**
   * Contacts an agent handles at once, by channel (chat 2.5: two or three chats in parallel). Agent-
   * occupied time is handle time ÷ concurrency: the handle_time allocation weight and staffing use
   * it. Default 1; a contact's own `concurrency` column, where imported, wins.
   */
  concurrency: z.partialRecord(z.enum(CHANNELS), z.number().min(1)).default({}),
  /** Values an import refuses as not plausible: any one duration of a contact, and its wait. */
  plausibility: z
    .object({
      maxDurationSeconds: z.number().positive().default(86_400),
      maxWaitSeconds: z.number().positive().default(2_678_400),
    })
    .default({ maxDurationSeconds: 86_400, maxWaitSeconds: 2_678_400 }),
  allocation: z
    .object({
      defaultDriver: driverText.default('handle_time'),
      byCategory: z.partialRecord(z.enum(COST_CATEGORIES), driverText).default({}),
      /**
       * Allocates a shared line instead of its driver where that driver has no weight in a segment
       * with counted contacts (e.g. tickets without handle time under `handle_time`).
       */
      fallbackDriver: driverText.default('contacts'),
    })
    .default({ defaultDriver: 'handle_time', byCategory: {}, fallbackDriver: 'contacts' }),
});

export type WorkspaceConfig = z.infer<typeof workspaceConfigSchema>;

/** Category defaults: labour follows handle time, per-contact technology follows contacts. */
export const DEFAULT_CATEGORY_DRIVERS: WorkspaceConfig['allocation']['byCategory'] = {
  agent_wages: 'handle_time',
  benefits_payroll_tax: 'handle_time',
  supervision: 'handle_time',
  training_recruiting: 'handle_time',
  technology: 'contacts',
  software_licenses: 'handle_time',
  telephony: 'contacts',
  facilities: 'handle_time',
  desktop_computing: 'handle_time',
  taxes: 'handle_time',
  outsourcing: 'contacts',
  other: 'handle_time',
};

export function defaultConfig(currency: string, timezone: string): WorkspaceConfig {
  return workspaceConfigSchema.parse({
    currency,
    timezone,
    serviceLevel: { thresholdByChannel: { email: 86_400, social: 3_600, messaging: 3_600, sms: 3_600 } },
    benchmarks: {
      costPerContact: 'industry-average',
      byChannel: {
        voice: 'contactbabel-us-voice',
        email: 'contactbabel-us-email',
        chat: 'contactbabel-us-chat',
        // Social, messaging and SMS are live assisted channels: Gartner's sourced figure for those,
        // rather than the seed's industry average, whose original source was not found.
        social: 'gartner-live',
        messaging: 'gartner-live',
        sms: 'gartner-live',
        self_service: 'gartner-self-service',
      },
    },
    allocation: { defaultDriver: 'handle_time', byCategory: DEFAULT_CATEGORY_DRIVERS },
  });
}
