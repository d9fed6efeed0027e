import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { FxRates } from '../metrics/fx.js';
import { hintsFor } from './hints.js';

const thrown = (work: () => unknown): UserError => {
  try {
    work();
  } catch (error) {
    if (error instanceof UserError) return error;
  }
  throw new Error('expected a user error');
};

describe('hintsFor', () => {
  it('names the command that imports the missing exchange rates, which the message itself does not', () => {
    const error = thrown(() =>
      new FxRates(new Map()).requireRate('USD', '2026-03-01', 'cost line "x"', 'EUR'),
    );
    expect(error.message).not.toMatch(/percontact|--/);
    expect(hintsFor(error)).toEqual(['import the rates with: percontact import fx FILE --workspace DIR']);
  });

  it('offers import and demo for an empty workspace', () => {
    const empty = new UserError(
      'EMPTY_PERIOD',
      'the workspace holds no contacts and no costs yet: import some first',
    );
    expect(hintsFor(empty)).toEqual([
      'percontact import imports them; percontact demo makes a workspace to try',
    ]);
  });

  it('gives nothing for errors another command does not cure', () => {
    expect(hintsFor(new UserError('USAGE', 'from: not a date'))).toEqual([]);
  });
});
