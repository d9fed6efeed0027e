import { InvalidRequest } from '../app/request.js';
import { isUserError, type UserErrorCode } from '../errors.js';
import { HttpError } from './http-error.js';

/** The one error shape of the API: `{ "error": { status, code, message, … } }`. */
export interface ErrorBody {
  error: {
    status: number;
    code: string;
    message: string;
    /** The request parameter at fault, as the use case names it, and the same as a JSON pointer. */
    parameter?: string;
    pointer?: string;
    /** Every problem with the request (validation), each with its pointer and reason. */
    issues?: { parameter: string; pointer: string; reason: string }[];
    /** Where in an uploaded file or given text a value was wrong. */
    location?: { file?: string; line?: number; column?: string; value?: string };
    details?: string[];
  };
}

/** HTTP statuses of user errors: the request's fault (4xx) or the workspace's state (503). */
const STATUS: Record<UserErrorCode, number> = {
  USAGE: 400,
  INVALID_INPUT: 422,
  NOT_FOUND: 404,
  EMPTY_PERIOD: 404,
  WORKSPACE_EXISTS: 409,
  WORKSPACE_NOT_FOUND: 503,
  CONFIG_INVALID: 503,
  WORKSPACE_BUSY: 503,
  /** A service the server called (a pull's API) failed: the gateway's error, not the client's. */
  REMOTE: 502,
};

/** `levers.ivr.containment` → `/levers/ivr/containment` (RFC 6901 escapes for `~` and `/`). */
export function pointerOf(parameter: string): string {
  if (parameter === '') return '';
  return `/${parameter
    .split('.')
    .map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/')}`;
}

/**
 * The answer for an error, or undefined for a bug (the caller logs it and answers 500 without
 * details). Fastify's own client errors (malformed JSON, too large, wrong media type) keep their status.
 */
export function errorBody(error: unknown): ErrorBody | undefined {
  if (error instanceof HttpError) return body(error.status, error.code, error.message);
  if (isUserError(error)) {
    const { parameter, file, line, column, value } = error.location ?? {};
    const located = file !== undefined || line !== undefined || column !== undefined;
    return {
      error: {
        status: STATUS[error.code],
        code: error.code,
        message: error.message,
        ...(parameter === undefined ? {} : { parameter, pointer: pointerOf(parameter) }),
        ...(error instanceof InvalidRequest
          ? { issues: error.issues.map((i) => ({ ...i, pointer: pointerOf(i.parameter) })) }
          : {}),
        ...(located ? { location: definedOnly({ file, line, column, value }) } : {}),
        ...(error.details.length > 0 && !(error instanceof InvalidRequest)
          ? { details: [...error.details] }
          : {}),
      },
    };
  }
  const status = (error as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = (error as { code?: string }).code ?? 'BAD_REQUEST';
    return body(status, clientCode(code, status), (error as Error).message);
  }
  return undefined;
}

export function body(status: number, code: string, message: string): ErrorBody {
  return { error: { status, code, message } };
}

/** Fastify's codes (FST_ERR_CTP_INVALID_JSON_BODY …) as the API's plain ones. */
function clientCode(code: string, status: number): string {
  if (status === 413) return 'TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (/JSON|BODY|CONTENT|CTP/.test(code)) return 'MALFORMED_BODY';
  return 'BAD_REQUEST';
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
