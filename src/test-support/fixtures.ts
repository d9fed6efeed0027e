import { DuckDbEngine } from '../engine/duckdb/engine.js';
import type { Engine } from '../engine/engine.js';
import { contactRow, costLineRow } from '../engine/rows.js';
import { CONTACTS_TABLE, COST_LINES_TABLE } from '../engine/schema.js';
import type { Contact } from '../model/contact.js';
import type { CostLine } from '../model/cost-line.js';

/** A contact with every optional field empty; tests state only what matters to them. */
export function contact(fields: Partial<Contact> & Pick<Contact, 'id' | 'arrivedAt'>): Contact {
  return {
    source: 'test',
    channel: 'voice',
    direction: 'inbound',
    queue: null,
    team: null,
    agent: null,
    topic: null,
    customer: null,
    priority: null,
    ivrSeconds: null,
    waitSeconds: null,
    talkSeconds: null,
    holdSeconds: null,
    wrapSeconds: null,
    handleSeconds: null,
    outcome: 'handled',
    resolved: null,
    csat: null,
    ...fields,
  };
}

export function costLine(
  fields: Partial<CostLine> & Pick<CostLine, 'id' | 'amount' | 'periodStart' | 'periodEnd'>,
): CostLine {
  return {
    category: 'other',
    currency: 'EUR',
    channel: null,
    queue: null,
    team: null,
    driver: null,
    behaviour: 'fixed',
    description: null,
    ...fields,
  };
}

/** A migrated in-memory DuckDB engine holding the given contacts and cost lines. */
export async function engineWith(contacts: Contact[], lines: CostLine[]): Promise<Engine> {
  const engine = await DuckDbEngine.open(':memory:');
  await engine.migrate();
  await engine.append(CONTACTS_TABLE, contacts.map(contactRow));
  await engine.append(COST_LINES_TABLE, lines.map(costLineRow));
  return engine;
}
