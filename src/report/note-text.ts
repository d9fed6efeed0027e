import { fillNote, listed, NOTE_TEXTS, type Note, type NoteCode, type NoteValue } from '../metrics/notes.js';
import { isChannel } from '../model/contact.js';
import { CHANNEL_LABELS, GRANULARITY_LABELS } from './labels.js';
import type { LocaleFormat } from './locale.js';

/** The notes in German, same codes and values as NOTE_TEXTS (src/metrics/notes.ts). */
const NOTE_TEXTS_DE: Record<NoteCode, string> = {
  defaultRange:
    'Standardzeitraum: ganze Perioden ({granularity}), in denen Kontakte und Kosten vorliegen, {from} bis {to} (ausschließlich); Kontakte reichen von {contactsFrom} bis {contactsTo}, Kosten von {costsFrom} bis {costsTo}; ein eigener Zeitraum (von, bis) schließt den Rest ein',
  noOverlap:
    'Kostenbuch ({costsFrom} bis {costsTo}) und Kontakte ({contactsFrom} bis {contactsTo}) überschneiden sich in diesem Zeitraum nicht: kein Kontakt hat Kosten',
  partial: '{period} umfasst nur {from} bis {to} (ausschließlich)',
  partialProrated:
    '{period} umfasst nur {from} bis {to} (ausschließlich); die Kosten sind auf diese Tage anteilig gerechnet',
  noCost:
    '{period}: {contacts} {contacts|Kontakt|Kontakte} ohne jede Kostenzeile, Kosten je Kontakt dort nicht definiert',
  contactsWithoutCost:
    'Kosten je Kontakt der Summe ohne {contacts} {contacts|Kontakt|Kontakte}, die keine Kostenzeile erreicht ({periods})',
  costWithoutContacts:
    'die Summe enthält {cost} Kosten in Perioden ganz ohne Kontakte ({periods}); anteilige Kosten nur für Tage mit Kontakten lassen sie aus',
  fallbackDriver:
    '{period}: {lines} {lines|gemeinsame Kostenzeile|gemeinsame Kostenzeilen} nach {fallback} statt nach {driver} verteilt, weil {segments} gezählte Kontakte, aber kein Gewicht nach {driver} hatte',
  noHandleTime:
    '{period}: {contacts} {contacts|bearbeiteter Kontakt|bearbeitete Kontakte} ohne Bearbeitungszeit ({channels}); die AHT lässt sie aus',
  asaMixed:
    'ASA nicht ausgewiesen, wo eine Zeile Kanäle mit verschiedenen Antwortfristen mischt ({clocks}); der Bericht nach Kanal zeigt jede',
  unratedHours:
    '{hours} belegte Agentenstunden aus {period} ohne Kostensatz tragen keine von unten aufgebauten Personalkosten',
  noLabour: '{periods}: keine Personalkosten (keine Löhne im Kostenbuch, keine Kostensätze)',
  notComparedNoContacts:
    '{period} wird nicht verglichen: {compared}, die Vergleichsperiode, enthält keine Kontakte',
  notComparedCut:
    '{period} wird nicht verglichen: der Zeitraum schneidet die Periode, keine andere umfasst dieselben Tage',
  notComparedNoSuch:
    '{period} wird nicht verglichen: ein Jahr zuvor gibt es keine solche Periode (29. Februar, ISO-Woche 53)',
};

/** A note in the locale's language, its dates, counts, money and periods written the locale's way. */
export function noteText(n: Note, locale: LocaleFormat): string {
  if (locale.lang === 'en') return fillNote(NOTE_TEXTS[n.code], n.values, (v) => valueText(v, locale));
  return fillNote(NOTE_TEXTS_DE[n.code], n.values, (v) => valueText(v, locale));
}

function valueText(value: NoteValue, locale: LocaleFormat): string {
  if ('text' in value) return value.text;
  if ('date' in value) return locale.date(value.date);
  if ('count' in value) return locale.count(value.count);
  if ('money' in value) return locale.money(value.money);
  if ('hours' in value) return locale.decimal(value.hours, 1);
  if ('granularity' in value) return locale.text(GRANULARITY_LABELS[value.granularity]);
  const channel = (c: string) => (isChannel(c) ? locale.text(CHANNEL_LABELS[c]) : c);
  const segment = (pairs: [string, string | null][]) =>
    pairs.map(([dim, v]) => (v === null ? locale.label('none') : dim === 'channel' ? channel(v) : v));
  if ('where' in value) return [locale.period(value.where.period), ...segment(value.where.segment)].join(' ');
  if ('segments' in value) return value.segments.map((s) => segment(s).join(' / ')).join(', ');
  if ('channels' in value) return value.channels.map(channel).join(', ');
  if ('clocks' in value)
    return value.clocks
      .map((c) => `${c.channels.map(channel).join('/')} ${locale.count(c.seconds)}\u00a0s`)
      .join(', ');
  const more = (n: number) => (locale.lang === 'de' ? `${n} weitere` : `${n} more`);
  return listed(value.periods.map(locale.period), more);
}
