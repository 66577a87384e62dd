import type { Executor } from '../context.js';
import { invalid } from '../errors.js';
import type { Clock } from '../time/clock.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise seconds until the window ends (for a Retry-After header). */
  retryAfterSeconds: number;
}

/**
 * Count one hit against `key` (e.g. "login:ip:203.0.113.7") in a fixed window aligned to the clock,
 * and say whether it is within `limit`. Stored in the database so every server process shares the
 * count; one atomic upsert, so concurrent hits are all counted and never lost to read-then-write.
 */
export async function hitRateLimit(db: Executor, clock: Clock, input: { key: string; limit: number; windowSeconds: number }): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = input;
  if (!Number.isInteger(limit) || limit < 1) throw invalid('limit', 'must be a whole number of at least 1');
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw invalid('windowSeconds', 'must be a whole number of seconds, at least 1');
  const now = clock.now().getTime();
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .insertInto('rateLimits')
    .values({ key, windowStart: new Date(start).toISOString(), count: 1 })
    .onConflict((oc) => oc.columns(['key', 'windowStart']).doUpdateSet((eb) => ({ count: eb('rateLimits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  const allowed = count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((start + windowMs - now) / 1000)),
  };
}

/**
 * Delete counters of windows that started more than `maxWindowSeconds` ago (default one day, the
 * longest window the server uses), so the table stays as small as the traffic of one window.
 */
export async function pruneRateLimits(db: Executor, clock: Clock, options: { maxWindowSeconds?: number } = {}): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - (options.maxWindowSeconds ?? 86_400) * 1000).toISOString();
  const result = await db.deleteFrom('rateLimits').where('windowStart', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
