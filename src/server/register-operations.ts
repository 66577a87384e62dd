import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, PageQuerySchema, fullPath, pathParams, usesQuery, type Endpoint } from '#contracts/api/endpoint.js';
import type { ApiCtx, Operation } from '#api/operation.js';
import type { Ctx } from '#core/context.js';
import { AppError, parseInput } from '#core/errors.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import { requireAuth } from './auth.js';
import type { ServerDeps } from './context.js';
import { checkCsrf } from './security.js';
import { decodeCursor, pageItems } from './paging.js';

const ROLE_RANK = { viewer: 0, member: 1, admin: 2, owner: 3 } as const;

/** Fastify's `:name` form of an OpenAPI `{name}` path. */
export function fastifyPath(e: Endpoint): string {
  return fullPath(e).replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

type Coercion = Record<string, 'number' | 'boolean' | 'array'>;

/** Query strings carry text: find which input fields need numbers or booleans made of it. */
function queryCoercions(e: Endpoint): Coercion {
  if (!usesQuery(e.method)) return {};
  const json = z.toJSONSchema(e.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { type?: string | string[] }> };
  const out: Coercion = {};
  for (const [key, prop] of Object.entries(json.properties ?? {})) {
    const types = Array.isArray(prop.type) ? prop.type : [prop.type];
    if (types.includes('number') || types.includes('integer')) out[key] = 'number';
    else if (types.includes('boolean')) out[key] = 'boolean';
    else if (types.includes('array')) out[key] = 'array';
  }
  return out;
}

function coerce(value: unknown, kind: Coercion[string] | undefined): unknown {
  if (kind === 'array') return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return value;
  if (kind === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** One object from the path, and the query or the body: the shape every handler takes. */
function assembleInput(e: Endpoint, request: FastifyRequest, coercions: Coercion): Record<string, unknown> {
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (usesQuery(e.method)) {
    const query = (request.query ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(query)) {
      if (e.list && (key === 'cursor' || key === 'limit')) continue;
      input[key] = coerce(value, coercions[key]);
    }
  } else {
    const body = request.body;
    if (body !== undefined && body !== null) {
      if (typeof body !== 'object' || Array.isArray(body)) {
        throw new AppError('validation', 'The body must be a JSON object.', [{ path: '(root)', message: 'must be a JSON object' }]);
      }
      Object.assign(input, body);
    }
  }
  // The path wins: an id in the body never redirects the operation to another row.
  const params = request.params as Record<string, string>;
  for (const name of pathParams(e.path)) input[name] = params[name];
  return { ...input };
}

async function actingContext(e: Endpoint, request: FastifyRequest, deps: ServerDeps): Promise<Ctx> {
  if (e.scope === 'public') {
    checkCsrf(request, deps);
    // Public operations act for nobody; the handler must not rely on an actor.
    return { db: deps.db, clock: deps.clock, actor: { userId: '', workspaceId: '', role: 'viewer', timeZone: 'UTC', dayStartHour: 0 } };
  }
  const auth = requireAuth(request);
  checkCsrf(request, deps);
  if (e.scope === 'user') {
    return { db: deps.db, clock: deps.clock, actor: { userId: auth.userId, workspaceId: '', role: 'viewer', timeZone: 'UTC', dayStartHour: 0 } };
  }
  const workspaceId = (request.params as Record<string, string>).workspaceId ?? '';
  // Read along with the authentication (auth.ts) when it knew the workspace.
  const actor = auth.workspace?.id === workspaceId ? auth.workspace.actor : await actorFor(deps.db, auth.userId, workspaceId);
  // Not a member looks exactly like no such workspace: ids of others' workspaces reveal nothing.
  if (!actor) throw new AppError('not_found', `No workspace matches "${workspaceId}". List yours with GET /api/v1/workspaces.`);
  const needed = e.role ?? (e.method === 'GET' ? 'viewer' : 'member');
  if (ROLE_RANK[actor.role] < ROLE_RANK[needed]) {
    throw new AppError('forbidden', `This needs the ${needed} role in this workspace; you are ${actor.role}.`);
  }
  return { db: deps.db, clock: deps.clock, actor };
}

/**
 * What HTTP adds to an operation's result for a few endpoints (a session cookie set at login,
 * cleared at logout): it receives the handler's result and returns what goes out.
 */
export type TransportHook = (request: FastifyRequest, reply: FastifyReply, result: unknown) => unknown;

/** Register every operation as a route: authenticate, authorise, validate, run, shape the answer. */
export function registerOperations(app: FastifyInstance, deps: ServerDeps, ops: readonly Operation[], hooks: Record<string, TransportHook> = {}): void {
  for (const { endpoint: e, handler } of ops) {
    const hook = hooks[e.id];
    // Worked out on the route's first request and kept: z.toJSONSchema of every input at start was
    // a noticeable share of the server's cold start.
    let coercions: Coercion | undefined;
    const output = e.output;
    app.route({
      method: e.method,
      url: fastifyPath(e),
      bodyLimit: e.bodyLimit,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const ctx: ApiCtx = {
          ...(await actingContext(e, request, deps)),
          caller: {
            ip: request.ip,
            userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
            sessionId: request.auth?.sessionId ?? null,
            tokenId: request.auth?.tokenId ?? null,
            signUpMode: deps.config.signUp,
          },
        };
        const page = e.list ? parseInput(PageQuerySchema, request.query ?? {}, 'paging') : null;
        const cursor = page?.cursor ? decodeCursor(page.cursor) : null;
        coercions ??= queryCoercions(e);
        const input = parseInput(e.input, assembleInput(e, request, coercions), 'input');
        let result = await handler(ctx, input);
        if (hook) result = await hook(request, reply, result);
        if (e.status === 204) return reply.status(204).send();
        reply.status(e.status ?? 200);
        if (e.list) {
          const items = pageItems(result as Array<{ id?: unknown }>, cursor, page?.limit ?? DEFAULT_PAGE_SIZE);
          return { items: items.items.map((item) => output.parse(item)), nextCursor: items.nextCursor };
        }
        return output.parse(result);
      },
    });
  }
}
