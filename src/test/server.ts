import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import type { z } from 'zod';
import { buildRequest } from '#contracts/api/request.js';
import type { Endpoint } from '#contracts/api/endpoint.js';
import type { Role } from '#core/context.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { fixedClock } from '#core/time/clock.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { loadConfig, type Config } from '#config/config.js';
import type { Db } from '#db/connect.js';
import { buildServer } from '#server/app.js';
import { engines, openTestDb, type Engine, type TestDb } from './db.js';

export interface TestUser {
  userId: string;
  /** The personal workspace. */
  workspaceId: string;
  token: string;
  headers: Record<string, string>;
}

export interface ServerSuite {
  engine: Engine;
  app(): FastifyInstance;
  db(): Db;
  clock: ReturnType<typeof fixedClock>;
  /** A new person with a personal workspace and an API token (created directly: no password hashing). */
  user(options?: { timeZone?: string; name?: string }): Promise<TestUser>;
  /** Add `user` to `workspaceId` with `role`. */
  join(user: TestUser, workspaceId: string, role: Role): Promise<void>;
  /** Call an endpoint as `user` (in their personal workspace unless `workspaceId` says otherwise). */
  call<E extends Endpoint>(user: TestUser | null, e: E, input: z.input<E['input']> | Record<string, unknown>, options?: { workspaceId?: string; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  now?: string;
}

/** Config for a test server: a private data directory, open sign-up unless the test says otherwise. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ SMALLWINS_DATA_DIR: mkdtempSync(join(tmpdir(), 'smallwins-srv-')), SMALLWINS_SIGNUP: 'open', TZ: 'UTC', ...env });
}

/** Run the same HTTP suite against a server on each engine, through `app.inject()`. */
export function describeServer(name: string, body: (s: ServerSuite) => void, options: ServerOptions = {}): void {
  for (const engine of engines()) {
    describe(`${name} [${engine}]`, () => {
      let handle: TestDb | undefined;
      let app: FastifyInstance | undefined;
      const clock = fixedClock(options.now ?? '2026-11-18T10:00:00Z');
      beforeAll(async () => {
        handle = await openTestDb(engine);
        app = await buildServer({ db: handle.db, clock, config: testConfig(options.env) });
      });
      afterAll(async () => {
        await app?.close();
        await handle?.close();
      });
      const db = (): Db => {
        if (!handle) throw new Error('database not open yet');
        return handle.db;
      };
      const server = (): FastifyInstance => {
        if (!app) throw new Error('server not built yet');
        return app;
      };
      body({
        engine,
        app: server,
        db,
        clock,
        async user(opts = {}) {
          const actor = await createUserWithWorkspace(db(), clock, { name: opts.name ?? 'Test User', timeZone: opts.timeZone ?? 'Europe/Paris' });
          const { token } = await createApiToken(db(), clock, { userId: actor.userId, name: 'test' });
          return { userId: actor.userId, workspaceId: actor.workspaceId, token, headers: { authorization: `Bearer ${token}` } };
        },
        async join(user, workspaceId, role) {
          await db().insertInto('members').values({ workspaceId, userId: user.userId, role, createdAt: clock.now().toISOString() }).execute();
        },
        async call(user, e, input, opts = {}) {
          const req = buildRequest(e, input as Record<string, unknown>, { workspaceId: opts.workspaceId ?? user?.workspaceId ?? 'none' });
          return server().inject({
            method: req.method,
            url: req.url,
            headers: { ...(user?.headers ?? {}), ...(opts.headers ?? {}) },
            ...(req.body !== undefined ? { payload: req.body } : {}),
          });
        },
      });
    });
  }
}

/** A real server on 127.0.0.1 (a free port) over a fresh SQLite database, for tests that speak HTTP. */
export async function listenTestServer(options: ServerOptions = {}): Promise<{ url: string; db: Db; clock: ReturnType<typeof fixedClock>; close(): Promise<void> }> {
  const handle = await openTestDb('sqlite');
  const clock = fixedClock(options.now ?? '2026-11-18T10:00:00Z');
  const app = await buildServer({ db: handle.db, clock, config: testConfig(options.env) });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db: handle.db,
    clock,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
