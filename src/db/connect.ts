import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

export type Db = Kysely<Database>;

export interface ConnectOptions {
  /** A postgres:// URL, or a path to an SQLite file (":memory:" for a throwaway one). */
  url: string;
  /** SQLite only: FULL (default) fsyncs every commit so an acknowledged write survives power loss. */
  synchronous?: 'FULL' | 'NORMAL';
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function connect(options: ConnectOptions): Promise<Db> {
  const plugins = [new CamelCasePlugin()];
  if (isPostgresUrl(options.url)) {
    const pg = await import('pg');
    const pool = new pg.default.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, failover, pg_terminate_backend) is dropped and
    // replaced by the pool; without a listener Node would treat it as an uncaught error and exit.
    pool.on('error', () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  }
  const { default: SQLite } = await import('better-sqlite3');
  if (options.url !== ':memory:') mkdirSync(dirname(options.url), { recursive: true });
  const sqlite = new SQLite(options.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins });
}

/** Bring the schema up to date; returns the names of the migrations applied now. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  // Every CLI call starts here: when the newest migration is already recorded, one read suffices.
  const latest = Object.keys(migrations).sort().at(-1);
  try {
    const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name desc limit 1`.execute(db);
    if (rows[0]?.name === latest) return [];
  } catch {
    // A new database has no migration table yet: the migrator creates it.
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
