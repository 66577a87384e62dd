import { afterEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDb, type TestDb } from '#test/db.js';
import { fixedClock } from '../time/clock.js';
import { localOwner } from '../workspaces/bootstrap.js';
import { createGoal } from '../goals/create-goal.js';
import { listGoals } from '../goals/list-goals.js';
import { createInvitation } from './invitations.js';
import { login } from './sessions.js';
import { signUp } from './sign-up.js';
import { listMyWorkspaces } from './workspaces.js';

const clock = fixedClock('2026-12-02T10:00:00Z');
const person = (email: string, extra: object = {}) => ({ email, password: 'correct horse battery', name: email.split('@')[0]!, timeZone: 'Europe/Paris', mode: 'open' as const, ...extra });

describeEachEngine('sign-up', (s) => {
  // Sign-up depends on who already exists, so every test gets an empty database of its own.
  let fresh: TestDb | undefined;
  const freshDb = async () => {
    fresh = await openTestDb(s.engine);
    return fresh.db;
  };
  afterEach(async () => {
    await fresh?.close();
    fresh = undefined;
  });

  it('makes the first account the server owner, whatever the mode, and no later one', async () => {
    const db = await freshDb();
    const first = await signUp(db, clock, person('Ana@Example.com ', { mode: 'closed' }));
    expect(first.user).toMatchObject({ email: 'ana@example.com', isServerOwner: true, hasPassword: true });
    expect(first.user).not.toHaveProperty('passwordHash');
    expect(first.claimed).toBe(false);
    const second = await signUp(db, clock, person('bo@example.com'));
    expect(second.user.isServerOwner).toBe(false);
    expect(await listMyWorkspaces(db, second.user.id)).toEqual([{ id: second.personalWorkspaceId, name: "bo's workspace", kind: 'personal', role: 'owner' }]);
  });

  it('claims the local CLI owner, so the data made on the command line becomes theirs', async () => {
    const db = await freshDb();
    const local = await localOwner(db, clock, { timeZone: 'UTC' });
    await createGoal({ db, clock, actor: local }, { title: 'Made in the CLI' });
    const result = await signUp(db, clock, person('ana@example.com', { name: 'Ana' }));
    expect(result).toMatchObject({ claimed: true, personalWorkspaceId: local.workspaceId, user: { id: local.userId, name: 'Ana', email: 'ana@example.com', isServerOwner: true, timeZone: 'Europe/Paris' } });
    const { user } = await login(db, clock, { email: 'ana@example.com', password: 'correct horse battery' });
    const goals = await listGoals({ db, clock, actor: { ...local, userId: user.id } });
    expect(goals.map((g) => g.title)).toEqual(['Made in the CLI']);
    expect((await listMyWorkspaces(db, user.id))[0]?.name).toBe("Ana's workspace");
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const db = await freshDb();
    await signUp(db, clock, person('ana@example.com'));
    await expect(signUp(db, clock, person('ANA@example.com'))).rejects.toMatchObject({ code: 'conflict', message: /already exists/ });
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('validates fields with details and enforces the password policy', async () => {
    const db = await freshDb();
    await expect(signUp(db, clock, person('not-an-email'))).rejects.toMatchObject({ code: 'validation', details: [{ path: 'email' }] });
    await expect(signUp(db, clock, person('a@example.com', { password: 'short' }))).rejects.toMatchObject({ code: 'validation', message: /password: must be at least 10 characters/ });
    await expect(signUp(db, clock, person('a@example.com', { password: 'x'.repeat(1025) }))).rejects.toMatchObject({ details: [{ path: 'password' }] });
    await expect(signUp(db, clock, person('a@example.com', { timeZone: 'Mars/Olympus' }))).rejects.toMatchObject({ code: 'validation', details: [{ path: 'timeZone' }] });
    expect(await db.selectFrom('users').select('id').execute()).toHaveLength(0);
  });

  it('refuses sign-up on a closed server once the owner exists', async () => {
    const db = await freshDb();
    await signUp(db, clock, person('owner@example.com', { mode: 'closed' }));
    await expect(signUp(db, clock, person('late@example.com', { mode: 'closed' }))).rejects.toMatchObject({ code: 'forbidden', message: /closed/ });
  });

  it('needs a valid invitation in invite mode, and joins its workspace with its role', async () => {
    const db = await freshDb();
    const owner = await signUp(db, clock, person('owner@example.com', { mode: 'invite' }));
    await expect(signUp(db, clock, person('guest@example.com', { mode: 'invite' }))).rejects.toMatchObject({ code: 'forbidden', message: /invitation/ });
    await expect(signUp(db, clock, person('guest@example.com', { mode: 'invite', invitationToken: 'made-up' }))).rejects.toMatchObject({ code: 'not_found' });
    const team = await db.transaction().execute(async (trx) => {
      await trx.insertInto('workspaces').values({ id: 'team1', name: 'Team', kind: 'team', focusLimit: 3, conversationTarget: 1, createdAt: clock.now().toISOString() }).execute();
      await trx.insertInto('members').values({ workspaceId: 'team1', userId: owner.user.id, role: 'owner', createdAt: clock.now().toISOString() }).execute();
      return 'team1';
    });
    const ctx = { db, clock, actor: { userId: owner.user.id, workspaceId: team, role: 'owner' as const, timeZone: 'UTC', dayStartHour: 0 } };
    const { token } = await createInvitation(ctx, { email: 'guest@example.com', role: 'member' });
    await expect(signUp(db, clock, person('other@example.com', { mode: 'invite', invitationToken: token }))).rejects.toMatchObject({ code: 'forbidden', message: /for guest@example.com/ });
    expect(await db.selectFrom('users').select('id').where('email', '=', 'other@example.com').execute()).toHaveLength(0);
    const guest = await signUp(db, clock, person('guest@example.com', { mode: 'invite', invitationToken: token }));
    expect(guest.joined).toEqual({ workspaceId: team, role: 'member' });
    expect((await listMyWorkspaces(db, guest.user.id)).map((w) => [w.kind, w.role])).toEqual([['personal', 'owner'], ['team', 'member']]);
    await expect(signUp(db, clock, person('guest2@example.com', { mode: 'invite', invitationToken: token }))).rejects.toMatchObject({ code: 'conflict', message: /already been used/ });
  });
});
