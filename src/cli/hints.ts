import type { UserError } from '../errors.js';

/**
 * What to run next, in the command line's words, for user errors whose cure is another command. The
 * use cases' messages name parameters and say what is missing; only the CLI knows its commands.
 */
const HINTS: readonly { applies: (error: UserError) => boolean; hint: (error: UserError) => string }[] = [
  {
    applies: (e) => e.code === 'NOT_FOUND' && e.message.startsWith('no import '),
    hint: () => 'percontact imports list shows the imports',
  },
  {
    applies: (e) => / has no [A-Z]{3} rate on or before /.test(e.message),
    hint: () => 'import the rates with: percontact import fx FILE --workspace DIR',
  },
  {
    applies: (e) =>
      e.code === 'EMPTY_PERIOD' && e.message.startsWith('the workspace holds no contacts and no costs'),
    hint: () => 'percontact import imports them; percontact demo makes a workspace to try',
  },
];

/** The hints that apply to a user error (printed below its message). */
export function hintsFor(error: UserError): string[] {
  return HINTS.filter((h) => h.applies(error)).map((h) => h.hint(error));
}
