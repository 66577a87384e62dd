import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { allOperations } from '#api/registry.js';
import { installApiDocs } from './api-docs.js';
import { installAuthentication } from './auth.js';
import type { ServerDeps } from './context.js';
import { installErrorHandling } from './errors.js';
import { installFeedStream } from './feed-stream.js';
import { openApiDocument } from './openapi.js';
import { installPublicLinks } from './public-links.js';
import { registerOperations } from './register-operations.js';
import { installSecurityHeaders } from './security.js';
import { transportHooks } from './session-transport.js';
import { installUnsubscribe } from './unsubscribe.js';
import { installWebApp } from './web-app.js';

export const API_VERSION = '1.0.0';
/** The default largest body; endpoints that take files say more. */
export const BODY_LIMIT = 1024 * 1024;

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

/** A number of hops becomes "trust the nearest n addresses", as proxy-addr reads it. */
function trustProxy(value: boolean | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** The whole HTTP server, ready for `listen` or, in tests, `inject`. */
export async function buildServer(deps: ServerDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustProxy(deps.config.trustProxy),
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Identifiers and cursors are short; anything longer is not ours.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  // Only JSON bodies: text/plain would reach handlers as a string and let simple cross-site forms through.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  installSecurityHeaders(app, deps);
  await app.register(cookie);
  installAuthentication(app, deps);

  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  const ops = allOperations();
  const feed = installFeedStream(app, deps);
  registerOperations(app, deps, ops, feed.withEvents(transportHooks(deps)));
  installApiDocs(app, () => openApiDocument(ops.map((o) => o.endpoint), API_VERSION));
  installWebApp(app, deps);
  installPublicLinks(app, deps);
  installUnsubscribe(app, deps);
  return app;
}
