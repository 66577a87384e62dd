import { AddLessonSchema, type AddLessonInput } from '#contracts/reflection.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getLesson, verifyLinks, writeLessonParts, type Lesson } from './lesson-queries.js';

/**
 * Log a lesson, from a win or from a failure alike, with lower-cased unique tags and links to what
 * taught it (each must exist in the workspace). The lesson, its tags, links and search document
 * are written in one transaction, so search never finds half a lesson.
 */
export async function addLesson(ctx: Ctx, input: AddLessonInput): Promise<Lesson> {
  requireWriter(ctx);
  const data = parseInput(AddLessonSchema, input, 'lesson');
  return inTransaction(ctx, async (trx) => {
    await verifyLinks(trx, data.links);
    const id = newId();
    const now = nowIso(trx);
    await trx.db
      .insertInto('lessons')
      .values({ id, workspaceId: trx.actor.workspaceId, title: data.title, body: data.body, origin: data.origin, day: data.day ?? today(trx), createdAt: now, updatedAt: now })
      .execute();
    await writeLessonParts(trx, { id, title: data.title, body: data.body }, { tags: data.tags, links: data.links });
    return getLesson(trx, id);
  });
}
