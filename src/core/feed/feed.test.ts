import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import type { Role } from '../context.js';
import { exportWorkspace } from '../data/export-workspace.js';
import { importWorkspace } from '../data/import-workspace.js';
import { newId } from '../ids.js';
import { createAutoWin } from '../wins/create-auto-win.js';
import { logWin } from '../wins/log-win.js';
import { addComment, deleteComment, listComments } from './comments.js';
import { getFeedItem } from './feed-queries.js';
import { giveKudos, takeBackKudos } from './kudos.js';
import { listFeed } from './list-feed.js';

/** A team workspace owned by the returned context, and a way to add people to it. */
async function team(s: { newCtx(): Promise<TestCtx> }) {
  const owner = await s.newCtx();
  await owner.db.updateTable('workspaces').set({ kind: 'team' }).where('id', '=', owner.actor.workspaceId).execute();
  const join = async (name: string, role: Role = 'member'): Promise<TestCtx> => {
    const userId = newId();
    const now = owner.clock.now().toISOString();
    await owner.db.insertInto('users').values({ id: userId, email: null, name, passwordHash: null, timeZone: 'Europe/Paris', dayStartHour: 0, createdAt: now }).execute();
    await owner.db.insertInto('members').values({ workspaceId: owner.actor.workspaceId, userId, role, createdAt: now }).execute();
    return { ...owner, actor: { ...owner.actor, userId, role } };
  };
  return { owner, join };
}

describeEachEngine('team feed', (s) => {
  it('shows shared wins of everyone, newest first, with counts, and pages by cursor', async () => {
    const { owner, join } = await team(s);
    const ana = await join('Ana');
    await logWin(owner, { title: 'Owner shared', visibility: 'shared' });
    owner.clock.advance(1000);
    await logWin(ana, { title: 'Ana private' });
    owner.clock.advance(1000);
    await createAutoWin(ana, { source: 'task', sourceId: newId(), title: 'Ana task done' });
    owner.clock.advance(1000);
    await logWin(ana, { title: 'Ana shared', visibility: 'shared' });

    const page = await listFeed(owner, { limit: 2 });
    expect(page.items.map((i) => [i.title, i.author.name, i.mine])).toEqual([
      ['Ana shared', 'Ana', false],
      ['Ana task done', 'Ana', false],
    ]);
    expect(page.nextCursor).not.toBeNull();
    const rest = await listFeed(owner, { limit: 2, before: page.nextCursor! });
    expect(rest.items.map((i) => [i.title, i.mine])).toEqual([['Owner shared', true]]);
    expect(rest.nextCursor).toBeNull();
    // Not even its author sees a private win in the feed: the feed is what the team sees.
    expect((await listFeed(ana)).items.map((i) => i.title)).not.toContain('Ana private');
    await expect(listFeed(owner, { before: 'garbage' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'before' }] });
    // Another workspace sees none of it.
    expect((await listFeed(await s.newCtx())).items).toEqual([]);
  });

  it('keeps kudos to one per person, undoable, never on your own win', async () => {
    const { owner, join } = await team(s);
    const ana = await join('Ana');
    const ben = await join('Ben');
    const win = await logWin(owner, { title: 'Shipped', visibility: 'shared' });
    expect(await giveKudos(ana, { winId: win.id })).toEqual({ winId: win.id, kudos: 1, kudosGiven: true });
    expect(await giveKudos(ana, { winId: win.id })).toEqual({ winId: win.id, kudos: 1, kudosGiven: true });
    // Racing requests still store one row.
    await Promise.all([1, 2, 3].map(() => giveKudos(ben, { winId: win.id })));
    expect(await getFeedItem(ana, win.id)).toMatchObject({ kudos: 2, kudosGiven: true });
    expect(await getFeedItem(owner, win.id)).toMatchObject({ kudos: 2, kudosGiven: false });
    expect(await takeBackKudos(ana, { winId: win.id })).toEqual({ winId: win.id, kudos: 1, kudosGiven: false });
    expect(await takeBackKudos(ana, { winId: win.id })).toEqual({ winId: win.id, kudos: 1, kudosGiven: false });
    await expect(giveKudos(owner, { winId: win.id })).rejects.toMatchObject({ code: 'conflict' });
    const viewer = await join('Vic', 'viewer');
    await expect(giveKudos(viewer, { winId: win.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never lets a private win reach a teammate, through the feed, kudos or comments', async () => {
    const { owner, join } = await team(s);
    const ana = await join('Ana', 'admin');
    const secret = await logWin(owner, { title: 'My secret win', visibility: 'private' });
    for (const attempt of [
      () => getFeedItem(ana, secret.id),
      () => giveKudos(ana, { winId: secret.id }),
      () => takeBackKudos(ana, { winId: secret.id }),
      () => listComments(ana, { winId: secret.id }),
      () => addComment(ana, { winId: secret.id, body: 'Nice' }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
    }
    // Its author is told why instead: reactions are for what the team sees.
    await expect(addComment(owner, { winId: secret.id, body: 'Note to self' })).rejects.toMatchObject({ code: 'conflict', message: /private/ });
    expect(await s.db().selectFrom('kudos').selectAll().where('winId', '=', secret.id).execute()).toEqual([]);
  });

  it('lets teammates comment, and their author or an admin delete a comment', async () => {
    const { owner, join } = await team(s);
    const ana = await join('Ana');
    const ben = await join('Ben');
    const win = await logWin(ana, { title: 'First customer', visibility: 'shared' });
    const c1 = await addComment(ben, { winId: win.id, body: '  Well done!  ' });
    expect(c1).toMatchObject({ body: 'Well done!', author: { name: 'Ben' }, canDelete: true });
    owner.clock.advance(1000);
    await addComment(ana, { winId: win.id, body: 'Thanks!' });
    expect((await listComments(ana, { winId: win.id })).map((c) => [c.body, c.canDelete])).toEqual([
      ['Well done!', false],
      ['Thanks!', true],
    ]);
    expect((await getFeedItem(owner, win.id)).comments).toBe(2);
    await expect(addComment(ben, { winId: win.id, body: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'body' }] });
    await expect(addComment(ben, { winId: win.id, body: '   ' })).rejects.toMatchObject({ code: 'validation' });
    await expect(deleteComment(ana, { commentId: c1.id })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteComment(owner, { commentId: c1.id });
    expect((await listComments(ben, { winId: win.id })).map((c) => c.body)).toEqual(['Thanks!']);
    expect((await getFeedItem(owner, win.id)).comments).toBe(1);
    // Deleted means gone: the text does not stay on the server.
    const row = await s.db().selectFrom('winComments').selectAll().where('id', '=', c1.id).executeTakeFirstOrThrow();
    expect(row.body).toBe('');
    await expect(deleteComment(ben, { commentId: c1.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports kudos and comments, and restores them for the one person restoring', async () => {
    const { owner, join } = await team(s);
    const ana = await join('Ana');
    const ben = await join('Ben');
    const win = await logWin(ana, { title: 'Shipped', visibility: 'shared' });
    await giveKudos(owner, { winId: win.id });
    await giveKudos(ben, { winId: win.id });
    await addComment(ben, { winId: win.id, body: 'Bravo' });
    const file = await exportWorkspace(owner);
    expect(file.tables.kudos).toHaveLength(2);
    const target = await s.newCtx();
    const result = await importWorkspace(target, JSON.parse(JSON.stringify(file)));
    expect(result.renumbered).toBe(true);
    // Everyone becomes the restoring person, who can hold one kudos per win.
    const [restored] = (await listFeed(target)).items;
    expect(restored).toMatchObject({ title: 'Shipped', kudos: 1, comments: 1 });
  });
});
