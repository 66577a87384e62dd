import type { z } from 'zod';

/** Every failure a user can cause or meet, by code. Transports map codes to statuses and exit codes. */
export const ERROR_CODES = {
  validation: { http: 400, exit: 2 },
  unauthenticated: { http: 401, exit: 1 },
  forbidden: { http: 403, exit: 1 },
  not_found: { http: 404, exit: 1 },
  conflict: { http: 409, exit: 1 },
  payload_too_large: { http: 413, exit: 1 },
  unsupported_media_type: { http: 415, exit: 1 },
  rate_limited: { http: 429, exit: 1 },
  internal: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type of the application: a code, a message for people, optional field details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details?: ErrorDetail[] } {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Too many attempts: tells when to try again (HTTP sends it as Retry-After). */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('rate_limited', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const notFound = (what: string, ref: string): AppError =>
  new AppError('not_found', `No ${what} matches "${ref}". List them to see what exists.`);

export const conflict = (message: string): AppError => new AppError('conflict', message);

export const invalid = (path: string, message: string): AppError =>
  new AppError('validation', message, [{ path, message }]);

/** Turn zod issues into one readable message plus per-field details. */
export function fromZodError(error: z.ZodError, what = 'input'): AppError {
  const details = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = details
    .map((d) => (d.path === '(root)' ? d.message : `${d.path}: ${d.message}`))
    .join('; ');
  return new AppError('validation', `Invalid ${what}: ${summary}`, details);
}

/** Parse with a schema, throwing an AppError that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, what);
  return result.data;
}
