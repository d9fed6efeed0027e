import type { Term } from '../../../report/labels.js';

/** Names of the figures explain takes apart, as the reports call them. */
export const METRIC_LABELS = {
  costPerContact: { en: 'Cost per contact', de: 'Kosten je Kontakt' },
  costPerHandledContact: { en: 'Cost per handled contact', de: 'Kosten je bearbeitetem Kontakt' },
  costPerResolution: { en: 'Cost per resolution', de: 'Kosten je Lösung' },
  costPerHandleMinute: { en: 'Cost per handle minute', de: 'Kosten je Bearbeitungsminute' },
  costPerCall: { en: 'Cost per call', de: 'Kosten je Anruf' },
  ahtSeconds: { en: 'AHT (average handle time)', de: 'AHT (durchschn. Bearbeitungszeit)' },
  asaSeconds: { en: 'ASA (average speed of answer)', de: 'ASA (durchschn. Wartezeit)' },
  serviceLevel: { en: 'Service level', de: 'Servicelevel' },
  abandonRate: { en: 'Abandon rate', de: 'Abbruchquote' },
  fcr: { en: 'FCR (first-contact resolution)', de: 'Erstlösungsquote (FCR)' },
  csatMean: { en: 'CSAT (mean, 0–100 %)', de: 'CSAT (Mittelwert, 0–100 %)' },
  csatTopBox: { en: 'CSAT top box', de: 'CSAT Top-Box' },
} satisfies Record<string, Term>;

/** A figure's name as the reports call it; a figure without one by its own name. */
export function metricLabel(metric: string): Term {
  return (METRIC_LABELS as Record<string, Term | undefined>)[metric] ?? { en: metric, de: metric };
}

/** The explained figures that are shares, shown as percentages. */
export const SHARE_METRICS: ReadonlySet<string> = new Set([
  'serviceLevel',
  'abandonRate',
  'fcr',
  'csatMean',
  'csatTopBox',
]);

/** Outcomes and directions of contacts, as the explanation lists them. */
export const OUTCOME_LABELS: Record<string, Term> = {
  handled: { en: 'handled', de: 'bearbeitet' },
  abandoned: { en: 'abandoned', de: 'abgebrochen' },
  self_served: { en: 'self-served', de: 'per Self-Service gelöst' },
  callback: { en: 'callback', de: 'Rückruf' },
  other: { en: 'other', de: 'sonstige' },
  inbound: { en: 'inbound', de: 'eingehend' },
  outbound: { en: 'outbound', de: 'ausgehend' },
};

/** Columns of the per-channel parts of a service figure (explain's byChannel). */
export const PART_LABELS: Record<string, Term> = {
  handled: { en: 'handled', de: 'bearbeitet' },
  'with handle time': { en: 'with handle time', de: 'mit Bearbeitungszeit' },
  'handle seconds': { en: 'handle seconds', de: 'Bearbeitungssekunden' },
  answered: { en: 'answered', de: 'angenommen' },
  'within t': { en: 'answered within t', de: 'innerhalb t angenommen' },
  abandoned: { en: 'abandoned', de: 'abgebrochen' },
  'abandoned within s': { en: 'abandoned within s', de: 'innerhalb s abgebrochen' },
  'abandoned within t': { en: 'abandoned within t', de: 'innerhalb t abgebrochen' },
  offered: { en: 'offered', de: 'angeboten' },
  'threshold s': { en: 'threshold t (s)', de: 'Schwelle t (s)' },
  'answered with a wait': { en: 'answered with a known wait', de: 'angenommen mit bekannter Wartezeit' },
  'wait seconds': { en: 'wait seconds', de: 'Wartesekunden' },
  'with a customer': { en: 'counted with a known customer', de: 'gezählt mit bekanntem Kunden' },
  repeats: { en: 'repeat contacts', de: 'Wiederholkontakte' },
  'resolved first time': { en: 'resolved at first contact', de: 'beim ersten Kontakt gelöst' },
  scored: { en: 'with a score', de: 'mit Bewertung' },
  'score sum': { en: 'sum of scores (0..1)', de: 'Summe der Werte (0..1)' },
  'top box': { en: 'top box', de: 'Top-Box' },
};
