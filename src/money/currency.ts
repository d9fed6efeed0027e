import { UserError } from '../errors.js';

/** ISO 4217 minor-unit exponents that differ from 2, plus the common two-digit ones we validate. */
const MINOR_UNITS: Record<string, number> = {
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

/**
 * The ISO 4217 codes in use: those the runtime's ICU knows (every circulating currency), plus the fund
 * codes above with minor units of their own.
 */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  ...Intl.supportedValuesOf('currency'),
  ...Object.keys(MINOR_UNITS),
]);

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/** The code in capitals ("eur" → "EUR"), or a USAGE error when ISO 4217 has no such currency. */
export function assertCurrencyCode(code: string, parameter = 'currency'): string {
  const upper = code.trim().toUpperCase();
  if (!isCurrencyCode(upper)) {
    throw new UserError('USAGE', `currency "${code}" is not an ISO 4217 code (e.g. EUR, USD, CHF)`, {
      parameter,
      value: code,
    });
  }
  return upper;
}

/** Number of decimal places of the currency's minor unit (EUR 2, JPY 0, KWD 3). */
export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}
