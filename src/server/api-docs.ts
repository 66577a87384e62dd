import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Small Wins API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="api"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

// A separate file rather than an inline script, so the page keeps a strict Content-Security-Policy.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#api', deepLinking: true });`;

/** The OpenAPI document at /api/openapi.json, rendered by Swagger UI (shipped in the npm package) at /api/docs. */
export function installApiDocs(app: FastifyInstance, document: () => Record<string, unknown>): void {
  let cached: string | undefined;
  app.get('/api/openapi.json', async (_request, reply) => {
    cached ??= JSON.stringify(document());
    return reply.type('application/json; charset=utf-8').send(cached);
  });
  const dir = (): string => {
    const require = createRequire(import.meta.url);
    return (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
  };
  const assets: Record<string, string> = { 'swagger-ui.css': 'text/css; charset=utf-8', 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8' };
  const loaded = new Map<string, Buffer>();
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/api/docs/init.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(INIT));
  app.get<{ Params: { file: string } }>('/api/docs/:file', async (request, reply) => {
    const type = assets[request.params.file];
    if (!type) return reply.callNotFound();
    let body = loaded.get(request.params.file);
    if (!body) {
      body = readFileSync(join(dir(), request.params.file));
      loaded.set(request.params.file, body);
    }
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(body);
  });
}
