import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';

describeEachEngine('API tokens', (s) => {
  it('shows the token once and stores only its SHA-256', async () => {
    const ctx = await s.newCtx({ now: '2026-12-02T10:00:00Z' });
    const { token, record } = await createApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, name: 'Backup script' });
    expect(token).toMatch(/^sw_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({ name: 'Backup script', prefix: token.slice(0, 10), expiresAt: null, lastUsedAt: null });
    expect(record).not.toHaveProperty('tokenHash');
    const row = await s.db().selectFrom('apiTokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    const listed = await listApiTokens(s.db(), ctx.actor.userId);
    expect(listed).toEqual([record]);
    expect(listed[0]).not.toHaveProperty('tokenHash');
  });

  it('authenticates, records use at most once a minute, and stops at revocation', async () => {
    const ctx = await s.newCtx({ now: '2026-12-02T10:00:00Z' });
    const { token, record } = await createApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, name: 'cli' });
    expect((await authenticateToken(s.db(), ctx.clock, token))?.user.id).toBe(ctx.actor.userId);
    ctx.clock.advance(30_000);
    expect((await authenticateToken(s.db(), ctx.clock, token))?.token.lastUsedAt).toBe('2026-12-02T10:00:00.000Z');
    ctx.clock.advance(30_000);
    expect((await authenticateToken(s.db(), ctx.clock, token))?.token.lastUsedAt).toBe('2026-12-02T10:01:00.000Z');
    expect(await authenticateToken(s.db(), ctx.clock, token.slice(0, -1))).toBeNull();
    expect(await authenticateToken(s.db(), ctx.clock, 'not-a-token')).toBeNull();

    const other = await s.newCtx();
    await expect(revokeApiToken(s.db(), ctx.clock, { userId: other.actor.userId, tokenId: record.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await authenticateToken(s.db(), ctx.clock, token)).not.toBeNull();
    await revokeApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, tokenId: record.id });
    expect(await authenticateToken(s.db(), ctx.clock, token)).toBeNull();
    expect(await listApiTokens(s.db(), ctx.actor.userId)).toEqual([]);
  });

  it('stops working at its expiry', async () => {
    const ctx = await s.newCtx({ now: '2026-12-02T10:00:00Z' });
    const { token, record } = await createApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, name: 'ci', expiresInDays: 30 });
    expect(record.expiresAt).toBe('2027-01-01T10:00:00.000Z');
    ctx.clock.set('2027-01-01T09:59:59Z');
    expect(await authenticateToken(s.db(), ctx.clock, token)).not.toBeNull();
    ctx.clock.set('2027-01-01T10:00:00Z');
    expect(await authenticateToken(s.db(), ctx.clock, token)).toBeNull();
    await expect(createApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, name: 'past', expiresAt: '2026-01-01T00:00:00Z' })).rejects.toMatchObject({ details: [{ path: 'expiresAt' }] });
    await expect(createApiToken(s.db(), ctx.clock, { userId: ctx.actor.userId, name: 'both', expiresAt: '2028-01-01T00:00:00Z', expiresInDays: 3 })).rejects.toMatchObject({ code: 'validation' });
  });
});
