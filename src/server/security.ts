import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '#core/errors.js';
import type { ServerDeps } from './context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the browser should be on: the configured public URL, else this request's own host. */
export function expectedOrigin(request: FastifyRequest, deps: ServerDeps): string {
  return deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * Cross-site request forgery: a cookie rides along with any request the browser makes, so a write
 * that relies on the cookie must come from our own pages. Browsers mark that with Sec-Fetch-Site
 * and Origin; a cookie-authenticated write with neither is refused too. Token-authenticated calls
 * need no check: a page on another site cannot attach our token.
 */
export function checkCsrf(request: FastifyRequest, deps: ServerDeps): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const cookieAuth = request.auth?.method === 'cookie';
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new AppError('forbidden', 'This request came from another site and was refused (cross-site request forgery protection).');
  }
  if (typeof origin === 'string' && origin !== 'null') {
    if (origin !== expectedOrigin(request, deps)) {
      throw new AppError('forbidden', `Requests from ${origin} are refused (cross-site request forgery protection). Use the app at ${expectedOrigin(request, deps)}, or an API token.`);
    }
    return;
  }
  if (cookieAuth && site === undefined) {
    throw new AppError('forbidden', 'A write with a session cookie must come from the app (Origin or Sec-Fetch-Site header missing). Scripts should use an API token.');
  }
  if (cookieAuth && origin === 'null') {
    throw new AppError('forbidden', 'Requests from an opaque origin are refused (cross-site request forgery protection).');
  }
}

/** Headers that make every answer safer to handle in a browser. */
export function installSecurityHeaders(app: FastifyInstance, deps: ServerDeps): void {
  const https = deps.config.publicUrl?.startsWith('https://') ?? false;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    if (https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
