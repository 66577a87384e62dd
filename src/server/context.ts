import type { Db } from '#db/connect.js';
import type { Actor } from '#core/context.js';
import type { Clock } from '#core/time/clock.js';
import type { Config } from '#config/config.js';

/** What the server is built from; tests pass their own database and clock. */
export interface ServerDeps {
  db: Db;
  clock: Clock;
  config: Config;
}

/** Who is calling, as the authentication hook found out. */
export interface RequestAuth {
  userId: string;
  method: 'cookie' | 'token';
  sessionId: string | null;
  tokenId: string | null;
  /**
   * The actor in the workspace of the route's `workspaceId`, read with the authentication (null:
   * not a member); absent for other routes.
   */
  workspace?: { id: string; actor: Actor | null };
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

export const SESSION_COOKIE = 'sw_session';
