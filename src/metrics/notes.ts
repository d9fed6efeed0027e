import type { Granularity } from '../calendar/period.js';

/**
 * What a reader must know about a report's figures, as data: a stable code, the values it names and
 * an English text. Renderers in other languages word the same code and values their own way.
 */
export type NoteValue =
  | { text: string }
  | { date: string }
  | { count: number }
  | { money: string }
  | { periods: string[] }
  | { hours: number }
  | { granularity: Granularity }
  /** Where: a period, and a breakdown segment as [dimension, value] pairs (null value: none). */
  | { where: { period: string; segment: [string, string | null][] } }
  /** Breakdown segments, each as [dimension, value] pairs: "chat, email". */
  | { segments: [string, string | null][][] }
  /** Channels (codes) as a list: "chat, voice". */
  | { channels: string[] }
  /** Channels by their service-level clock: "chat/voice 20 s, email 86400 s". */
  | { clocks: { channels: string[]; seconds: number }[] };

export interface Note {
  code: NoteCode;
  values: Record<string, NoteValue>;
  text: string;
}

/**
 * English wording of each note; `{name}` is a value, `{name|one|other}` the word for a count of one
 * or any other count.
 */
export const NOTE_TEXTS = {
  defaultRange:
    'default range: whole {granularity}s in which both contacts and costs exist, {from} to {to} (exclusive); contacts run from {contactsFrom} to {contactsTo}, costs from {costsFrom} to {costsTo}; give a range (from, to) to include the rest',
  noOverlap:
    'the cost ledger ({costsFrom} to {costsTo}) and the contacts ({contactsFrom} to {contactsTo}) do not overlap in this range: no contact has a cost',
  partial: '{period} covers only {from} to {to} (exclusive) of its {granularity}',
  partialProrated:
    '{period} covers only {from} to {to} (exclusive) of its {granularity}; its costs are prorated to those days',
  noCost:
    '{period}: {contacts} {contacts|contact|contacts} without any cost line, so cost per contact is undefined there',
  contactsWithoutCost:
    'cost per contact of the total leaves out {contacts} {contacts|contact|contacts} that no cost line reaches ({periods})',
  costWithoutContacts:
    'the total includes {cost} of cost in periods without any contacts ({periods}); prorating costs to the days with contacts leaves it out',
  fallbackDriver:
    '{period}: {lines} shared {lines|cost line|cost lines} allocated by {fallback} instead of {driver}, because {segments} had counted contacts but no {driver} weight',
  noHandleTime:
    '{period}: {contacts} handled {contacts|contact|contacts} without handle time ({channels}); AHT leaves them out',
  asaMixed:
    'ASA not shown where a row mixes channels answered on different clocks ({clocks}); the report by channel shows each',
  unratedHours:
    '{hours} agent-occupied hours from {period} had no rate card and carry no bottom-up labour cost',
  noLabour: '{periods}: no labour cost (no agent wages in the ledger, no rate cards)',
  notComparedNoContacts:
    '{period} is not compared: {compared}, the period it is compared with, holds no contacts',
  notComparedCut: '{period} is not compared: the range cuts it, so no other period holds the same days',
  notComparedNoSuch: '{period} is not compared: a year earlier has no such period (29 February, ISO week 53)',
} as const;
export type NoteCode = keyof typeof NOTE_TEXTS;

/** A note with its English text. */
export function note(code: NoteCode, values: Record<string, NoteValue>): Note {
  return { code, values, text: fillNote(NOTE_TEXTS[code], values, englishValue) };
}

/** A template with its values put in, each written by `write`. */
export function fillNote(
  template: string,
  values: Record<string, NoteValue>,
  write: (value: NoteValue) => string,
): string {
  return template.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      if (one === undefined) return write(value);
      return 'count' in value && value.count === 1 ? one : (other ?? '');
    },
  );
}

function englishValue(value: NoteValue): string {
  if ('text' in value) return value.text;
  if ('date' in value) return value.date;
  if ('count' in value) return value.count.toLocaleString('en-US');
  if ('money' in value) return value.money;
  if ('hours' in value) return value.hours.toFixed(1);
  if ('granularity' in value) return value.granularity;
  if ('where' in value)
    return [value.where.period, ...value.where.segment.map(([, v]) => v ?? '(none)')].join(' ');
  if ('segments' in value)
    return value.segments.map((s) => s.map(([, v]) => v ?? '(none)').join(' / ')).join(', ');
  if ('channels' in value) return value.channels.join(', ');
  if ('clocks' in value) return value.clocks.map((c) => `${c.channels.join('/')} ${c.seconds} s`).join(', ');
  return listed(value.periods, (n) => `${n} more`);
}

/** Items joined by commas, at most `most` of them and then how many more. */
export function listed(items: readonly string[], more: (count: number) => string, most = 4): string {
  const shown = items.length <= most + 1 ? items : [...items.slice(0, most), more(items.length - most)];
  return shown.join(', ');
}
