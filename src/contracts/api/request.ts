import { API_PREFIX, pathParams, usesQuery, type Endpoint, type HttpMethod } from './endpoint.js';

export interface HttpRequest {
  method: HttpMethod;
  /** Path and query string, e.g. `/api/v1/workspaces/w1/goals?status=active`. */
  url: string;
  /** The JSON body, for methods that carry one. */
  body?: Record<string, unknown>;
}

function queryValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(queryValue);
  if (value === undefined || value === null) return [];
  return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

/**
 * The HTTP request for calling `e` with `input`: path parameters filled in from the input, the
 * rest in the query string (GET, DELETE) or the JSON body. Clients (the CLI's remote mode, the web
 * app, tests) build requests here so they always match the server's routes.
 */
export function buildRequest(e: Endpoint, input: Record<string, unknown>, options: { workspaceId?: string; cursor?: string; limit?: number } = {}): HttpRequest {
  const names = pathParams(e.path);
  let path = e.path;
  for (const name of names) {
    const value = input[name];
    if (value === undefined || value === null || value === '') throw new Error(`${e.id} needs "${name}"`);
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  let prefix = API_PREFIX;
  if (e.scope === 'workspace') {
    if (!options.workspaceId) throw new Error(`${e.id} needs a workspace`);
    prefix = `${API_PREFIX}/workspaces/${encodeURIComponent(options.workspaceId)}`;
  }
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (!names.includes(key) && value !== undefined) rest[key] = value;
  if (!usesQuery(e.method)) return { method: e.method, url: prefix + path, body: rest };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(rest)) for (const v of queryValue(value)) query.append(key, v);
  if (options.cursor) query.set('cursor', options.cursor);
  if (options.limit) query.set('limit', String(options.limit));
  const qs = query.toString();
  return { method: e.method, url: prefix + path + (qs ? `?${qs}` : '') };
}
