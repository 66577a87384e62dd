import { AppError } from '#core/errors.js';

interface Cursor {
  /** Where the next page starts. */
  o: number;
  /** The id of the last item served, to stay in place when rows were added or removed meanwhile. */
  id: string | null;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && (typeof parsed.id === 'string' || parsed.id === null)) {
      return { o: parsed.o, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'This cursor was not given out by this API; use the nextCursor of the previous page.', [{ path: 'cursor', message: 'is not a valid cursor' }]);
}

/** One page of `all`, after `cursor`, and the cursor of the page after it. */
export function pageItems<T extends { id?: unknown }>(all: readonly T[], cursor: Cursor | null, limit: number): { items: T[]; nextCursor: string | null } {
  let start = 0;
  if (cursor) {
    start = cursor.o;
    if (cursor.id !== null && all[cursor.o - 1]?.id !== cursor.id) {
      const at = all.findIndex((item) => item.id === cursor.id);
      if (at >= 0) start = at + 1;
    }
  }
  const items = all.slice(start, start + limit);
  const end = start + items.length;
  const last = items.at(-1);
  return { items, nextCursor: end < all.length ? encodeCursor({ o: end, id: typeof last?.id === 'string' ? last.id : null }) : null };
}
