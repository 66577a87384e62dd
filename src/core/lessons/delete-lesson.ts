import { IdSchema } from '#contracts/common.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getLesson, removeSearchDocument, type Lesson } from './lesson-queries.js';

/** Delete a lesson with its tags, links and search document; returns what was deleted. */
export async function deleteLesson(ctx: Ctx, input: { lessonId: string }): Promise<Lesson> {
  requireWriter(ctx);
  const lessonId = parseInput(IdSchema, input.lessonId, 'lesson id');
  return inTransaction(ctx, async (trx) => {
    const lesson = await getLesson(trx, lessonId);
    // SQLite's full-text table has no foreign key to cascade from, so its row goes explicitly.
    await removeSearchDocument(trx, lesson.id);
    await trx.db.deleteFrom('lessons').where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', lesson.id).execute();
    return lesson;
  });
}
