import { type Granularity, isGranularity } from '../calendar/period.js';
import { UserError } from '../errors.js';
import { type Dimension, isDimension } from '../model/contact.js';

export function granularityOption(text: string): Granularity {
  if (!isGranularity(text))
    throw new UserError('USAGE', `--period "${text}": use day, week, month, quarter or year`);
  return text;
}

export function dimensionsOption(text: string): Dimension[] {
  const dims = text
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d.length > 0);
  for (const d of dims) {
    if (!isDimension(d))
      throw new UserError('USAGE', `--by "${d}": use channel, queue, team, agent or topic`);
  }
  return [...new Set(dims)] as Dimension[];
}

export function choiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (text: string): T => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new UserError('USAGE', `${name} "${text}": use ${choices.join(', ')}`);
    }
    return text as T;
  };
}

export function integerOption(name: string, min = 0) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new UserError('USAGE', `${name} "${text}": expected a whole number >= ${min}`);
    return n;
  };
}

export function monthOption(name: string) {
  return (text: string): string => {
    const m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
      throw new UserError('USAGE', `${name} "${text}": expected a month as YYYY-MM`);
    return text;
  };
}

export function positiveNumberOption(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0)
      throw new UserError('USAGE', `${name} "${text}": expected a number > 0`);
    return n;
  };
}

export function nonNegativeNumberOption(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
      throw new UserError('USAGE', `${name} "${text}": expected a number >= 0`);
    }
    return n;
  };
}

/** A share between 0 and 1 (0.8, not 80); each end included only where it makes sense. */
export function shareOption(name: string, bounds: { zero: boolean; one: boolean }) {
  const low = bounds.zero ? '>= 0' : '> 0';
  const high = bounds.one ? '<= 1' : '< 1';
  return (text: string): number => {
    const n = Number(text);
    const ok = text.trim() !== '' && (bounds.zero ? n >= 0 : n > 0) && (bounds.one ? n <= 1 : n < 1);
    if (!ok) {
      const range = `${low} and ${high}`;
      throw new UserError('USAGE', `${name} "${text}": expected a share ${range} (e.g. 0.8 for 80%)`);
    }
    return n;
  };
}
