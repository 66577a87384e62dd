import type { Ctx } from '../context.js';
import { lessonDocument } from '../lessons/lesson-queries.js';

/**
 * Rebuild the lesson search documents of the workspace from lessons and their tags, as a restore
 * leaves them empty. The document is the text search runs over: title, body and tags.
 */
export async function rebuildSearchDocuments(ctx: Ctx): Promise<void> {
  const ws = ctx.actor.workspaceId;
  await ctx.db.deleteFrom('lessonSearch').where('workspaceId', '=', ws).execute();
  const lessons = await ctx.db.selectFrom('lessons').select(['id', 'title', 'body']).where('workspaceId', '=', ws).execute();
  if (lessons.length === 0) return;
  const tags = await ctx.db.selectFrom('lessonTags').select(['lessonId', 'tag']).where('workspaceId', '=', ws).execute();
  const byLesson = new Map<string, string[]>();
  for (const t of tags) byLesson.set(t.lessonId, [...(byLesson.get(t.lessonId) ?? []), t.tag]);
  const docs = lessons.map((l) => ({ lessonId: l.id, workspaceId: ws, document: lessonDocument(l.title, l.body, byLesson.get(l.id) ?? []) }));
  for (let i = 0; i < docs.length; i += 200) await ctx.db.insertInto('lessonSearch').values(docs.slice(i, i + 200)).execute();
}
