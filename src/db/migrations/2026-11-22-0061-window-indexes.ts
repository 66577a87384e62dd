import type { Kysely } from 'kysely';

/*
 * Frozen in time. Indexes that keep Today and the review summary bounded by the days they show.
 * Today reads each routine's recent check-ins (workspace, routine, a range of days) for its streak
 * and score: the check-in index answers that read on its own, in routine and day order, without
 * visiting the table. The review summary reads the period's pulses of one person and the pauses
 * overlapping the period: without these, both scanned every row ever written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('check_ins_window_idx')
    .on('check_ins')
    .columns(['workspace_id', 'routine_id', 'day', 'status', 'value'])
    .execute();
  await db.schema.createIndex('pulses_ws_user_day_idx').on('pulses').columns(['workspace_id', 'user_id', 'day']).execute();
  await db.schema.createIndex('routine_pauses_ws_start_idx').on('routine_pauses').columns(['workspace_id', 'start_day']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['routine_pauses_ws_start_idx', 'pulses_ws_user_day_idx', 'check_ins_window_idx']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
