import { ListLessonsSchema, type ListLessonsInput } from '#contracts/reflection.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { hydrateLessons, type Lesson } from './lesson-queries.js';

/** Lessons of the workspace, newest first, optionally only those with a tag or an origin. */
export async function listLessons(ctx: Ctx, input: ListLessonsInput = {}): Promise<Lesson[]> {
  const f = parseInput(ListLessonsSchema, input, 'lesson filters');
  const ws = ctx.actor.workspaceId;
  let query = ctx.db.selectFrom('lessons').selectAll('lessons').where('lessons.workspaceId', '=', ws);
  if (f.tag) {
    const tag = f.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('lessonTags')
          .select('lessonTags.tag')
          .whereRef('lessonTags.lessonId', '=', 'lessons.id')
          .where('lessonTags.workspaceId', '=', ws)
          .where('lessonTags.tag', '=', tag),
      ),
    );
  }
  if (f.origin) query = query.where('lessons.origin', '=', f.origin);
  const rows = await query.orderBy('lessons.day', 'desc').orderBy('lessons.createdAt', 'desc').orderBy('lessons.id').limit(f.limit).execute();
  return hydrateLessons(ctx, rows);
}
