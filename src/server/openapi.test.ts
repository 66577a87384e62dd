import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';
import { fullPath } from '#contracts/api/endpoint.js';
import { allOperations } from '#api/registry.js';
import { describeServer } from '#test/server.js';

describeServer('OpenAPI document', (s) => {
  it('is a valid OpenAPI 3.1 document that lists every route exactly once', async () => {
    const res = await s.app().inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const ops = allOperations();
    const ids = ops.map((o) => o.endpoint.id);
    expect(new Set(ids).size, 'operationIds are unique').toBe(ids.length);
    const documented = Object.entries(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(documented.sort()).toEqual(ops.map((o) => `${o.endpoint.method} ${fullPath(o.endpoint)} ${o.endpoint.id}`).sort());
  });

  it('serves every documented route (nothing in the document answers "no such route")', async () => {
    for (const { endpoint: e } of allOperations()) {
      const url = fullPath(e).replace(/\{[^}]+\}/g, 'x0000000000000000');
      const res = await s.app().inject({ method: e.method, url });
      expect(res.statusCode, `${e.method} ${url}`).not.toBe(404);
    }
  });

  it('renders the reference at /api/docs with its assets', async () => {
    const page = await s.app().inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    for (const asset of ['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui.css', '/api/docs/init.js']) {
      expect((await s.app().inject({ method: 'GET', url: asset })).statusCode, asset).toBe(200);
    }
    expect((await s.app().inject({ method: 'GET', url: '/api/docs/package.json' })).statusCode).toBe(404);
  });
});
