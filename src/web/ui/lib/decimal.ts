/**
 * Exact sums and differences of decimal text ("1234.56"), as scaled big integers: the dashboard shows
 * that the parts of a figure add up to it, and a float sum could be off by a cent.
 */
export function sumDecimals(values: readonly string[]): string {
  const places = Math.max(0, ...values.map(decimalPlaces));
  const total = values.reduce((acc, v) => acc + scaled(v, places), 0n);
  return unscaled(total, places);
}

export function subtractDecimals(a: string, b: string): string {
  const places = Math.max(decimalPlaces(a), decimalPlaces(b));
  return unscaled(scaled(a, places) - scaled(b, places), places);
}

export function equalDecimals(a: string, b: string): boolean {
  return /^-?0(\.0+)?$/.test(subtractDecimals(a, b));
}

function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function scaled(text: string, places: number): bigint {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal: ${text}`);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const digits = BigInt(whole + fraction.padEnd(places, '0'));
  return negative ? -digits : digits;
}

function unscaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}
