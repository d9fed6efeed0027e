import type { Contact } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';
import type { RowValues } from './schema.js';

/** A contact as values in CONTACTS_TABLE column order. */
export function contactRow(c: Contact): RowValues {
  return [
    c.source,
    c.id,
    c.channel,
    c.direction,
    c.queue,
    c.team,
    c.agent,
    c.topic,
    c.customer,
    c.priority,
    c.arrivedAt,
    c.ivrSeconds,
    c.waitSeconds,
    c.talkSeconds,
    c.holdSeconds,
    c.wrapSeconds,
    c.handleSeconds,
    c.outcome,
    c.resolved,
    c.csat,
  ];
}

/** A cost line as values in COST_LINES_TABLE column order. */
export function costLineRow(l: CostLine): RowValues {
  return [
    l.id,
    l.category,
    l.amount,
    l.currency,
    l.periodStart,
    l.periodEnd,
    l.channel,
    l.queue,
    l.team,
    l.driver,
    l.behaviour,
    l.description,
  ];
}
