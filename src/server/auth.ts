import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateToken } from '#core/accounts/api-tokens.js';
import type { Membership } from '#core/accounts/membership.js';
import { authenticateSession } from '#core/accounts/sessions.js';
import type { PublicUser } from '#core/accounts/users.js';
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
  // The route is known before this hook runs: for a workspace's route, the caller's role in it is
  // read in the same statement as who they are.
  const workspaceId = (request.params as Record<string, string | undefined> | undefined)?.workspaceId;
  const options = workspaceId === undefined ? {} : { workspaceId };
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
    const found = await authenticateToken(deps.db, deps.clock, match[1], options);
    if (!found) throw new AppError('unauthenticated', 'This API token is not valid: it was revoked, has expired, or was mistyped. Create a new one in Settings.');
    return { userId: found.user.id, method: 'token', sessionId: null, tokenId: found.token.id, ...actorOf(found, workspaceId) };
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const found = await authenticateSession(deps.db, deps.clock, secret, options);
  if (!found) return null;
  return { userId: found.user.id, method: 'cookie', sessionId: found.session.id, tokenId: null, ...actorOf(found, workspaceId) };
}

/** The actor of the route's workspace, when it was read along (null: not a member of it). */
function actorOf(found: { user: PublicUser; membership?: Membership | null }, workspaceId: string | undefined): Pick<RequestAuth, 'workspace'> {
  const { user, membership } = found;
  if (workspaceId === undefined || membership === undefined) return {};
  const actor = membership && { userId: user.id, workspaceId, role: membership.role, timeZone: user.timeZone, dayStartHour: user.dayStartHour };
  return { workspace: { id: workspaceId, actor } };
}

/** The caller, or a 401 that says how to sign in. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first: log in for a session cookie, or send an API token as "Authorization: Bearer <token>".');
  return request.auth;
}
