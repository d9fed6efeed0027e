import { describe, expect, it } from 'vitest';
import { formulaText } from './formula-text.js';

describe("explain's formulas in German", () => {
  it('writes each formula in German and leaves English as the API wrote it', () => {
    expect(formulaText('costPerContact', 'cost ÷ counted contacts', 'de')).toBe('Kosten ÷ gezählte Kontakte');
    expect(formulaText('costPerContact', 'cost ÷ counted contacts', 'en')).toBe('cost ÷ counted contacts');
    expect(formulaText('costPerContact', 'cost ÷ counted contacts that a cost line reaches', 'de')).toBe(
      'Kosten ÷ gezählte Kontakte, die eine Kostenzeile erreicht',
    );
    expect(
      formulaText('serviceLevel', 'answered within t ÷ (answered + abandoned − abandoned within s)', 'de'),
    ).toBe('angenommen innerhalb t ÷ (angenommen + abgebrochen − abgebrochen innerhalb s)');
  });

  it('keeps a formula it does not know in English rather than guessing', () => {
    expect(formulaText('serviceLevel', 'a formula of the future', 'de')).toBe('a formula of the future');
    expect(formulaText('newMetric', 'x ÷ y', 'de')).toBe('x ÷ y');
  });
});
