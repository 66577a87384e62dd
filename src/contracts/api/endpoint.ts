import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type EndpointRole = 'viewer' | 'member' | 'admin' | 'owner';

/**
 * Where an endpoint lives and who may call it:
 * - `workspace`: under `/api/v1/workspaces/{workspaceId}`, for members of that workspace with at least `role`;
 * - `user`: any signed-in person, acting for themselves (their profile, tokens, workspaces);
 * - `public`: no sign-in (sign-up, login, accepting nothing but what the body proves).
 */
export type EndpointScope = 'workspace' | 'user' | 'public';

/**
 * One operation of the API, as data: the web client, the CLI's remote mode, the server and the
 * OpenAPI document all read the same definition. `input` is one object holding the path
 * parameters and, by method, the query string (GET, DELETE) or the JSON body (the others).
 */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, L extends boolean = boolean> {
  /** The operationId, a verb-noun name such as `createGoal`. */
  id: string;
  method: HttpMethod;
  /** Path below the scope's prefix, with `{name}` parameters taken from `input`. */
  path: string;
  scope: EndpointScope;
  /** Minimum role in the workspace (workspace scope only). Reads default to viewer, writes to member. */
  role?: EndpointRole;
  tag: string;
  summary: string;
  description?: string;
  input: I;
  output: O;
  /** 201 for creations, 204 when nothing is returned; 200 otherwise. */
  status?: 200 | 201 | 204;
  /** A list: the handler returns every row and the API pages through them with a cursor. */
  list?: L;
  /** Largest accepted body in bytes, when an endpoint takes more than the default (1 MiB). */
  bodyLimit?: number;
}

/** Define an endpoint, keeping the exact schema types for handlers and clients. */
export function endpoint<I extends z.ZodType, O extends z.ZodType, L extends boolean = false>(e: Endpoint<I, O, L>): Endpoint<I, O, L> {
  return e;
}

export const API_PREFIX = '/api/v1';

/** The full path template of an endpoint, e.g. `/api/v1/workspaces/{workspaceId}/goals/{goalId}`. */
export function fullPath(e: Pick<Endpoint, 'path' | 'scope'>): string {
  return e.scope === 'workspace' ? `${API_PREFIX}/workspaces/{workspaceId}${e.path}` : `${API_PREFIX}${e.path}`;
}

/** The `{name}` parameters of a path template, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
}

/** Whether the method carries its input in the query string rather than a JSON body. */
export function usesQuery(method: HttpMethod): boolean {
  return method === 'GET' || method === 'DELETE';
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Paging options every list accepts in its query string. */
export const PageQuerySchema = z.object({
  cursor: z.string().max(200, 'is not a cursor this API gave out').optional(),
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
    .optional(),
});

/** A page of a list: the items and the cursor of the next page (null on the last one). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** What every failure looks like on the wire. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
