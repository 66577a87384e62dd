import type { Kysely } from 'kysely';

/*
 * Frozen in time. Email reports and reminders (docs/decisions/009-email-and-jobs.md):
 * - `email_outbox`: every email the server means to send, rendered when it became due, keyed by a
 *   unique idempotency key ("report:<user>:<workspace>:<week>") so that two instances enqueuing the
 *   same moment store one row; delivery claims rows by status and lease.
 * - `email_preferences`: one row per person who changed a default (no row = the defaults).
 * - `outreach_state`: small server-wide values: the instant the scheduler has processed up to, the
 *   secret unsubscribe links are signed with, the email status the last server start saw.
 * Account and server data, not workspace content: the workspace export leaves them out.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_outbox')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('idempotency_key', text, (c) => c.notNull().unique())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('workspace_id', text, (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('to_address', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('text_body', text, (c) => c.notNull())
    .addColumn('html_body', text, (c) => c.notNull())
    .addColumn('unsubscribe_url', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('locked_until', text)
    .addColumn('last_error', text)
    .addColumn('message_id', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('sent_at', text)
    .execute();
  // What delivery scans every minute: the pending rows whose time has come.
  await db.schema.createIndex('email_outbox_due_idx').on('email_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('email_outbox_user_idx').on('email_outbox').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('email_outbox_ws_idx').on('email_outbox').column('workspace_id').execute();

  await db.schema
    .createTable('email_preferences')
    .addColumn('user_id', text, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('address', text)
    .addColumn('report', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('review_reminders', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('routine_reminders', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('report_weekday', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('report_time', text, (c) => c.notNull().defaultTo('16:00'))
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outreach_state')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outreach_state').ifExists().execute();
  await db.schema.dropTable('email_preferences').ifExists().execute();
  await db.schema.dropTable('email_outbox').ifExists().execute();
}
