import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { fixedClock } from '../time/clock.js';
import { hitRateLimit, pruneRateLimits } from './rate-limit.js';

describeEachEngine('rate limits', (s) => {
  it('allows N hits in a window, then refuses with the time left until the window ends', async () => {
    const clock = fixedClock('2026-12-02T10:00:10Z');
    const hit = () => hitRateLimit(s.db(), clock, { key: 'login:ip:203.0.113.7', limit: 3, windowSeconds: 60 });
    expect(await hit()).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(await hit()).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await hit()).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(await hit()).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 50 });
    expect((await hitRateLimit(s.db(), clock, { key: 'login:ip:198.51.100.1', limit: 3, windowSeconds: 60 })).allowed).toBe(true);
    clock.set('2026-12-02T10:01:00Z');
    expect(await hit()).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });

  it('counts concurrent hits exactly', async () => {
    const clock = fixedClock('2026-12-02T11:00:00Z');
    const key = `burst:${s.engine}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => hitRateLimit(s.db(), clock, { key, limit: 40, windowSeconds: 3600 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(40);
    const row = await s.db().selectFrom('rateLimits').select('count').where('key', '=', key).executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(50);
  });

  it('prunes windows older than a day', async () => {
    const clock = fixedClock('2026-12-01T00:00:00Z');
    await hitRateLimit(s.db(), clock, { key: 'old', limit: 5, windowSeconds: 60 });
    clock.set('2026-12-03T00:00:00Z');
    await hitRateLimit(s.db(), clock, { key: 'new', limit: 5, windowSeconds: 60 });
    expect(await pruneRateLimits(s.db(), clock)).toBeGreaterThanOrEqual(1);
    const keys = (await s.db().selectFrom('rateLimits').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('new');
    expect(keys).not.toContain('old');
  });
});
