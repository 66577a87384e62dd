import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connect, type ConnectOptions, type Db } from '#db/connect.js';
import type { Ctx } from '#core/context.js';
import { fixedClock } from '#core/time/clock.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { withDatabase } from './global-setup.js';

export type Engine = 'sqlite' | 'postgres';

/** The engines this run covers: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function engines(): Engine[] {
  return inject('pgTemplate') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDb {
  engine: Engine;
  db: Db;
  /** For SQLite, the file path; for PostgreSQL, the URL. */
  url: string;
  close(): Promise<void>;
}

let counter = 0;

/** A fresh, migrated database of the given engine, private to the caller (`log`: see `connect`). */
export async function openTestDb(engine: Engine, options: Pick<ConnectOptions, 'log'> = {}): Promise<TestDb> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'smallwins-db-'));
    const file = join(dir, 'test.db');
    copyFileSync(inject('sqliteBase'), file);
    const db = await connect({ url: file, synchronous: 'NORMAL', ...options });
    return {
      engine,
      db,
      url: file,
      async close() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const template = inject('pgTemplate');
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!template || !adminUrl) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `smallwins_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      // Two workers copying the template at once may collide; wait and try again.
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = await connect({ url, poolSize: 4, ...options });
  return {
    engine,
    db,
    url,
    async close() {
      await db.destroy();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}

export interface EngineSuite {
  engine: Engine;
  /** The database of this suite (opened in beforeAll). */
  db(): Db;
  /** A new user with a personal workspace and a fixed clock, as a use-case context. */
  newCtx(options?: { timeZone?: string; dayStartHour?: number; now?: string }): Promise<TestCtx>;
}

export type TestCtx = Ctx & { clock: ReturnType<typeof fixedClock> };

/** Run the same suite on every engine: `describeEachEngine('goals', (s) => { it(...) })`. */
export function describeEachEngine(name: string, body: (suite: EngineSuite) => void): void {
  for (const engine of engines()) {
    describe(`${name} [${engine}]`, () => {
      let handle: TestDb | undefined;
      beforeAll(async () => {
        handle = await openTestDb(engine);
      });
      afterAll(async () => {
        await handle?.close();
      });
      const db = (): Db => {
        if (!handle) throw new Error('database not open yet');
        return handle.db;
      };
      body({
        engine,
        db,
        async newCtx(options = {}) {
          const clock = fixedClock(options.now ?? '2026-11-18T10:00:00Z');
          const actor = await createUserWithWorkspace(db(), clock, {
            name: 'Test User',
            timeZone: options.timeZone ?? 'Europe/Paris',
            dayStartHour: options.dayStartHour ?? 0,
          });
          return { db: db(), clock, actor };
        },
      });
    });
  }
}
