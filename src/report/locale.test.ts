import { describe, expect, it } from 'vitest';
import { localeFormat } from './locale.js';

// Intl writes a no-break space (U+00A0) between number and "€" or "%" in German; compare with it spelled out.
const nbsp = (text: string) => text.replaceAll(' ', '\u00a0');

describe('de-DE', () => {
  const de = localeFormat('de-DE', 'EUR', 'month');

  it('writes money with decimal comma and dot grouping, exactly from decimal text', () => {
    expect(de.money('1234.56')).toBe('1.234,56');
    expect(de.moneyWithCurrency('1234.56')).toBe(nbsp('1.234,56 €'));
    expect(de.money('-0.50', true)).toBe('-0,50');
    expect(de.money('12.30', true)).toBe('+12,30');
    expect(de.money('0.00', true)).toBe('0,00');
    // 17 significant digits: a float would print ...567,88 or ...568,00.
    expect(de.money('12345678901234567.89')).toBe('12.345.678.901.234.567,89');
  });

  it('writes counts, decimals and percentages', () => {
    expect(de.count(1234567)).toBe('1.234.567');
    expect(de.count(-211, true)).toBe('-211');
    expect(de.decimal(1213.33, 1)).toBe('1.213,3');
    expect(de.percent(0.25, 1)).toBe(nbsp('25,0 %'));
    expect(de.percent(0.0585, 1, true)).toBe(nbsp('+5,9 %'));
  });

  it('writes dates and periods the German way', () => {
    expect(de.date('2026-03-05')).toBe('05.03.2026');
    expect(de.period('2026-03')).toBe('03.2026');
    expect(de.period('total')).toBe('Gesamt');
    expect(de.period('2025-12/2026-02')).toBe('12.2025 – 02.2026');
    expect(localeFormat('de-DE', 'EUR', 'week').period('2026-W09')).toBe('KW 09/2026');
    expect(localeFormat('de-DE', 'EUR', 'quarter').period('2026-Q1')).toBe('Q1/2026');
    expect(localeFormat('de-DE', 'EUR', 'day').period('2026-03-05')).toBe('05.03.2026');
    expect(localeFormat('de-DE', 'EUR', 'year').period('2026')).toBe('2026');
  });

  it('gives CSV its separator and decimal comma, without grouping', () => {
    expect(de.csvSeparator).toBe(';');
    expect(de.machineNumber('1234.5')).toBe('1234,5');
    expect(de.label('title')).toBe('Kosten je Kontakt');
  });
});

describe('en-US', () => {
  const en = localeFormat('en-US', 'EUR', 'month');

  it('groups with commas, keeps ISO dates and periods', () => {
    expect(en.money('1234.56')).toBe('1,234.56');
    expect(en.moneyWithCurrency('1234.56')).toBe('€1,234.56');
    expect(en.percent(0.25, 1)).toBe('25.0%');
    expect(en.date('2026-03-05')).toBe('2026-03-05');
    expect(en.period('2026-03')).toBe('2026-03');
    expect(en.period('total')).toBe('total');
    expect(en.machineNumber('1234.5')).toBe('1234.5');
    expect(en.csvSeparator).toBe(',');
  });

  it("uses the currency's minor unit", () => {
    expect(localeFormat('en-US', 'JPY', 'month').money('1234')).toBe('1,234');
    expect(localeFormat('de-DE', 'KWD', 'month').money('1.234')).toBe('1,234');
  });
});
