import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, ERROR_CODES, RateLimitedError, type ErrorCode } from '#core/errors.js';

/** Fastify's own failures, by its error code, as ours. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large for this endpoint.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as JSON with Content-Type: application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'validation', message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'validation', message: 'The body is empty but Content-Type says JSON: send a JSON object, or no Content-Type.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'validation', message: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'validation', message: 'The Content-Type header is not valid.' },
  FST_ERR_BAD_URL: { code: 'validation', message: 'The URL is not valid.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'validation', message: 'The request could not be routed.' },
};

/** The wire shape of an error, the same for every route. */
export function errorBody(error: AppError): { error: ReturnType<AppError['toJSON']> } {
  return { error: error.toJSON() };
}

/** Turn anything thrown into an AppError; unknown errors become a 500 that reveals nothing. */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  const fe = error as Partial<FastifyError> & { type?: string };
  const known = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { appError: new AppError(known.code, known.message), unexpected: false };
  if (error instanceof SyntaxError || fe.statusCode === 400) {
    return { appError: new AppError('validation', 'The request is malformed: the body must be valid JSON (and carries no "__proto__" or "constructor" keys).'), unexpected: false };
  }
  if (fe.statusCode === 413) return { appError: new AppError('payload_too_large', FASTIFY_CODES.FST_ERR_CTP_BODY_TOO_LARGE!.message), unexpected: false };
  if (fe.statusCode === 415) return { appError: new AppError('unsupported_media_type', FASTIFY_CODES.FST_ERR_CTP_INVALID_MEDIA_TYPE!.message), unexpected: false };
  // A stack overflow from absurdly deep input is the caller's doing, not a fault of ours.
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { appError: new AppError('validation', 'The input is nested too deeply.'), unexpected: false };
  }
  return { appError: new AppError('internal', 'Something went wrong on our side. It has been logged; please try again.'), unexpected: true };
}

/** One error handler and one not-found handler for the whole server. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { appError, unexpected } = toAppError(error);
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    else request.log.debug({ code: appError.code }, appError.message);
    const status = ERROR_CODES[appError.code].http;
    if (appError instanceof RateLimitedError) reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply.status(status).type('application/json; charset=utf-8').send(errorBody(appError));
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new AppError('not_found', `There is no ${request.method} ${request.url.split('?')[0]}. The API is described at /api/openapi.json.`);
    return reply.status(404).send(errorBody(err));
  });
}
