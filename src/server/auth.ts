import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateToken } from '#core/accounts/api-tokens.js';
import { authenticateSession } from '#core/accounts/sessions.js';
import { AppError } from '#core/errors.js';
import { SESSION_COOKIE, type RequestAuth, type ServerDeps } from './context.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Find out who calls, once per request: an API token in `Authorization: Bearer …`, else the
 * session cookie. A bad or revoked token is refused outright rather than falling back to a cookie,
 * so a script never silently acts as whoever is logged in in the browser.
 */
export function installAuthentication(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.auth = await authenticate(request, deps);
  });
}

async function authenticate(request: FastifyRequest, deps: ServerDeps): Promise<RequestAuth | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const found = await authenticateToken(deps.db, deps.clock, match[1]);
    if (!found) throw new AppError('unauthenticated', 'This API token is not valid: it was revoked, has expired, or was mistyped. Create a new one in Settings.');
    return { userId: found.user.id, method: 'token', sessionId: null, tokenId: found.token.id };
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const found = await authenticateSession(deps.db, deps.clock, secret);
  if (!found) return null;
  return { userId: found.user.id, method: 'cookie', sessionId: found.session.id, tokenId: null };
}

/** The caller, or a 401 that says how to sign in. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first: log in for a session cookie, or send an API token as "Authorization: Bearer <token>".');
  return request.auth;
}
