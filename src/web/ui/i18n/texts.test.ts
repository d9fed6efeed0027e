import { describe, expect, it } from 'vitest';
import { TERMS } from './terms.js';
import { texts } from './texts.js';

const NBSP = '\u00a0';

describe('dashboard texts', () => {
  it('writes money, counts and shares as German and American readers expect', () => {
    const de = texts('de');
    const en = texts('en');
    expect(de.money('1234.56')).toBe(`1.234,56${NBSP}€`);
    expect(en.money('1234.56')).toBe('€1,234.56');
    expect(de.count(108222)).toBe('108.222');
    expect(en.percent(0.7902)).toBe('79.0%');
    expect(de.percent(0.7902)).toBe(`79,0${NBSP}%`);
    expect(de.seconds(375.6)).toBe(`375,6${NBSP}s`);
  });

  it('shows a dash, never 0, for a figure that cannot be computed', () => {
    const en = texts('en');
    expect(en.money(null)).toBe('—');
    expect(en.percent(undefined)).toBe('—');
    expect(en.count(null)).toBe('—');
    expect(en.money('0.00')).toBe('€0.00');
  });

  it('signs changes with a true minus and no sign for zero', () => {
    const de = texts('de');
    expect(de.moneyChange('-0.07')).toBe(`−0,07${NBSP}€`);
    expect(de.moneyChange('0.23')).toBe(`+0,23${NBSP}€`);
    expect(de.moneyChange('0.00')).toBe(`0,00${NBSP}€`);
  });

  it('translates channels, categories and every term of its own', () => {
    const de = texts('de');
    expect(de.channel('voice')).toBe('Telefon');
    expect(de.category('facilities')).toBe('Räume und Nebenkosten');
    expect(de.channel('fax-line')).toBe('fax-line');
    for (const [key, term] of Object.entries(TERMS)) {
      expect(term.de, key).not.toBe('');
      expect(term.en, key).not.toBe('');
      // Placeholders are the same in both languages, so no value goes missing in one.
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(term.de), key).toEqual(names(term.en));
    }
  });
});
