import { z } from 'zod';
import { ErrorBodySchema, PageQuerySchema, fullPath, pathParams, usesQuery, type Endpoint } from '#contracts/api/endpoint.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input; `details` names each field and what is wrong with it',
  '401': 'Not signed in, or the token is not valid',
  '403': 'Signed in, but the role is too low or the request came from another site',
  '404': 'No such object in this workspace (objects of other workspaces answer the same)',
  '409': 'Conflicts with the current state, such as a duplicate name',
  '413': 'The body is too large',
  '415': 'The body is not JSON',
  '429': 'Too many attempts; see Retry-After',
};

function operationObject(e: Endpoint): Record<string, unknown> {
  const names = pathParams(e.path);
  const input = jsonSchema(e.input, 'input');
  const parameters: Array<Record<string, unknown>> = [];
  if (e.scope === 'workspace') parameters.push({ name: 'workspaceId', in: 'path', required: true, schema: { type: 'string' } });
  for (const name of names) parameters.push({ name, in: 'path', required: true, schema: input.properties?.[name] ?? { type: 'string' } });
  const rest: JsonSchema = { ...input, properties: { ...(input.properties ?? {}) } };
  for (const name of names) delete rest.properties![name];
  rest.required = (input.required ?? []).filter((r) => !names.includes(r));
  if (rest.required.length === 0) delete rest.required;

  const op: Record<string, unknown> = {
    operationId: e.id,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
  };
  if (usesQuery(e.method)) {
    const required = new Set(rest.required ?? []);
    for (const [name, schema] of Object.entries(rest.properties ?? {})) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
    if (e.list) {
      const paging = jsonSchema(PageQuerySchema, 'input');
      for (const [name, schema] of Object.entries(paging.properties ?? {})) parameters.push({ name, in: 'query', required: false, schema });
    }
  } else {
    op.requestBody = { required: (rest.required ?? []).length > 0, content: { 'application/json': { schema: rest } } };
  }
  if (parameters.length > 0) op.parameters = parameters;

  const status = String(e.status ?? 200);
  const responses: Record<string, unknown> = {};
  if (status === '204') responses['204'] = { description: 'Done; no content' };
  else {
    const body = e.list
      ? { type: 'object', properties: { items: { type: 'array', items: jsonSchema(e.output, 'output') }, nextCursor: { type: ['string', 'null'] } }, required: ['items', 'nextCursor'] }
      : jsonSchema(e.output, 'output');
    responses[status] = { description: e.list ? 'A page of results; pass nextCursor as cursor for the next one' : 'Success', content: { 'application/json': { schema: body } } };
  }
  for (const [code, description] of Object.entries(ERROR_STATUSES)) {
    responses[code] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  op.responses = responses;
  if (e.scope === 'public') op.security = [];
  return op;
}

/** The OpenAPI 3.1 document of every endpoint, generated from the same definitions the server runs. */
export function openApiDocument(endpoints: readonly Endpoint[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = fullPath(e);
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = operationObject(e);
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Small Wins API',
      version,
      description:
        'Every operation of Small Wins over HTTP. Sign in with a session cookie (the web app) or an API token sent as `Authorization: Bearer <token>` (scripts and the CLI). Workspace data lives under `/api/v1/workspaces/{workspaceId}`. Lists are paged with `cursor` and `limit`. Errors are `{ "error": { "code", "message", "details"? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags,
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorBodySchema, 'output') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (sw_…), created in Settings or with `smallwins login`' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'sw_session' },
      },
    },
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  };
}
