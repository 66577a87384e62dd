import type { Kysely } from 'kysely';

/*
 * Today counts the tasks still planned on earlier days: with (workspace, status, day) that count
 * reads only the open tasks, not every task ever done.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('tasks_ws_status_day_idx').on('tasks').columns(['workspace_id', 'status', 'day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tasks_ws_status_day_idx').execute();
}
