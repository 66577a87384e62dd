import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { isPostgres } from '#db/dialect.js';
import type { Executor } from '../context.js';
import { AppError } from '../errors.js';

/**
 * A consistent copy of a live SQLite database (VACUUM INTO reads one snapshot while writers go on).
 * PostgreSQL deployments back up with the server's own tools.
 */
export async function backupDatabase(db: Executor, target: string): Promise<{ path: string }> {
  if (isPostgres(db)) {
    throw new AppError('validation', 'This database is PostgreSQL: back it up with pg_dump (see docs/SELF-HOSTING.md).');
  }
  if (existsSync(target)) {
    throw new AppError('conflict', `${target} already exists; choose a new file name so no backup is overwritten.`);
  }
  await sql`VACUUM INTO ${target}`.execute(db);
  return { path: target };
}
