/**
 * An answer the HTTP layer gives by itself (no token, wrong role, too large, too many requests,
 * timeouts): a status, a stable code and a one-line message. User errors of the use cases are
 * UserErrors; the error handler maps those.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** For Fastify and its plugins, which read `statusCode`. */
  get statusCode(): number {
    return this.status;
  }
}
