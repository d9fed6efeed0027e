import { addDays } from '../calendar/dates.js';
import { periodsBetween } from '../calendar/period.js';
import type { Engine } from '../engine/engine.js';
import { loadLabourInputs, type RateCard, rateFor } from '../metrics/bottom-up-labour.js';
import type { Definitions } from '../metrics/definitions.js';
import { queryMeasures } from '../metrics/measures-query.js';
import { type ReportRange, rangeInstants } from '../metrics/range.js';
import { Decimal } from '../money/decimal.js';

/** A loaded hourly rate from the rate cards, and how much of the handle time it rests on. */
export interface CardRate {
  hourlyCost: Decimal;
  /** Share of the segment's handle seconds whose agent or team has a rate card (0..1). */
  ratedShare: number;
}

/** Rate-card rates by channel and by channel/queue. */
export interface CardRates {
  channel(channel: string): CardRate | undefined;
  segment(channel: string, queue: string | null): CardRate | undefined;
}

interface Sum {
  rated: number;
  all: number;
  cost: Decimal;
}

/**
 * The loaded hourly cost of each channel and channel/queue from the workspace's rate cards: the mean
 * of the cards of the agents (else their teams) who handled its contacts, weighted by their handle
 * seconds (the report's measure) in each month, each month at the card valid on its first day (else
 * its last). Segments whose contacts carry no carded agent or team have no rate.
 */
export async function cardRates(engine: Engine, d: Definitions, range: ReportRange): Promise<CardRates> {
  const months = periodsBetween(range.from, range.to, 'month');
  const { cards } = await loadLabourInputs(engine, d, [], months, new Set());
  const sums = new Map<string, Sum>();
  if (cards.length > 0) {
    const dims = ['channel', 'queue', 'team', 'agent'] as const;
    const { fine } = await queryMeasures(
      engine,
      d,
      months,
      dims,
      dims,
      rangeInstants(range, d.timezone),
      'headline',
    );
    for (const month of months) {
      for (const row of fine.get(month.start) ?? []) {
        const seconds = row.measures.handleSeconds;
        if (seconds <= 0) continue;
        const v = row.values;
        const card = cardOn(cards, v.agent ?? null, v.team ?? null, month.start, addDays(month.end, -1));
        for (const key of [[v.channel ?? null], [v.channel ?? null, v.queue ?? null]]) {
          const id = JSON.stringify(key);
          const sum = sums.get(id) ?? { rated: 0, all: 0, cost: new Decimal(0) };
          sum.all += seconds;
          if (card) {
            sum.rated += seconds;
            sum.cost = sum.cost.plus(card.hourlyCost.times(seconds));
          }
          sums.set(id, sum);
        }
      }
    }
  }
  const rate = (key: (string | null)[]): CardRate | undefined => {
    const sum = sums.get(JSON.stringify(key));
    if (!sum || sum.rated === 0) return undefined;
    return { hourlyCost: sum.cost.div(sum.rated), ratedShare: sum.rated / sum.all };
  };
  return {
    channel: (channel) => rate([channel]),
    segment: (channel, queue) => rate([channel, queue]),
  };
}

function cardOn(
  cards: readonly RateCard[],
  agent: string | null,
  team: string | null,
  first: string,
  last: string,
): RateCard | undefined {
  return rateFor(cards, agent, team, first) ?? rateFor(cards, agent, team, last);
}
