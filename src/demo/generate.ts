import { assertTimeZone } from '../calendar/time-zone.js';
import { UserError } from '../errors.js';
import type { Contact } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import { assertCurrencyCode } from '../money/currency.js';
import { type DayPlan, generateDays } from './days.js';
import { planHeadcount } from './headcount.js';
import { buildLedger } from './ledger.js';
import { buildRange } from './range.js';
import { Roster } from './roster.js';
import { addDay, emptyTallies, type MonthTally, tallyMonths } from './tally.js';

export interface DemoOptions {
  /** Same seed + same other options => identical data, byte for byte. */
  seed: number;
  /** 'YYYY-MM': the last complete month included. */
  endMonth: string;
  /** Default 12: months endMonth-(months-1) .. endMonth. */
  months: number;
  /** IANA zone; arrival patterns are local wall-clock time, DST-correct. */
  timezone: string;
  currency: string;
  /** Volume multiplier, default 1 (about 600,000 contacts over 12 months). */
  scale?: number;
}

export interface DemoData {
  /** Generated lazily, day after day in arrival order; every call yields the same contacts. */
  contacts(): Iterable<Contact>;
  /**
   * Priced on the contacts' workload. After one complete iteration of contacts() it is ready at
   * once; read before that, it generates the contacts one extra time to measure them.
   */
  costLines: CostLine[];
  agents: { agent: string; team: string; channel: string; hourlyCost: string }[];
}

/** Customers in the pool per contact at scale 1: about 2.5 contacts per customer a year. */
const CUSTOMERS_PER_CONTACT = 0.4;
const CONTACTS_PER_MONTH = 50_000;

export function generateDemo(options: DemoOptions): DemoData {
  const scale = options.scale ?? 1;
  const months = options.months ?? 12;
  validate(options, scale, months);
  const range = buildRange(options.endMonth, months, options.timezone);
  const roster = new Roster(options.seed, scale);
  const plan: DayPlan = {
    seed: options.seed,
    scale,
    range,
    roster,
    customerPool: Math.max(100, Math.round(CONTACTS_PER_MONTH * months * scale * CUSTOMERS_PER_CONTACT)),
  };
  let tallies: MonthTally[] | undefined;
  let ledger: CostLine[] | undefined;
  return {
    *contacts() {
      const running = emptyTallies(months);
      for (const dayContacts of generateDays(plan)) {
        addDay(running, dayContacts);
        yield* dayContacts.contacts;
      }
      tallies ??= running;
    },
    get costLines() {
      if (!ledger) {
        const measured = tallies ?? tallyMonths(generateDays(plan), months);
        ledger = buildLedger(range, measured, planHeadcount(measured), options.currency, options.seed);
      }
      return ledger;
    },
    agents: roster.agents,
  };
}

function validate(options: DemoOptions, scale: number, months: number): void {
  if (!Number.isSafeInteger(options.seed)) usage(`seed "${options.seed}" must be a whole number`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.endMonth))
    usage(`end month "${options.endMonth}" must be YYYY-MM`);
  if (!Number.isInteger(months) || months < 1 || months > 120)
    usage(`months "${months}" must be a whole number 1..120`);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 100))
    usage(`scale "${scale}" must be a number above 0 and at most 100`);
  assertTimeZone(options.timezone);
  assertCurrencyCode(options.currency);
}

function usage(message: string): never {
  throw new UserError('USAGE', `demo: ${message}`);
}
