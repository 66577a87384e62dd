import type { Kysely } from 'kysely';

/*
 * Frozen in time. Indexes for the reflection parts: a review's summary reads lessons and feedback
 * by day, so its cost follows the period rather than the whole history; answers, decisions and
 * links are read per parent row. Decisions get a position: several are often written within the
 * same instant, and they must read back in the order they were made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('review_decisions').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('lessons_ws_day_idx').on('lessons').columns(['workspace_id', 'day']).execute();
  await db.schema.createIndex('lesson_links_lesson_idx').on('lesson_links').column('lesson_id').execute();
  await db.schema.createIndex('feedback_ws_day_idx').on('feedback').columns(['workspace_id', 'day']).execute();
  await db.schema.createIndex('feedback_experiment_idx').on('feedback').column('experiment_id').execute();
  await db.schema.createIndex('experiments_ws_status_idx').on('experiments').columns(['workspace_id', 'status']).execute();
  await db.schema.createIndex('review_answers_review_idx').on('review_answers').columns(['review_id', 'position']).execute();
  await db.schema.createIndex('review_decisions_review_idx').on('review_decisions').column('review_id').execute();
  await db.schema.createIndex('review_prompts_ws_kind_idx').on('review_prompts').columns(['workspace_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'review_prompts_ws_kind_idx', 'review_decisions_review_idx', 'review_answers_review_idx', 'experiments_ws_status_idx',
    'feedback_experiment_idx', 'feedback_ws_day_idx', 'lesson_links_lesson_idx', 'lessons_ws_day_idx',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.alterTable('review_decisions').dropColumn('position').execute();
}
