import type { Selectable } from 'kysely';
import type { LinkTargetType } from '#contracts/reflection.js';
import type { LessonTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';

export type LessonOrigin = LessonTable['origin'];

export interface LessonLink {
  targetType: LinkTargetType;
  targetId: string;
}

export interface Lesson {
  id: string;
  title: string;
  body: string;
  origin: LessonOrigin;
  day: string;
  tags: string[];
  links: LessonLink[];
  createdAt: string;
  updatedAt: string;
}

export async function getLessonRow(ctx: Ctx, lessonId: string): Promise<Selectable<LessonTable>> {
  const row = await ctx.db
    .selectFrom('lessons')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', lessonId)
    .executeTakeFirst();
  if (!row) throw notFound('lesson', lessonId);
  return row;
}

/** Lesson rows with their tags (sorted) and links, in the rows' order. */
export async function hydrateLessons(ctx: Ctx, rows: Array<Selectable<LessonTable>>): Promise<Lesson[]> {
  if (rows.length === 0) return [];
  const ws = ctx.actor.workspaceId;
  const ids = rows.map((r) => r.id);
  const tags = await ctx.db
    .selectFrom('lessonTags')
    .select(['lessonId', 'tag'])
    .where('workspaceId', '=', ws)
    .where('lessonId', 'in', ids)
    .orderBy('tag')
    .execute();
  const links = await ctx.db
    .selectFrom('lessonLinks')
    .select(['lessonId', 'targetType', 'targetId'])
    .where('workspaceId', '=', ws)
    .where('lessonId', 'in', ids)
    .orderBy('targetType')
    .orderBy('targetId')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    origin: r.origin,
    day: r.day,
    tags: tags.filter((t) => t.lessonId === r.id).map((t) => t.tag),
    links: links.filter((l) => l.lessonId === r.id).map((l) => ({ targetType: l.targetType, targetId: l.targetId })),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function getLesson(ctx: Ctx, lessonId: string): Promise<Lesson> {
  const [lesson] = await hydrateLessons(ctx, [await getLessonRow(ctx, lessonId)]);
  return lesson!;
}

const LINK_TABLE = {
  goal: 'goals',
  experiment: 'experiments',
  win: 'wins',
  task: 'tasks',
  micro_goal: 'microGoals',
  review: 'reviews',
  feedback: 'feedback',
} as const satisfies Record<LinkTargetType, string>;

const LINK_LABEL: Record<LinkTargetType, string> = {
  goal: 'goal', experiment: 'experiment', win: 'win', task: 'task', micro_goal: 'micro-goal', review: 'review', feedback: 'feedback item',
};

/** Refuse a link to something that does not exist in the actor's workspace. */
export async function verifyLinks(ctx: Ctx, links: LessonLink[]): Promise<void> {
  for (const link of links) {
    const found = await ctx.db
      .selectFrom(LINK_TABLE[link.targetType])
      .select('id')
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('id', '=', link.targetId)
      .executeTakeFirst();
    if (!found) throw notFound(LINK_LABEL[link.targetType], link.targetId);
  }
}

/** Replace a lesson's tags, links and search document (call inside the lesson's transaction). */
export async function writeLessonParts(
  ctx: Ctx,
  lesson: { id: string; title: string; body: string },
  parts: { tags: string[]; links?: LessonLink[] },
): Promise<void> {
  const ws = ctx.actor.workspaceId;
  await ctx.db.deleteFrom('lessonTags').where('workspaceId', '=', ws).where('lessonId', '=', lesson.id).execute();
  if (parts.tags.length > 0) {
    await ctx.db.insertInto('lessonTags').values(parts.tags.map((tag) => ({ workspaceId: ws, lessonId: lesson.id, tag }))).execute();
  }
  if (parts.links) {
    await ctx.db.deleteFrom('lessonLinks').where('workspaceId', '=', ws).where('lessonId', '=', lesson.id).execute();
    if (parts.links.length > 0) {
      await ctx.db
        .insertInto('lessonLinks')
        .values(parts.links.map((l) => ({ id: newId(), workspaceId: ws, lessonId: lesson.id, ...l })))
        .execute();
    }
  }
  await removeSearchDocument(ctx, lesson.id);
  await ctx.db
    .insertInto('lessonSearch')
    .values({ lessonId: lesson.id, workspaceId: ws, document: lessonDocument(lesson.title, lesson.body, parts.tags) })
    .execute();
}

/** The searchable text of a lesson: title, body and tags. */
export function lessonDocument(title: string, body: string, tags: string[]): string {
  return [title, body, tags.join(' ')].filter(Boolean).join('\n');
}

export async function removeSearchDocument(ctx: Ctx, lessonId: string): Promise<void> {
  await ctx.db.deleteFrom('lessonSearch').where('workspaceId', '=', ctx.actor.workspaceId).where('lessonId', '=', lessonId).execute();
}
