import type { Kysely } from 'kysely';

/*
 * Frozen in time. One row per routine holding its exact strength score, and the streak running
 * through it, at the end of a recent day, so Today continues from there instead of replaying years
 * of check-ins (docs/decisions/006-score-checkpoints.md). Derived data: never exported, rebuilt
 * when missing. `token` changes with every write to the routine's history, so a checkpoint
 * computed from an older read can be refused.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('routine_score_checkpoints')
    .addColumn('routine_id', 'text', (c) => c.primaryKey().references('routines.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('day', 'text')
    // 'double precision' on both engines (REAL on SQLite): the score must come back bit for bit.
    .addColumn('score', 'double precision')
    .addColumn('streak', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('routine_score_checkpoints').ifExists().execute();
}
