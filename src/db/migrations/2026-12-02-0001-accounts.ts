import { sql, type Kysely } from 'kysely';

/*
 * Frozen in time. Accounts for the HTTP server: sessions, API tokens, workspace invitations, rate
 * limit counters, and the server owner flag on users. Secrets are never stored: sessions are keyed by
 * the SHA-256 of the cookie secret, tokens and invitations keep only their SHA-256. These tables are
 * account and server data, not workspace content, so the workspace export leaves them out.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('is_server_owner', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Emails are stored trimmed and lower-cased; this index also refuses a mixed-case duplicate that
  // some other path might write.
  await db.schema.createIndex('users_email_lower_uq').on('users').unique().expression(sql`lower(email)`).execute();
  // One server owner: two first sign-ups racing on an empty server cannot both become owner.
  await db.schema
    .createIndex('users_one_server_owner_uq')
    .on('users')
    .column('is_server_owner')
    .unique()
    .where(sql.ref('is_server_owner'), '=', 1)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('user_agent', text, (c) => c.notNull().defaultTo(''))
    .addColumn('ip', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('prefix', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_used_at', text)
    .addColumn('expires_at', text)
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', text)
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_by', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('accepted_at', text)
    .addColumn('accepted_by', text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('invitations_ws_idx').on('invitations').column('workspace_id').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('window_start', text, (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rate_limits', 'invitations', 'api_tokens', 'sessions']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.dropIndex('users_one_server_owner_uq').ifExists().execute();
  await db.schema.dropIndex('users_email_lower_uq').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('is_server_owner').execute();
}
