import type { WinTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';

/** A shared win as the team feed shows it. */
export interface FeedItem {
  id: string;
  title: string;
  note: string;
  source: WinTable['source'];
  day: string;
  createdAt: string;
  author: { id: string; name: string };
  mine: boolean;
  kudos: number;
  kudosGiven: boolean;
  comments: number;
}

/**
 * The workspace's shared wins with their author, kudos and comment counts, and whether the actor
 * gave kudos. Private wins are left out here, for everyone: the feed is what the team sees.
 */
export function feedQuery(ctx: Ctx) {
  const me = ctx.actor.userId;
  return ctx.db
    .selectFrom('wins as w')
    .innerJoin('users as u', 'u.id', 'w.userId')
    .select(['w.id', 'w.title', 'w.note', 'w.source', 'w.day', 'w.createdAt', 'w.userId', 'u.name as authorName'])
    .select((eb) => [
      eb.selectFrom('kudos as k').select((k) => k.fn.countAll().as('n')).whereRef('k.winId', '=', 'w.id').as('kudos'),
      eb.selectFrom('kudos as g').select((g) => g.fn.countAll().as('n')).whereRef('g.winId', '=', 'w.id').where('g.userId', '=', me).as('kudosGiven'),
      eb
        .selectFrom('winComments as c')
        .select((c) => c.fn.countAll().as('n'))
        .whereRef('c.winId', '=', 'w.id')
        .where('c.deletedAt', 'is', null)
        .as('comments'),
    ])
    .where('w.workspaceId', '=', ctx.actor.workspaceId)
    .where('w.visibility', '=', 'shared');
}

type FeedRow = Awaited<ReturnType<ReturnType<typeof feedQuery>['execute']>>[number];

export function toFeedItem(ctx: Ctx, row: FeedRow): FeedItem {
  return {
    id: row.id,
    title: row.title,
    note: row.note,
    source: row.source,
    day: row.day,
    createdAt: row.createdAt,
    author: { id: row.userId, name: row.authorName },
    mine: row.userId === ctx.actor.userId,
    // PostgreSQL counts are bigint strings; SQLite's are numbers.
    kudos: Number(row.kudos ?? 0),
    kudosGiven: Number(row.kudosGiven ?? 0) > 0,
    comments: Number(row.comments ?? 0),
  };
}

/** One shared win of the feed, or "not found". */
export async function getFeedItem(ctx: Ctx, winId: string): Promise<FeedItem> {
  const row = await feedQuery(ctx).where('w.id', '=', winId).executeTakeFirst();
  if (!row) throw notFound('shared win', winId);
  return toFeedItem(ctx, row);
}

/**
 * The win kudos and comments are about, when the actor may see it. A private win is "not found"
 * to everyone but its author (exactly like a win of another workspace), and its author is told
 * it is private: reactions belong to what the team can see.
 */
export async function reactableWin(ctx: Ctx, winId: string): Promise<{ id: string; userId: string }> {
  const row = await ctx.db
    .selectFrom('wins')
    .select(['id', 'userId', 'visibility'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', winId)
    .executeTakeFirst();
  if (!row || (row.visibility !== 'shared' && row.userId !== ctx.actor.userId)) throw notFound('win', winId);
  if (row.visibility !== 'shared') throw conflict('This win is private: kudos and comments are for wins shared with the team.');
  return { id: row.id, userId: row.userId };
}
