import { PostgresAdapter, type Kysely } from 'kysely';

/** The engine behind a Kysely handle; the few engine-specific statements branch on this. */
export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
