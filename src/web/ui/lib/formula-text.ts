import { SERVICE_LEVEL_TEXT } from '../../../metrics/definitions.js';
import type { ServiceLevelFormula } from '../../../model/config.js';
import { SERVICE_LEVEL_DE } from '../../../report/definitions-de.js';

/** Explain's formulas in German, by metric; the numbers stand filled in beside them. */
const FORMULAS_DE: Record<string, string> = {
  costPerContact: 'Kosten ÷ gezählte Kontakte',
  costPerHandledContact: 'Kosten ÷ bearbeitete Kontakte',
  costPerResolution: 'Kosten ÷ Lösungen',
  costPerCall: 'Kosten ÷ gezählte Telefonkontakte',
  costPerHandleMinute: 'Kosten ÷ Bearbeitungsminuten (bearbeitete Kontakte jeder Richtung)',
  ahtSeconds:
    'Σ Bearbeitungssekunden bearbeiteter Kontakte ÷ bearbeitete Kontakte mit bekannter Bearbeitungszeit',
  asaSeconds: 'Σ Wartezeit angenommener Kontakte ÷ angenommene Kontakte mit bekannter Wartezeit',
  abandonRate: '(abgebrochen − innerhalb s abgebrochen) ÷ (angeboten − innerhalb s abgebrochen)',
};

/** The formula of an explanation in the reader's language (the API writes it in English). */
export function formulaText(metric: string, english: string, lang: 'en' | 'de'): string {
  if (lang === 'en') return english;
  if (metric === 'costPerContact' && english.includes('that a cost line reaches'))
    return 'Kosten ÷ gezählte Kontakte, die eine Kostenzeile erreicht';
  if (metric === 'serviceLevel') {
    const formula = (Object.keys(SERVICE_LEVEL_TEXT) as ServiceLevelFormula[]).find(
      (f) => SERVICE_LEVEL_TEXT[f] === english,
    );
    return formula ? SERVICE_LEVEL_DE[formula] : english;
  }
  return FORMULAS_DE[metric] ?? english;
}
