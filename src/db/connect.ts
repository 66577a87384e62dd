import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CamelCasePlugin, CompiledQuery, Kysely, Migrator, PostgresDialect, sql, type LogEvent } from 'kysely';
import { GroupCommitSqliteDialect } from './group-commit.js';
import type BetterSqlite3 from 'better-sqlite3';
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
  /** Called for every statement run (transaction begin and commit included): tests count them. */
  log?: (event: LogEvent) => void;
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
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins, ...(options.log ? { log: options.log } : {}) });
  }
  const { default: SQLite } = await import('better-sqlite3');
  if (options.url !== ':memory:') mkdirSync(dirname(options.url), { recursive: true });
  const sqlite = new SQLite(options.url);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Transactions that queue up commit together, one fsync for the group (db/group-commit.ts).
  const log = options.log;
  const onCommit = log && ((ms: number) => log({ level: 'query', query: CompiledQuery.raw('commit'), queryDurationMillis: ms }));
  return new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(cachingStatements(sqlite), onCommit), plugins, ...(log ? { log } : {}) });
}

/** Prepared statements kept per SQL text: a few hundred covers every query the app writes. */
export const STATEMENT_CACHE_SIZE = 400;

type SqliteHandle = BetterSqlite3.Database;
type SqliteStatement = BetterSqlite3.Statement;

/**
 * The SQLite handle Kysely's driver is given, preparing each SQL text once. better-sqlite3 keeps
 * no statement cache and the driver calls `prepare(sql)` for every query (then `reader` and `all`,
 * `run` or `iterate`), so without this each query is compiled by SQLite anew: on a short request
 * that is a good share of its time. A bounded LRU (queries built with `in (?, ?, …)` lists of many
 * lengths would otherwise grow it without end). A cached statement still being iterated (a
 * `stream()` not read to its end) is `busy`: it is not handed out again, a fresh one is prepared.
 */
export function cachingStatements(db: SqliteHandle, size = STATEMENT_CACHE_SIZE): { close(): void; prepare(sql: string): SqliteStatement; readonly inTransaction: boolean } {
  const cache = new Map<string, SqliteStatement>();
  return {
    get inTransaction() {
      return db.inTransaction;
    },
    close() {
      cache.clear();
      db.close();
    },
    prepare(text: string): SqliteStatement {
      const cached = cache.get(text);
      if (cached) {
        if (cached.busy) return db.prepare(text);
        // Most recently used last: Map keeps insertion order.
        cache.delete(text);
        cache.set(text, cached);
        return cached;
      }
      const statement = db.prepare(text);
      cache.set(text, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
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
