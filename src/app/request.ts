import type { z } from 'zod';
import { UserError } from '../errors.js';

/** One thing wrong with a request: the parameter (dot path, as the request names it) and why. */
export interface RequestIssue {
  parameter: string;
  reason: string;
}

/**
 * A request that does not fit its schema. `location.parameter` names the first parameter at fault
 * (the CLI shows it as its flag, the HTTP API as a JSON pointer); `issues` lists every one.
 */
export class InvalidRequest extends UserError {
  constructor(readonly issues: readonly RequestIssue[]) {
    const [first, ...rest] = issues;
    super(
      'USAGE',
      first ? issueText(first) : 'invalid request',
      first ? { parameter: first.parameter } : undefined,
      rest.map(issueText),
    );
  }
}

const issueText = (issue: RequestIssue) => (issue.parameter ? `${issue.parameter}: ` : '') + issue.reason;

/** Validates a request against its schema: the typed request with defaults applied, or InvalidRequest. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new InvalidRequest(result.error.issues.flatMap(toIssues));
}

/** A parameter-named user error raised by an operation after the schema accepted the request. */
export function badParameter(parameter: string, reason: string, value?: string): UserError {
  return new UserError('USAGE', `${parameter}: ${reason}`, {
    parameter,
    ...(value === undefined ? {} : { value }),
  });
}

function toIssues(issue: z.core.$ZodIssue): RequestIssue[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      parameter: path ? `${path}.${key}` : key,
      reason: 'is not a parameter of this request',
    }));
  }
  return [{ parameter: path, reason: issue.message }];
}
