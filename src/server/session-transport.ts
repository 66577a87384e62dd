import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_LIFETIME_MS } from '#core/accounts/sessions.js';
import { SESSION_COOKIE, type ServerDeps } from './context.js';
import type { TransportHook } from './register-operations.js';

interface WithSecret {
  secret?: string;
}

function secureCookies(request: FastifyRequest, deps: ServerDeps): boolean {
  return deps.config.publicUrl ? deps.config.publicUrl.startsWith('https://') : request.protocol === 'https';
}

/** Set the session cookie from a fresh login and keep the secret out of the body. */
function setSession(deps: ServerDeps) {
  return (request: FastifyRequest, reply: FastifyReply, result: unknown): unknown => {
    const { secret, ...rest } = result as WithSecret & Record<string, unknown>;
    if (secret) {
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies(request, deps),
        path: '/',
        maxAge: Math.floor(SESSION_ABSOLUTE_LIFETIME_MS / 1000),
      });
    }
    return rest;
  };
}

function clearSession(deps: ServerDeps) {
  return (request: FastifyRequest, reply: FastifyReply, result: unknown): unknown => {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secureCookies(request, deps) });
    return result;
  };
}

/** The endpoints whose HTTP answer carries or clears the session cookie. */
export function transportHooks(deps: ServerDeps): Record<string, TransportHook> {
  return { login: setSession(deps), signUp: setSession(deps), logout: clearSession(deps), changePassword: setSession(deps) };
}
