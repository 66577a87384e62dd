import { UpdateLessonSchema, type UpdateLessonInput } from '#contracts/reflection.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getLesson, getLessonRow, verifyLinks, writeLessonParts, type Lesson } from './lesson-queries.js';

/** Change a lesson; given tags or links replace the old ones, and the search document follows in the same transaction. */
export async function updateLesson(ctx: Ctx, input: UpdateLessonInput): Promise<Lesson> {
  requireWriter(ctx);
  const { lessonId, tags, links, ...changes } = parseInput(UpdateLessonSchema, input, 'lesson change');
  return inTransaction(ctx, async (trx) => {
    const before = await getLesson(trx, lessonId);
    if (links) await verifyLinks(trx, links);
    await trx.db
      .updateTable('lessons')
      .set({ ...changes, updatedAt: nowIso(trx) })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', lessonId)
      .execute();
    const row = await getLessonRow(trx, lessonId);
    await writeLessonParts(trx, row, { tags: tags ?? before.tags, links });
    return getLesson(trx, lessonId);
  });
}
