import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerDeps } from './context.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names built files `name-<hash>.ext` under assets/: their content never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Encodings of the `.br` / `.gz` files the build writes beside each asset (vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Whether the request's Accept-Encoding allows `name` (listed, or `*`, with a q above 0). */
function accepts(request: FastifyRequest, name: string): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [token, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const allowed = !q || Number(q[1]) > 0;
    if (token === name) return allowed;
    if (token === '*') star = allowed;
  }
  return star;
}

/** The precompressed sibling of an asset the browser accepts; null when the build wrote none. */
function precompressed(
  request: FastifyRequest,
  file: string,
): { file: string; encoding: string } | null {
  let compressible = false;
  for (const { name, suffix } of ENCODINGS) {
    if (!existsSync(file + suffix)) continue;
    compressible = true;
    if (accepts(request, name)) return { file: file + suffix, encoding: name };
  }
  // Sent as is, but still `Vary: Accept-Encoding`: another browser may get a compressed copy.
  return compressible ? { file, encoding: '' } : null;
}

/**
 * Where `npm run build` puts the web app. Compiled (dist/server/*.js, or the bundled server beside
 * them) it is ../web; run from the sources (tests) it is the repository's dist/web.
 */
export function defaultWebDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(dirname(here)) === 'src'
    ? join(here, '..', '..', 'dist', 'web')
    : join(here, '..', 'web');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small Wins: web app not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>The web app has not been built</h1>
<p>The server is running and its API answers under <code>/api/v1</code> (reference at <a href="/api/docs">/api/docs</a>),
but the browser app was not found. Build it with <code>npm run build</code> (<code>npm install</code> does it too), then restart the server.</p>
</body></html>`;

/** The server's own not-found answer (JSON, the same as for any unknown path). */
function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept === '' || accept.includes('text/html') || accept.includes('*/*');
}

/** The file a URL path names inside `root`, or null when it would step outside or is not a file. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serve the built single-page app from the same process as the API: hashed assets cached for a
 * year, index.html never cached, and every other non-API page answered with index.html so the
 * app's own router can show it (a deep link or a reload of /today works).
 */
export function installWebApp(
  app: FastifyInstance,
  _deps: ServerDeps,
  options: { dir?: string } = {},
): void {
  const root = normalize(options.dir ?? defaultWebDir()).replace(/[/\\]+$/, '');
  const indexFile = join(root, 'index.html');

  const sendIndex = (reply: FastifyReply): FastifyReply => {
    if (!existsSync(indexFile))
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(readFileSync(indexFile));
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return notFound(reply);
    if (path !== '/' && path !== '/index.html') {
      const file = fileFor(root, path);
      if (file) {
        const immutable = path.startsWith('/assets/');
        reply.header('cache-control', immutable ? IMMUTABLE : 'no-cache');
        // Hashed assets go compressed when the build wrote a .br/.gz copy the browser accepts.
        const encoded = immutable ? precompressed(request, file) : null;
        if (encoded) reply.header('vary', 'accept-encoding');
        if (encoded?.encoding) reply.header('content-encoding', encoded.encoding);
        return reply
          .type(MIME[extname(file).toLowerCase()] ?? 'application/octet-stream')
          .send(readFileSync(encoded?.file ?? file));
      }
      // A missing asset is a 404, never the page: a stale hashed name must not parse HTML as script.
      if (path.startsWith('/assets/') || extname(path) !== '' || !wantsHtml(request))
        return notFound(reply);
    }
    return sendIndex(reply);
  };
  app.get('/', handler);
  app.get('/*', handler);
}
