import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '#contracts/api/endpoint.js';
import type { FeedEvent } from '#contracts/api/feed.js';
import { AppError } from '#core/errors.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import { isPostgresUrl } from '#db/connect.js';
import { isPostgres } from '#db/dialect.js';
import { requireAuth } from './auth.js';
import type { ServerDeps } from './context.js';
import { memoryEventHub, postgresEventHub, type EventHub } from './events.js';
import { withFeedEvents } from './feed-events.js';
import type { TransportHook } from './register-operations.js';

/** Proxies close connections that stay silent; a comment line every 25 s keeps the stream open. */
export const HEARTBEAT_MS = 25_000;

export const FEED_EVENTS_PATH = `${API_PREFIX}/workspaces/:workspaceId/feed/events`;

export interface FeedStream {
  hub: EventHub;
  /** The transport hooks with "publish the feed events" added after the operations that change the feed. */
  withEvents(hooks: Record<string, TransportHook>): Record<string, TransportHook>;
}

/**
 * The live feed: `GET /api/v1/workspaces/{workspaceId}/feed/events`, server-sent events that carry
 * ids only (`{"type":"win","id":…}`); the browser reads the object through the API, so the rules
 * of who may see what apply in one place. On PostgreSQL events travel between instances through
 * LISTEN/NOTIFY; on SQLite (one process) an in-process emitter is enough.
 */
export function installFeedStream(app: FastifyInstance, deps: ServerDeps): FeedStream {
  const hub =
    isPostgresUrl(deps.config.databaseUrl) && isPostgres(deps.db)
      ? postgresEventHub({ url: deps.config.databaseUrl, db: deps.db, log: app.log })
      : memoryEventHub();
  const open = new Set<() => void>();

  // Streams never end by themselves: end them first, or closing the server would wait for them.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  app.get(FEED_EVENTS_PATH, async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = requireAuth(request);
    const workspaceId = (request.params as { workspaceId: string }).workspaceId;
    const notMember = () => new AppError('not_found', `No workspace matches "${workspaceId}". List yours with GET /api/v1/workspaces.`);
    if (!(await actorFor(deps.db, auth.userId, workspaceId))) throw notMember();

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    let ended = false;
    let unsubscribe: (() => void) | null = null;
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const end = (): void => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe?.();
      open.delete(end);
      res.end();
    };
    open.add(end);
    request.raw.on('close', end);
    res.on('error', end);

    // Events are handled one at a time, in order; each delivery checks membership again, so a
    // person removed from the workspace hears nothing more and their stream closes.
    let queue = Promise.resolve();
    const deliver = (event: FeedEvent): void => {
      queue = queue.then(async () => {
        if (ended) return;
        try {
          if (!(await actorFor(deps.db, auth.userId, workspaceId))) {
            res.write('event: closed\ndata: {"reason":"not_a_member"}\n\n');
            end();
            return;
          }
          res.write(`data: ${JSON.stringify({ type: event.type, id: event.id })}\n\n`);
        } catch (error) {
          request.log.warn({ err: error }, 'a feed event could not be delivered');
          end();
        }
      });
    };
    unsubscribe = await hub.subscribe(workspaceId, deliver);
    if (ended) {
      unsubscribe();
      return;
    }
    // Browsers reconnect after 3 s when the stream drops; "ready" says events flow from now on.
    res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
  });

  return { hub, withEvents: (hooks) => withFeedEvents(hooks, deps, hub) };
}
