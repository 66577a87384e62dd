import type { Kysely } from 'kysely';

/*
 * Frozen in time. The team feed: kudos (one per person per win), short comments on wins, and
 * decision records. The feed reads a workspace's shared wins newest first, so wins get an index in
 * that order.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('wins_feed_idx').on('wins').columns(['workspace_id', 'visibility', 'created_at', 'id']).execute();

  await db.schema
    .createTable('kudos')
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('win_id', text, (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    // One per person per win: giving twice (or two requests racing) stores one row.
    .addPrimaryKeyConstraint('kudos_pk', ['win_id', 'user_id'])
    .execute();
  await db.schema.createIndex('kudos_ws_idx').on('kudos').column('workspace_id').execute();

  await db.schema
    .createTable('win_comments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('win_id', text, (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('win_comments_win_idx').on('win_comments').columns(['win_id', 'created_at']).execute();
  await db.schema.createIndex('win_comments_ws_idx').on('win_comments').column('workspace_id').execute();

  await db.schema
    .createTable('decision_records')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('context', text, (c) => c.notNull().defaultTo(''))
    .addColumn('decision', text, (c) => c.notNull())
    .addColumn('reasoning', text, (c) => c.notNull().defaultTo(''))
    .addColumn('goal_id', text, (c) => c.references('goals.id').onDelete('set null'))
    .addColumn('created_by', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_records_ws_idx').on('decision_records').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['decision_records', 'win_comments', 'kudos']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('wins_feed_idx').ifExists().execute();
}
