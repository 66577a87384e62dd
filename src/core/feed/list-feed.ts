import { ListFeedSchema, type ListFeedInput } from '#contracts/feed.js';
import type { Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { feedQuery, toFeedItem, type FeedItem } from './feed-queries.js';

export interface FeedPage {
  items: FeedItem[];
  /** Where the next (older) page starts; null on the last page. */
  nextCursor: string | null;
}

interface Position {
  createdAt: string;
  id: string;
}

function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.createdAt, p.id])).toString('base64url');
}

function decodeCursor(value: string): Position {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw invalid('before', 'is not a cursor this API gave out; use the nextCursor of the previous page');
}

/**
 * The team feed: the workspace's shared wins, newest first, a page at a time. Keyset paging on
 * (createdAt, id) reads only the rows of the page, however long the feed grows, and stays in place
 * when new wins arrive meanwhile.
 */
export async function listFeed(ctx: Ctx, input: ListFeedInput = {}): Promise<FeedPage> {
  const { before, limit } = parseInput(ListFeedSchema, input, 'feed page');
  let query = feedQuery(ctx);
  if (before) {
    const at = decodeCursor(before);
    query = query.where((eb) =>
      eb.or([eb('w.createdAt', '<', at.createdAt), eb.and([eb('w.createdAt', '=', at.createdAt), eb('w.id', '<', at.id)])]),
    );
  }
  const rows = await query.orderBy('w.createdAt', 'desc').orderBy('w.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toFeedItem(ctx, row)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
