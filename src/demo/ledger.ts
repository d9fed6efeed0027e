import { addDays, fromYmd, isoWeekday, ymd } from '../calendar/dates.js';
import type { CostBehaviour, CostCategory, CostLine } from '../model/cost-line.js';
import { Decimal, minorUnits } from '../money/index.js';
import type { Headcount } from './headcount.js';
import { Random } from './random.js';
import type { DemoMonth, DemoRange } from './range.js';
import { EMPLOYER_LOADING, SUPERVISOR_SALARY, TEAM_SALARY, TEAMS, type Team } from './staffing.js';
import type { MonthTally } from './tally.js';

/** Prices in the reporting currency (shaped on German in-house centers, read as any currency). */
const PRICE = {
  platformSeatMonth: 140,
  botSession: '0.09',
  telephonyMinute: '0.032',
  trunkPerSeatMonth: 15,
  crmSeatMonth: 85,
  wfmSeatMonth: 22,
  helpDeskSeatMonth: 55,
  chatWidgetSeatMonth: 39,
  rentPerSquareMetreMonth: 24.5,
  squareMetresPerSeat: 12,
  utilitiesPerSeatMonth: 45,
  workstation: 1650,
  hire: 3700,
  workshopPerSeat: 60,
} as const;

/** Yearly agent attrition replaced by new-hire classes every other month. */
const ATTRITION = 0.28;
/** The platform contract renews this many months after the range starts (so a year straddles it). */
const CONTRACT_RENEWAL_OFFSET = 4;
const HARDWARE_LIFE_MONTHS = 36;
const HELP_DESK_DRIVER = 'fixed:channel:email=50,chat=35,social=15';

interface LineSpec {
  id: string;
  category: CostCategory;
  amount: Decimal | number | string;
  start: string;
  end: string;
  behaviour: CostBehaviour;
  description: string;
  channel?: string;
  team?: string;
  driver?: string;
}

/**
 * The cost ledger of the demo center: monthly wages, contributions and supervision; telephony by
 * the minute; an annual platform contract paid up front; quarterly rent; hardware amortised over
 * three years; one-off hiring and training days; seat-priced software.
 */
export function buildLedger(
  range: DemoRange,
  tallies: readonly MonthTally[],
  headcount: Headcount,
  currency: string,
  seed: number,
): CostLine[] {
  const specs = [
    ...range.months.flatMap((month, index) =>
      monthlyLines(month, tallies[index] as MonthTally, headcount, index),
    ),
    ...rentLines(range, headcount),
    ...platformLines(range, headcount),
    ...hardwareLines(range, headcount),
    ...peopleDevelopmentLines(range, headcount, new Random(seed, 3)),
  ];
  const places = Math.min(2, minorUnits(currency));
  return specs.map((spec) => toCostLine(spec, currency, places));
}

type MonthPeriod = { start: string; end: string };

function monthlyLines(month: DemoMonth, tally: MonthTally, headcount: Headcount, index: number): LineSpec[] {
  const period = { start: month.start, end: month.end };
  return [
    ...labourLines(
      period,
      month.label,
      headcount.agentFte[index] as Record<Team, number>,
      headcount.supervisorFte,
    ),
    ...usageLines(period, month.label, tally),
    ...seatLines(period, month.label, headcount),
  ];
}

/** Agent wages as direct costs of each team; supervision and employer contributions shared. */
function labourLines(
  period: MonthPeriod,
  label: string,
  fte: Record<Team, number>,
  supervisorFte: number,
): LineSpec[] {
  const wages = TEAMS.map(
    (team): LineSpec => ({
      ...period,
      id: `demo-wages-${team}-${label}`,
      category: 'agent_wages',
      amount: money(fte[team] * TEAM_SALARY[team]),
      team,
      behaviour: 'variable',
      description: `Agent wages ${team} ${label}: ${fte[team].toFixed(1)} FTE × ${TEAM_SALARY[team]}`,
    }),
  );
  const supervision = money(supervisorFte * SUPERVISOR_SALARY);
  const payroll = wages.reduce((total, line) => total.plus(line.amount), supervision);
  return [
    ...wages,
    {
      ...period,
      id: `demo-supervision-${label}`,
      category: 'supervision',
      amount: supervision,
      behaviour: 'fixed',
      description: `Team leads and workforce planning ${label}: ${supervisorFte.toFixed(1)} FTE × ${SUPERVISOR_SALARY}`,
    },
    {
      ...period,
      id: `demo-benefits-${label}`,
      category: 'benefits_payroll_tax',
      amount: payroll.times(EMPLOYER_LOADING),
      behaviour: 'variable',
      description: `Employer contributions ${label}: ${EMPLOYER_LOADING * 100} % of ${payroll.toFixed(2)} wages`,
    },
  ];
}

/** Costs billed by use: call minutes (voice) and IVR/bot sessions (self-service). */
function usageLines(period: MonthPeriod, label: string, tally: MonthTally): LineSpec[] {
  const minutes = Math.ceil(tally.voiceLineSeconds / 60);
  return [
    {
      ...period,
      id: `demo-telephony-minutes-${label}`,
      category: 'telephony',
      amount: new Decimal(minutes).times(PRICE.telephonyMinute),
      channel: 'voice',
      behaviour: 'variable',
      description: `Call minutes ${label}: ${minutes} min × ${PRICE.telephonyMinute}`,
    },
    {
      ...period,
      id: `demo-bot-sessions-${label}`,
      category: 'technology',
      amount: new Decimal(tally.selfServiceContacts).times(PRICE.botSession),
      channel: 'self_service',
      behaviour: 'variable',
      description: `IVR and bot sessions ${label}: ${tally.selfServiceContacts} × ${PRICE.botSession}`,
    },
  ];
}

interface SeatPrice {
  id: string;
  category: CostCategory;
  seats: number;
  price: number;
  what: string;
  channel?: string;
  driver?: string;
}

/** Monthly costs priced per seat: trunks, software licences, utilities. */
function seatLines(period: MonthPeriod, label: string, headcount: Headcount): LineSpec[] {
  const seats = headcount.seats;
  const prices: SeatPrice[] = [
    {
      id: 'telephony-trunks',
      category: 'telephony',
      seats,
      price: PRICE.trunkPerSeatMonth,
      what: 'SIP trunks and numbers',
      channel: 'voice',
    },
    { id: 'crm', category: 'software_licenses', seats, price: PRICE.crmSeatMonth, what: 'CRM licences' },
    {
      id: 'wfm',
      category: 'software_licenses',
      seats,
      price: PRICE.wfmSeatMonth,
      what: 'WFM and quality monitoring',
    },
    {
      id: 'helpdesk',
      category: 'software_licenses',
      seats: headcount.digitalFte,
      price: PRICE.helpDeskSeatMonth,
      what: 'Help-desk seats',
      driver: HELP_DESK_DRIVER,
    },
    {
      id: 'chat-widget',
      category: 'software_licenses',
      seats: headcount.chatFte,
      price: PRICE.chatWidgetSeatMonth,
      what: 'Chat widget seats',
      channel: 'chat',
    },
    {
      id: 'utilities',
      category: 'facilities',
      seats,
      price: PRICE.utilitiesPerSeatMonth,
      what: 'Utilities and cleaning',
    },
  ];
  return prices.map(({ id, seats: count, price, what, ...rest }) => ({
    ...period,
    ...rest,
    id: `demo-${id}-${label}`,
    amount: money(count * price),
    behaviour: 'fixed',
    description: `${what} ${label}: ${count.toFixed(1)} seats × ${price}`,
  }));
}

/** Rent is invoiced per calendar quarter in advance. */
function rentLines(range: DemoRange, headcount: Headcount): LineSpec[] {
  const monthly = headcount.seats * PRICE.squareMetresPerSeat * PRICE.rentPerSquareMetreMonth;
  const lines: LineSpec[] = [];
  const { year, month } = ymd(range.start);
  for (
    let start = fromYmd(year, month - ((month - 1) % 3), 1);
    start < range.end;
    start = addMonths(start, 3)
  ) {
    const quarter = `${start.slice(0, 4)}-Q${Math.floor((ymd(start).month - 1) / 3) + 1}`;
    lines.push({
      id: `demo-rent-${quarter}`,
      category: 'facilities',
      amount: money(monthly * 3),
      start,
      end: addMonths(start, 3),
      behaviour: 'fixed',
      description: `Office rent ${quarter}: ${(headcount.seats * PRICE.squareMetresPerSeat).toFixed(0)} m² × ${PRICE.rentPerSquareMetreMonth} × 3 months`,
    });
  }
  return lines;
}

/** The contact-center platform (ACD, IVR, recording) is licensed per seat for a year, paid up front. */
function platformLines(range: DemoRange, headcount: Headcount): LineSpec[] {
  const lines: LineSpec[] = [];
  const firstRenewal = addMonths(range.start, CONTRACT_RENEWAL_OFFSET - 12);
  for (let start = firstRenewal; start < range.end; start = addMonths(start, 12)) {
    lines.push({
      id: `demo-platform-${start.slice(0, 7)}`,
      category: 'technology',
      amount: money(headcount.seats * PRICE.platformSeatMonth * 12),
      start,
      end: addMonths(start, 12),
      behaviour: 'fixed',
      description: `Contact-center platform, annual licence from ${start}: ${headcount.seats.toFixed(1)} seats × ${PRICE.platformSeatMonth} × 12`,
    });
  }
  return lines;
}

/** Workstations bought before the range, plus a growth batch mid-range, each amortised over three years. */
function hardwareLines(range: DemoRange, headcount: Headcount): LineSpec[] {
  const batches = [
    { start: addMonths(range.start, -14), seats: headcount.seats },
    { start: addMonths(range.start, Math.floor(range.months.length / 2)), seats: headcount.seats * 0.1 },
  ];
  return batches.map((batch) => ({
    id: `demo-workstations-${batch.start.slice(0, 7)}`,
    category: 'desktop_computing',
    amount: money(batch.seats * PRICE.workstation),
    start: batch.start,
    end: addMonths(batch.start, HARDWARE_LIFE_MONTHS),
    behaviour: 'fixed',
    description: `Workstations and headsets bought ${batch.start.slice(0, 7)}: ${batch.seats.toFixed(1)} × ${PRICE.workstation}, amortised over ${HARDWARE_LIFE_MONTHS} months`,
  }));
}

/** New-hire classes every other month replace attrition; a coaching workshop every quarter. */
function peopleDevelopmentLines(range: DemoRange, headcount: Headcount, random: Random): LineSpec[] {
  const hiresPerClass = (headcount.averageAgentFte * ATTRITION * 2) / 12;
  return range.months.flatMap((month, index): LineSpec[] => {
    const day = randomWorkday(random, month);
    const oneDay = {
      start: day,
      end: addDays(day, 1),
      behaviour: 'fixed' as const,
      category: 'training_recruiting' as const,
    };
    if (index % 2 === 1) {
      const description = `New-hire class ${day}: ${hiresPerClass.toFixed(1)} hires × ${PRICE.hire} recruiting and onboarding`;
      return [
        { ...oneDay, id: `demo-hiring-${day}`, amount: money(hiresPerClass * PRICE.hire), description },
      ];
    }
    if (index % 3 === 0) {
      const description = `Coaching workshop ${day}: ${headcount.seats.toFixed(1)} seats × ${PRICE.workshopPerSeat}`;
      return [
        {
          ...oneDay,
          id: `demo-workshop-${day}`,
          amount: money(headcount.seats * PRICE.workshopPerSeat),
          description,
        },
      ];
    }
    return [];
  });
}

function randomWorkday(random: Random, month: DemoMonth): string {
  for (;;) {
    const day = addDays(month.start, random.int(28));
    if (isoWeekday(day) <= 5) return day;
  }
}

function addMonths(date: string, months: number): string {
  const { year, month, day } = ymd(date);
  return fromYmd(year, month + months, day);
}

/** Amounts computed from fractional FTE and seats: kept to the cent before any further arithmetic. */
function money(value: number): Decimal {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

function toCostLine(spec: LineSpec, currency: string, places: number): CostLine {
  return {
    id: spec.id,
    category: spec.category,
    amount: new Decimal(spec.amount).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places),
    currency,
    periodStart: spec.start,
    periodEnd: spec.end,
    channel: spec.channel ?? null,
    queue: null,
    team: spec.team ?? null,
    driver: spec.driver ?? null,
    behaviour: spec.behaviour,
    description: spec.description,
  };
}
