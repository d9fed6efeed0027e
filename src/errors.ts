/**
 * User errors are data: a stable code, a one-line message and, where the error comes from input,
 * its location. Anything else thrown is a bug and surfaces as a plain Error.
 */
export type UserErrorCode =
  | 'USAGE'
  | 'WORKSPACE_NOT_FOUND'
  | 'WORKSPACE_EXISTS'
  | 'CONFIG_INVALID'
  | 'EMPTY_PERIOD'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  /** A remote service (an API a source is pulled from) failed or refused. */
  | 'REMOTE'
  /** Another process (an import, a server) holds the workspace. */
  | 'WORKSPACE_BUSY';

export interface InputLocation {
  /**
   * The request parameter at fault, named as the use-case layer names it (`from`, `by`, `levers.ivr.containment`):
   * the CLI shows it as its flag, the HTTP API as a JSON pointer. Code below the front ends never names a flag.
   */
  parameter?: string;
  file?: string;
  line?: number;
  column?: string;
  value?: string;
}

/** Exit codes by error code; documented in docs/cli.md. */
export const EXIT_CODES: Record<UserErrorCode, number> = {
  USAGE: 2,
  WORKSPACE_NOT_FOUND: 3,
  WORKSPACE_EXISTS: 3,
  CONFIG_INVALID: 3,
  EMPTY_PERIOD: 4,
  INVALID_INPUT: 5,
  NOT_FOUND: 6,
  WORKSPACE_BUSY: 7,
  REMOTE: 8,
};

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly location?: InputLocation,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
