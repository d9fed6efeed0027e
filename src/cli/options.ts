import { UserError } from '../errors.js';

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
