import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { newId } from '../ids.js';
import { createAutoWin } from './create-auto-win.js';
import { listWins } from './list-wins.js';
import { logWin } from './log-win.js';

/** A second member of the same workspace, acting on the same database and clock. */
async function teammate(ctx: TestCtx): Promise<TestCtx> {
  const userId = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.insertInto('users').values({ id: userId, email: null, name: 'Mate', passwordHash: null, timeZone: 'Europe/Paris', dayStartHour: 0, createdAt: now }).execute();
  await ctx.db.insertInto('members').values({ workspaceId: ctx.actor.workspaceId, userId, role: 'member', createdAt: now }).execute();
  return { ...ctx, actor: { ...ctx.actor, userId, role: 'member' } };
}

describeEachEngine('wins', (s) => {
  it('logs wins by hand, private by default, and lists them newest first within a range', async () => {
    const ctx = await s.newCtx();
    const first = await logWin(ctx, { title: 'First demo booked', day: '2026-11-16' });
    expect(first).toMatchObject({ source: 'manual', sourceId: null, visibility: 'private', note: '' });
    await logWin(ctx, { title: 'Shipped onboarding', note: 'Took three tries', visibility: 'shared' });
    await logWin(ctx, { title: 'Last week', day: '2026-11-09' });
    expect((await listWins(ctx, { from: '2026-11-16', to: '2026-11-22' })).map((w) => [w.day, w.title, w.visibility])).toEqual([
      ['2026-11-18', 'Shipped onboarding', 'shared'],
      ['2026-11-16', 'First demo booked', 'private'],
    ]);
    expect(await listWins(ctx)).toHaveLength(3);
    await expect(logWin(ctx, { title: '' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'title' }] });
    await expect(listWins(ctx, { from: '2026-11-20', to: '2026-11-10' })).rejects.toMatchObject({ code: 'validation', message: /must not be after to/ });
  });

  it('creates an automatic win once per source, even when asked at the same time', async () => {
    const ctx = await s.newCtx();
    const sourceId = newId();
    const made = await createAutoWin(ctx, { source: 'milestone', sourceId, title: 'Best streak: 30 days' });
    expect(made).toMatchObject({ source: 'milestone', sourceId, day: '2026-11-18' });
    expect(await createAutoWin(ctx, { source: 'milestone', sourceId, title: 'Again' })).toBeNull();
    const other = newId();
    const raced = await Promise.all([1, 2, 3, 4].map(() => createAutoWin(ctx, { source: 'task', sourceId: other, title: 'Raced' })));
    expect(raced.filter(Boolean)).toHaveLength(1);
    // The same id under another source is another thing to celebrate.
    expect(await createAutoWin(ctx, { source: 'micro_goal', sourceId, title: 'Different source' })).not.toBeNull();
    expect(await listWins(ctx)).toHaveLength(3);
  });

  it("shows teammates' shared wins but never their private ones", async () => {
    const me = await s.newCtx();
    const mate = await teammate(me);
    await logWin(mate, { title: 'Mate private' });
    await logWin(mate, { title: 'Mate shared', visibility: 'shared' });
    await logWin(me, { title: 'Mine' });
    expect((await listWins(me)).map((w) => w.title).sort()).toEqual(['Mate shared', 'Mine']);
    expect((await listWins(mate)).map((w) => w.title).sort()).toEqual(['Mate private', 'Mate shared']);
    const stranger = await s.newCtx();
    expect(await listWins(stranger)).toEqual([]);
  });

  it('shares automatic wins in a team workspace and keeps them private in a personal one', async () => {
    const solo = await s.newCtx();
    expect((await createAutoWin(solo, { source: 'task', sourceId: newId(), title: 'Solo' }))?.visibility).toBe('private');
    const team = await s.newCtx();
    await team.db.updateTable('workspaces').set({ kind: 'team' }).where('id', '=', team.actor.workspaceId).execute();
    expect((await createAutoWin(team, { source: 'task', sourceId: newId(), title: 'Team' }))?.visibility).toBe('shared');
  });
});
