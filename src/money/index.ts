export { allocateLargestRemainder } from './allocate.js';
export { assertCurrencyCode, minorUnits } from './currency.js';
export { Decimal, type DecimalInput, dec, parseDecimal, sum } from './decimal.js';
export { type DaySpan, overlapDays, prorateByDays } from './prorate.js';
