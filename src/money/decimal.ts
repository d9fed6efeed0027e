import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal type money flows through. 40 significant digits cover any ledger amount times
 * any weight ratio without loss; rounding is explicit wherever it happens.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

export function dec(value: DecimalInput): Decimal {
  return new Decimal(value);
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses canonical decimal text ("1234.56", "-0.5"); returns undefined for anything else. */
export function parseDecimal(text: string): Decimal | undefined {
  const trimmed = text.trim();
  return DECIMAL_TEXT.test(trimmed) ? new Decimal(trimmed) : undefined;
}
