import { sql } from 'kysely';
import { SearchLessonsSchema, type SearchLessonsInput } from '#contracts/reflection.js';
import { isPostgres } from '#db/dialect.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { hydrateLessons, type Lesson } from './lesson-queries.js';
import { fts5Query, pgQueryParts, searchTerms } from './search-terms.js';

export interface LessonHit extends Lesson {
  /** A short extract around the match, matched words between « and ». */
  snippet: string;
}

/**
 * Full-text search over the workspace's lessons (title, body and tags), best match first. Every
 * word must appear; the last may be the start of a word. Any text is a valid query: operators and
 * quotes are read as words, and a query without words finds nothing.
 */
export async function searchLessons(ctx: Ctx, input: SearchLessonsInput): Promise<LessonHit[]> {
  const { query, limit } = parseInput(SearchLessonsSchema, input, 'search');
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const ws = ctx.actor.workspaceId;

  let hits: Array<{ lessonId: string; snippet: string }>;
  if (isPostgres(ctx.db)) {
    const { words, prefix } = pgQueryParts(terms);
    const tsquery = sql`(websearch_to_tsquery('simple', ${words}) && to_tsquery('simple', ${prefix}))`;
    hits = await ctx.db
      .selectFrom('lessonSearch')
      .select([
        'lessonSearch.lessonId',
        sql<string>`ts_headline('simple', lesson_search.document, ${tsquery}, 'StartSel=«, StopSel=», MaxWords=18, MinWords=6, MaxFragments=1')`.as('snippet'),
      ])
      .where('lessonSearch.workspaceId', '=', ws)
      .where(sql<boolean>`lesson_search.tsv @@ ${tsquery}`)
      .orderBy(sql`ts_rank(lesson_search.tsv, ${tsquery})`, 'desc')
      .orderBy('lessonSearch.lessonId')
      .limit(limit)
      .execute();
  } else {
    hits = await ctx.db
      .selectFrom('lessonSearch')
      .select(['lessonSearch.lessonId', sql<string>`snippet(lesson_search, 2, '«', '»', '…', 12)`.as('snippet')])
      .where(sql<boolean>`lesson_search match ${fts5Query(terms)}`)
      .where('lessonSearch.workspaceId', '=', ws)
      .orderBy(sql`bm25(lesson_search)`)
      .orderBy('lessonSearch.lessonId')
      .limit(limit)
      .execute();
  }
  if (hits.length === 0) return [];

  const rows = await ctx.db
    .selectFrom('lessons')
    .selectAll()
    .where('workspaceId', '=', ws)
    .where('id', 'in', hits.map((h) => h.lessonId))
    .execute();
  const lessons = new Map((await hydrateLessons(ctx, rows)).map((l) => [l.id, l]));
  return hits.flatMap((h) => {
    const lesson = lessons.get(h.lessonId);
    return lesson ? [{ ...lesson, snippet: h.snippet.replace(/\s+/g, ' ').trim() }] : [];
  });
}
