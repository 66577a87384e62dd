import type { Kysely } from 'kysely';

/*
 * Frozen in time. Secret links a person hands out: a read-only link to their weekly report (for a
 * mentor or an accountability partner) and the URL of their iCalendar feed. Only the SHA-256 of
 * each token is stored, so a database leak opens no link. Access data, not workspace content: the
 * workspace export leaves both tables out.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['report_shares', 'calendar_feeds']) {
    await db.schema
      .createTable(table)
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
      .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', text, (c) => c.notNull().unique())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('expires_at', text)
      .addColumn('revoked_at', text)
      .addColumn('last_used_at', text)
      .execute();
    await db.schema.createIndex(`${table}_owner_idx`).on(table).columns(['workspace_id', 'user_id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['calendar_feeds', 'report_shares']) await db.schema.dropTable(table).ifExists().execute();
}
