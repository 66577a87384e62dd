import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDeps } from './context.js';
import { installErrorHandling } from './errors.js';
import { defaultWebDir, installWebApp } from './web-app.js';

const deps = {} as ServerDeps;

async function appFor(dir: string): Promise<FastifyInstance> {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  installErrorHandling(app);
  app.get('/api/v1/me', async () => ({ ok: true }));
  installWebApp(app, deps, { dir });
  await app.ready();
  return app;
}

describe('the web app served beside the API', () => {
  let app: FastifyInstance;
  const dir = mkdtempSync(join(tmpdir(), 'smallwins-web-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>Small Wins</title><script type="module" src="/assets/index-abc123.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("hi")');
    writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(tmpdir(), 'secret-beside-web.txt'), 'TOP-SECRET-CONTENT');
    app = await appFor(dir);
  });
  afterAll(async () => app.close());

  it('serves hashed assets for a year, with their MIME type', async () => {
    const js = await app.inject({ url: '/assets/index-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await app.inject({ url: '/assets/index-abc123.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const svg = await app.inject({ url: '/favicon.svg' });
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('answers the page itself, and any app path that asks for HTML, with index.html never cached', async () => {
    for (const url of ['/', '/today', '/goals/g1?tab=metric', '/index.html']) {
      const res = await app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<title>Small Wins</title>');
    }
  });

  it('leaves the API alone: unknown API paths stay JSON 404s, known ones still answer', async () => {
    const missing = await app.inject({
      url: '/api/v1/nothing-here',
      headers: { accept: 'text/html' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await app.inject({ url: '/api/v1/me' })).json()).toEqual({ ok: true });
  });

  it('answers a missing asset or a non-HTML request with 404, not the page', async () => {
    expect((await app.inject({ url: '/assets/index-old999.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/robots.txt' })).statusCode).toBe(404);
    expect(
      (await app.inject({ url: '/today', headers: { accept: 'application/json' } })).statusCode,
    ).toBe(404);
  });

  it('never reads outside its folder', async () => {
    for (const url of [
      '/../secret-beside-web.txt',
      '/%2e%2e/secret-beside-web.txt',
      '/assets/..%2f..%2fsecret-beside-web.txt',
      '/%2e%2e%5csecret-beside-web.txt',
      '/assets/%00.js',
    ]) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('TOP-SECRET-CONTENT');
      expect([400, 404], url).toContain(res.statusCode);
    }
  });

  it('says plainly when the web app was not built', async () => {
    const bare = await appFor(join(dir, 'not-there'));
    const res = await bare.inject({ url: '/today', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('npm run build');
    await bare.close();
  });

  it('finds dist/web from the sources as from the compiled server', () => {
    expect(defaultWebDir().replace(/\\/g, '/')).toMatch(/\/dist\/web$/);
  });
});
