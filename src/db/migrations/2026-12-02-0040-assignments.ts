import type { Kysely } from 'kysely';

/*
 * Frozen in time. Delegation in team workspaces (docs/decisions/011-assignments.md):
 * - `assignee_id` on micro-goals and tasks: the member doing it (null = the team's, unassigned);
 * - `assigned_by_id`: who handed it over, so "waiting on others" lists what one delegated;
 * - `open_for_pickup` on tasks (0/1): offered to anyone; picking it up assigns it atomically.
 * A deleted account leaves its former work unassigned (set null), never deletes it.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['micro_goals', 'tasks']) {
    // SQLite adds one column per ALTER TABLE.
    await db.schema.alterTable(table).addColumn('assignee_id', text, (c) => c.references('users.id').onDelete('set null')).execute();
    await db.schema.alterTable(table).addColumn('assigned_by_id', text, (c) => c.references('users.id').onDelete('set null')).execute();
  }
  await db.schema.alterTable('tasks').addColumn('open_for_pickup', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // "My work": one person's items in a workspace, by day or week.
  await db.schema.createIndex('tasks_ws_assignee_idx').on('tasks').columns(['workspace_id', 'assignee_id', 'day']).execute();
  await db.schema.createIndex('micro_goals_ws_assignee_idx').on('micro_goals').columns(['workspace_id', 'assignee_id', 'week']).execute();
  // "Waiting on others": what one person delegated.
  await db.schema.createIndex('tasks_ws_assigned_by_idx').on('tasks').columns(['workspace_id', 'assigned_by_id']).execute();
  await db.schema.createIndex('micro_goals_ws_assigned_by_idx').on('micro_goals').columns(['workspace_id', 'assigned_by_id']).execute();
  // "Open for pickup": the few offered tasks of a workspace.
  await db.schema.createIndex('tasks_ws_pickup_idx').on('tasks').columns(['workspace_id', 'open_for_pickup', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['tasks_ws_pickup_idx', 'micro_goals_ws_assigned_by_idx', 'tasks_ws_assigned_by_idx', 'micro_goals_ws_assignee_idx', 'tasks_ws_assignee_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('tasks').dropColumn('open_for_pickup').execute();
  for (const table of ['tasks', 'micro_goals']) {
    await db.schema.alterTable(table).dropColumn('assigned_by_id').execute();
    await db.schema.alterTable(table).dropColumn('assignee_id').execute();
  }
}
