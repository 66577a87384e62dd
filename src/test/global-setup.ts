import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, migrateToLatest } from '../db/connect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteBase: string;
    pgTemplate: string | null;
  }
}

/** Migrate once: an SQLite base file copied per test file, and a PostgreSQL template database. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'smallwins-test-'));
  const base = join(dir, 'base.db');
  const db = await connect({ url: base, synchronous: 'NORMAL' });
  await migrateToLatest(db);
  // Closing the last connection checkpoints the WAL, so the file alone is complete.
  await db.destroy();
  project.provide('sqliteBase', base);

  let template: string | null = null;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const { default: pg } = await import('pg');
    template = `smallwins_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const tplDb = await connect({ url: withDatabase(adminUrl, template) });
    await migrateToLatest(tplDb);
    await tplDb.destroy();
  }
  project.provide('pgTemplate', template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl && template) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
