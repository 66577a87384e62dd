import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type { Client } from 'pg';
import type { FeedEvent } from '#contracts/api/feed.js';
import type { Db } from '#db/connect.js';

/** The PostgreSQL channel every instance listens on. */
export const EVENT_CHANNEL = 'smallwins_events';

/** What crosses between instances: which workspace, what happened, and the id of what changed. Never content. */
export interface WorkspaceEvent extends FeedEvent {
  workspaceId: string;
}

export type EventListener = (event: FeedEvent) => void;

/**
 * Live events of workspaces, for the feed stream. Publish after the change is committed; every
 * subscriber of that workspace, on every instance, receives it.
 */
export interface EventHub {
  publish(event: WorkspaceEvent): Promise<void>;
  /** Resolves once events published from now on will arrive; returns the unsubscribe function. */
  subscribe(workspaceId: string, listener: EventListener): Promise<() => void>;
  close(): Promise<void>;
}

interface Log {
  warn(obj: object, msg: string): void;
}

/** Local subscribers by workspace. */
function subscribers() {
  const emitter = new EventEmitter();
  // One listener per open stream: many browsers on one workspace are expected.
  emitter.setMaxListeners(0);
  return {
    emitter,
    deliver(event: WorkspaceEvent): void {
      emitter.emit(event.workspaceId, { type: event.type, id: event.id } satisfies FeedEvent);
    },
    add(workspaceId: string, listener: EventListener): () => void {
      emitter.on(workspaceId, listener);
      return () => emitter.off(workspaceId, listener);
    },
    /** Every workspace with a subscriber: they all may have missed events. */
    resyncAll(): void {
      for (const name of emitter.eventNames()) emitter.emit(name, { type: 'resync', id: '' } satisfies FeedEvent);
    },
  };
}

/** One process (SQLite: one server writes the file): an EventEmitter is the whole hub. */
export function memoryEventHub(): EventHub {
  const subs = subscribers();
  return {
    async publish(event) {
      subs.deliver(event);
    },
    async subscribe(workspaceId, listener) {
      return subs.add(workspaceId, listener);
    },
    async close() {
      subs.emitter.removeAllListeners();
    },
  };
}

/** Only well-formed events of our own making are delivered; anything else on the channel is ignored. */
function parseEvent(payload: string | undefined): WorkspaceEvent | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<WorkspaceEvent>;
    if (typeof value.workspaceId === 'string' && typeof value.type === 'string' && typeof value.id === 'string' && ['win', 'kudos', 'comment', 'decision'].includes(value.type)) {
      return { workspaceId: value.workspaceId, type: value.type, id: value.id };
    }
  } catch {
    // not ours
  }
  return null;
}

/**
 * Several instances on one PostgreSQL database: NOTIFY through the pool, and one dedicated
 * connection per instance that LISTENs (opened when the first stream subscribes). Each instance
 * delivers what it hears, its own events included, so there is one path for every event. When the
 * listening connection drops it reconnects with a growing delay, and tells every stream to resync:
 * what was published meanwhile was not heard.
 */
export function postgresEventHub(options: { url: string; db: Db; log?: Log }): EventHub {
  const subs = subscribers();
  let client: Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let delay = 250;
  let retry: NodeJS.Timeout | null = null;

  const connectOnce = async (): Promise<void> => {
    const { default: pg } = await import('pg');
    const next = new pg.Client({ connectionString: options.url });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      next.removeAllListeners();
      void next.end().catch(() => undefined);
      if (closed) return;
      options.log?.warn({ err: error }, 'the feed event listener lost its database connection; reconnecting');
      scheduleReconnect();
    };
    next.on('notification', (message) => {
      if (message.channel !== EVENT_CHANNEL) return;
      const event = parseEvent(message.payload);
      if (event) subs.deliver(event);
    });
    next.on('error', lost);
    next.on('end', () => lost());
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENT_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners();
      next.on('error', () => undefined);
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  };

  const scheduleReconnect = (): void => {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = null;
      connecting = connectOnce()
        .then(() => {
          delay = 250;
          subs.resyncAll();
        })
        .catch((error: unknown) => {
          options.log?.warn({ err: error }, 'the feed event listener could not reconnect; trying again');
          delay = Math.min(delay * 2, 10_000);
          scheduleReconnect();
        })
        .finally(() => {
          connecting = null;
        });
    }, delay);
    retry.unref();
  };

  const ensureListening = async (): Promise<void> => {
    if (client || closed) return;
    connecting ??= connectOnce().finally(() => {
      connecting = null;
    });
    await connecting;
  };

  return {
    async publish(event) {
      // pg_notify delivers only once the surrounding transaction commits; this runs after commit anyway.
      await sql`select pg_notify(${EVENT_CHANNEL}, ${JSON.stringify(event)})`.execute(options.db);
    },
    async subscribe(workspaceId, listener) {
      const off = subs.add(workspaceId, listener);
      try {
        await ensureListening();
      } catch (error) {
        // The stream still opens; it hears events once the listener is back.
        options.log?.warn({ err: error }, 'the feed event listener could not connect; retrying');
        scheduleReconnect();
      }
      return off;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const current = client;
      client = null;
      subs.emitter.removeAllListeners();
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
