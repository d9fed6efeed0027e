import type { Definitions } from '../metrics/definitions.js';
import type { ServiceLevelFormula } from '../model/config.js';
import { formatDriver } from '../model/driver.js';

const OUTCOMES_DE: Record<string, string> = {
  handled: 'bearbeitet',
  abandoned: 'abgebrochen',
  self_served: 'selbst gelöst',
  callback: 'Rückruf',
  other: 'sonstige',
};
const DIRECTIONS_DE: Record<string, string> = { inbound: 'eingehende', outbound: 'ausgehende' };

export const SERVICE_LEVEL_DE: Record<ServiceLevelFormula, string> = {
  short_abandons_excluded: 'angenommen innerhalb t ÷ (angenommen + abgebrochen − abgebrochen innerhalb s)',
  abandons_against: 'angenommen innerhalb t ÷ (angenommen + abgebrochen)',
  answered_only: 'angenommen innerhalb t ÷ angenommen',
  early_abandons_good: '(angenommen innerhalb t + abgebrochen innerhalb t) ÷ (angenommen + abgebrochen)',
  early_abandons_ignored: 'angenommen innerhalb t ÷ (angenommen + abgebrochen − abgebrochen innerhalb t)',
};

/**
 * The definitions of describeDefinitions (src/metrics/definitions.ts), same keys, in German. A key
 * added there and not yet here keeps its English text (the caller merges over the English ones).
 */
export function describeDefinitionsDe(d: Definitions): Record<string, string> {
  const s = d.shortAbandonSeconds;
  const t = [
    `${d.serviceLevelSeconds} s`,
    ...Object.entries(d.serviceLevelByChannel).map(([c, v]) => `${c} ${v} s`),
  ].join(', ');
  const directions = d.countedDirections.map((x) => DIRECTIONS_DE[x] ?? x).join('/');
  const outcomes = d.countedOutcomes.map((x) => `„${OUTCOMES_DE[x] ?? x}“`).join(' oder ');
  return {
    contacts: `${directions} Kontakte mit Ergebnis ${outcomes}`,
    cost: 'jede Kostenzeile nach Kalendertagen auf ihre Monate verteilt, ein Monat auf seine Tage, beides nach der Methode der größten Reste; eine Periode erhält die Summe ihrer Tage, ihr Anteil hängt also weder vom Zeitraum noch von der Periodenlänge ab; gemeinsame Kosten nach ihrem Schlüssel verteilt',
    handleTimeWeight: `Schlüssel handle_time: belegte Agentensekunden = Bearbeitungssekunden ÷ Parallelität (die des Kontakts, sonst die seines Kanals: ${concurrencyTextDe(d)}; sonst 1) bearbeiteter Kontakte jeder Richtung`,
    fallbackDriver: `${formatDriver(d.fallbackDriver)}: verteilt eine gemeinsame Kostenzeile anstelle ihres Schlüssels, wo dieser in einem Segment mit gezählten Kontakten kein Gewicht hat (keine Bearbeitungszeit, keine Agentenzeit)`,
    coverage:
      'ein Kontakt zählt in den Kosten je Kontakt nur, wo eine Kostenzeile ihn erreicht (seine Periode hat Kosten, eine direkte Zeile passt zu seinem Segment); Kontakte ganz ohne Kosten bleiben aus den Kosten je Kontakt, ihren Summen und dem Vergleich mit Vergleichswerten heraus',
    partialPeriods:
      'eine Periode ist unvollständig, wo der Zeitraum sie schneidet oder ihre Kontakte nicht alle ihre Tage abdecken (Ränder bis 3 Tage, bei Wochen 2, gelten als abgedeckt); der Standardzeitraum sind ganze Perioden, in denen Kontakte und Kosten vorliegen',
    costPerContact:
      'Kosten ÷ gezählte Kontakte, die eine Kostenzeile erreicht (nicht definiert, wo es keine gibt, nie 0)',
    aht: 'Σ (Gespräch + Halten + Nacharbeit) der bearbeiteten Kontakte ÷ bearbeitete Kontakte mit bekannter Bearbeitungszeit (nicht definiert, wo keine bekannt ist)',
    asa: 'Σ Wartezeit der angenommenen Kontakte ÷ angenommene Kontakte (Kontakte ohne bekannte Wartezeit ausgenommen; nicht ausgewiesen, wo eine Zeile Kanäle mit verschiedenen Servicelevel-Fristen mischt)',
    serviceLevel: `${d.serviceLevelFormula}: ${SERVICE_LEVEL_DE[d.serviceLevelFormula]}, t = ${t}, s = ${s} s; „innerhalb“ = Wartezeit ≤ Schwelle; angenommene ohne bekannte Wartezeit ausgenommen`,
    abandonRate: `abgebrochen nach ${s} s ÷ (angeboten − abgebrochen innerhalb ${s} s); angeboten = bearbeitet + abgebrochen + Rückruf`,
    ahtQuantiles: 'Median und p90 der Bearbeitungssekunden bearbeiteter Kontakte (stetige Quantile)',
    repeatContact: `ein gezählter Kontakt, auf den innerhalb von ${d.repeatWindowDays} Tagen ein weiterer gezählter Kontakt desselben Kunden folgt, auf beliebigem Kanal; Erstlösungsquote = 1 − Wiederholkontakte ÷ gezählte Kontakte mit bekanntem Kunden`,
    resolution:
      'ein gezählter Kontakt mit Kennzeichen „gelöst“ oder, wo das Kennzeichen fehlt, kein Wiederholkontakt',
    costPerResolution: 'Kosten ÷ Lösungen',
    costPerHandledContact: 'Kosten ÷ bearbeitete Kontakte',
    costPerCall:
      'Kosten ÷ gezählte Telefonkontakte, in Zeilen, deren gezählte Kontakte alle Telefonkontakte sind',
    costPerHandleMinute: 'Kosten ÷ Bearbeitungsminuten bearbeiteter Kontakte jeder Richtung',
    labourShare: 'Kosten für agent_wages, benefits_payroll_tax, supervision und training_recruiting ÷ Kosten',
    csat: `Mittelwert der auf 0..1 normierten CSAT-Werte; Top-2-Box = Anteil der Werte ≥ ${d.csatTopBoxMin} (4 oder 5 von 5)`,
    containment: 'selbst gelöst ÷ (selbst gelöst + an Agenten angeboten)',
    occupancy:
      'belegte Agentenzeit (Bearbeitungszeit ÷ Parallelität) bearbeiteter Kontakte (jede Richtung) ÷ besetzte Zeit laut Agentenzeiten, wo für die Zeile erfasst',
    timezone: `Perioden sind Kalenderperioden in ${d.timezone}; Wochen sind ISO-Wochen`,
  };
}

function concurrencyTextDe(d: Definitions): string {
  const entries = Object.entries(d.concurrencyByChannel);
  return entries.length > 0
    ? entries.map(([c, n]) => `${c} ${String(n).replace('.', ',')}`).join(', ')
    : 'keine eingestellt';
}
