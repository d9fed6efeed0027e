import { isUserError, type UserError } from '../errors.js';

/** The UserError `work` fails with; fails the test when it succeeds or fails otherwise. */
export async function userError(work: Promise<unknown>): Promise<UserError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}
