import type { Kysely } from 'kysely';

/*
 * Frozen in time. Score checkpoints also hold the longest streak closed by their day, so a check-in
 * can tell a new best streak from the checkpoint and the days since, without reading the whole
 * history (docs/decisions/006-score-checkpoints.md). Checkpoints are derived data: the existing
 * ones, which lack it, are cleared and rebuilt from the whole history on their next read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('routine_score_checkpoints').addColumn('best_streak', 'integer').execute();
  await db.updateTable('routine_score_checkpoints').set({ day: null, score: null, streak: null }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('routine_score_checkpoints').dropColumn('best_streak').execute();
}
