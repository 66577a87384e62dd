import { PostgresAdapter } from 'kysely';

/** The engine behind a Kysely handle; the few engine-specific statements branch on this. */
export function isPostgres(db: { getExecutor(): { adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
