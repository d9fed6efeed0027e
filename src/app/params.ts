import { z } from 'zod';
import { GRANULARITIES, parsePeriodText } from '../calendar/period.js';
import { DIMENSIONS } from '../model/contact.js';
import { hasControlCharacters } from './plain-text.js';

/**
 * Building blocks of request schemas, with messages in the words the CLI uses. Values are typed (a
 * number is a number); front ends that read text (query strings, flags) convert it first.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: () => `use ${listText(values)}` });
}

export function listText(values: readonly string[]): string {
  return values.length < 2 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export const granularity = oneOf(GRANULARITIES);

/** Break-down dimensions: each once, in the order given. */
export const dimensions = z
  .array(oneOf(DIMENSIONS), { error: () => `a list of ${listText(DIMENSIONS)}` })
  .transform((dims) => [...new Set(dims)]);

/** A date or period as users type it: 2026-03-05, 2026-W10, 2026-03, 2026-Q1 or 2026. */
export const periodText = z.string({ error: () => 'expected a date or period' }).refine(
  (text) => {
    try {
      parsePeriodText(text);
      return true;
    } catch {
      return false;
    }
  },
  {
    error: (issue) =>
      `"${issue.input}" is not a date or period (use 2026-03-05, 2026-W10, 2026-03, 2026-Q1 or 2026)`,
  },
);

export const number = () => z.number({ error: () => 'expected a number' });
export const nonNegative = () => number().min(0, { error: () => 'expected a number >= 0' });
export const positive = () => number().gt(0, { error: () => 'expected a number > 0' });
export const wholeNumber = (min = 0) =>
  z
    .number({ error: () => 'expected a whole number' })
    .int({ error: () => `expected a whole number >= ${min}` })
    .min(min, {
      error: () => `expected a whole number >= ${min}`,
    });

/** A share between 0 and 1 (0.8, not 80); each end included only where it makes sense. */
export function share(bounds: { zero: boolean; one: boolean }) {
  const range = `${bounds.zero ? '>= 0' : '> 0'} and ${bounds.one ? '<= 1' : '< 1'}`;
  return number().refine((n) => (bounds.zero ? n >= 0 : n > 0) && (bounds.one ? n <= 1 : n < 1), {
    error: () => `expected a share ${range} (e.g. 0.8 for 80%)`,
  });
}

export const text = (what = 'text') =>
  z.string({ error: () => `expected ${what}` }).min(1, { error: () => `expected ${what}` });

/**
 * A dimension value (a queue's or team's name): data compared as a value, never part of a query's
 * text. Control characters have no place in a name and are refused.
 */
export const dimensionValue = z
  .string({ error: () => 'expected a name' })
  .refine((text) => !hasControlCharacters(text), { error: () => 'contains control characters' })
  .max(200, { error: () => 'is longer than 200 characters' });
