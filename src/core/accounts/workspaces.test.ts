import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import type { Role } from '../context.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { acceptInvitation, changeMemberRole, createInvitation, createTeamWorkspace, listInvitations, listMembers, listMyWorkspaces, removeMember, renameWorkspace, revokeInvitation } from './workspaces.js';

let n = 0;

describeEachEngine('team workspaces, members and invitations', (s) => {
  /** A person with an email, in the same database and at the same instant as `base`. */
  async function person(base: TestCtx, name: string) {
    const actor = await createUserWithWorkspace(s.db(), base.clock, { name, email: `${name.toLowerCase()}${n++}@example.com`, timeZone: 'UTC' });
    const email = (await s.db().selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow()).email!;
    return { userId: actor.userId, email };
  }

  /** An owner's team with an admin, a member and a viewer, and a context per person. */
  async function team() {
    const base = await s.newCtx({ now: '2026-12-02T10:00:00Z' });
    const ws = await createTeamWorkspace(s.db(), base.clock, { userId: base.actor.userId, name: 'Launch crew' });
    const as = (userId: string, role: Role): TestCtx => ({ ...base, actor: { ...base.actor, userId, workspaceId: ws.id, role } });
    const owner = as(base.actor.userId, 'owner');
    const join = async (name: string, role: Role) => {
      const p = await person(base, name);
      const { token } = await createInvitation(owner, { email: p.email, role });
      await acceptInvitation(s.db(), base.clock, { token, userId: p.userId });
      return { ...p, ctx: as(p.userId, role) };
    };
    return { base, ws, owner, as, admin: await join('Ada', 'admin'), member: await join('Max', 'member'), viewer: await join('Vic', 'viewer') };
  }

  it('creates a team owned by its creator, listed after the personal workspace', async () => {
    const { base, ws, owner } = await team();
    expect(await listMyWorkspaces(s.db(), base.actor.userId)).toEqual([
      { id: base.actor.workspaceId, name: "Test User's workspace", kind: 'personal', role: 'owner' },
      { id: ws.id, name: 'Launch crew', kind: 'team', role: 'owner' },
    ]);
    expect((await listMembers(owner)).map((m) => m.role)).toEqual(['owner', 'admin', 'member', 'viewer']);
    expect(await renameWorkspace(owner, { name: 'Crew' })).toMatchObject({ name: 'Crew', role: 'owner' });
  });

  it('lets admins manage, but not viewers or members', async () => {
    const { admin, member, viewer } = await team();
    await expect(createInvitation(viewer.ctx, { role: 'member' })).rejects.toMatchObject({ code: 'forbidden', message: /admin role/ });
    await expect(createInvitation(member.ctx, { role: 'viewer' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(renameWorkspace(member.ctx, { name: 'Mine now' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole(viewer.ctx, { userId: viewer.userId, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createInvitation(admin.ctx, { role: 'owner' })).rejects.toMatchObject({ code: 'forbidden', message: /Only an owner/ });
    expect(await changeMemberRole(admin.ctx, { userId: viewer.userId, role: 'member' })).toMatchObject({ userId: viewer.userId, role: 'member' });
  });

  it('never lets an admin touch an owner, nor a workspace lose its last owner', async () => {
    const { owner, admin, member, viewer } = await team();
    await expect(changeMemberRole(admin.ctx, { userId: owner.actor.userId, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden', message: /Only an owner/ });
    await expect(changeMemberRole(admin.ctx, { userId: admin.userId, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeMember(admin.ctx, { userId: owner.actor.userId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole(owner, { userId: owner.actor.userId, role: 'admin' })).rejects.toMatchObject({ code: 'conflict', message: /at least one owner/ });
    await expect(removeMember(owner, { userId: owner.actor.userId })).rejects.toMatchObject({ code: 'conflict', message: /last owner/ });
    await changeMemberRole(owner, { userId: admin.userId, role: 'owner' });
    await removeMember(owner, { userId: owner.actor.userId });
    expect((await listMembers(admin.ctx)).map((m) => [m.userId, m.role])).toEqual([[admin.userId, 'owner'], [member.userId, 'member'], [viewer.userId, 'viewer']]);
    await removeMember(member.ctx, { userId: member.userId });
    expect((await listMembers(admin.ctx)).some((m) => m.userId === member.userId)).toBe(false);
    await expect(removeMember(admin.ctx, { userId: member.userId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps a personal workspace to its one owner', async () => {
    const ctx = await s.newCtx();
    await expect(createInvitation(ctx, { role: 'member' })).rejects.toMatchObject({ code: 'forbidden', message: /personal workspace/ });
    await expect(changeMemberRole(ctx, { userId: ctx.actor.userId, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden', message: /personal workspace/ });
    await expect(removeMember(ctx, { userId: ctx.actor.userId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('accepts an invitation once, and refuses expired, revoked and duplicate ones clearly', async () => {
    const { base, owner, member } = await team();
    const newcomer = await person(base, 'Neo');
    const open = await createInvitation(owner, { role: 'member', expiresInDays: 2 });
    expect(open.invitation).toMatchObject({ role: 'member', email: null, status: 'pending', expiresAt: '2026-12-04T10:00:00.000Z' });
    expect(open.invitation).not.toHaveProperty('tokenHash');
    const stored = await s.db().selectFrom('invitations').select('tokenHash').where('id', '=', open.invitation.id).executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(open.token);

    await expect(acceptInvitation(s.db(), base.clock, { token: open.token, userId: member.userId })).rejects.toMatchObject({ code: 'conflict', message: /already a member/ });
    base.clock.set('2026-12-04T10:00:00Z');
    await expect(acceptInvitation(s.db(), base.clock, { token: open.token, userId: newcomer.userId })).rejects.toMatchObject({ code: 'conflict', message: /expired on 2026-12-04/ });
    expect((await listInvitations(owner)).find((i) => i.id === open.invitation.id)?.status).toBe('expired');

    const revoked = await createInvitation(owner, { role: 'viewer' });
    await revokeInvitation(owner, { invitationId: revoked.invitation.id });
    await expect(acceptInvitation(s.db(), base.clock, { token: revoked.token, userId: newcomer.userId })).rejects.toMatchObject({ code: 'conflict', message: /withdrawn/ });

    const good = await createInvitation(owner, { role: 'viewer' });
    expect(await acceptInvitation(s.db(), base.clock, { token: good.token, userId: newcomer.userId })).toEqual({ workspaceId: owner.actor.workspaceId, role: 'viewer' });
    await expect(acceptInvitation(s.db(), base.clock, { token: good.token, userId: newcomer.userId })).rejects.toMatchObject({ code: 'conflict', message: /already been used/ });
    await expect(revokeInvitation(owner, { invitationId: good.invitation.id })).rejects.toMatchObject({ code: 'conflict' });
    expect((await listInvitations(owner)).map((i) => i.id)).toEqual([open.invitation.id]);
  });

  it('treats another workspace’s invitations and members as not found', async () => {
    const a = await team();
    const b = await team();
    const inv = await createInvitation(a.owner, { role: 'member' });
    await expect(revokeInvitation(b.owner, { invitationId: inv.invitation.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeMemberRole(b.owner, { userId: a.member.userId, role: 'viewer' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember(b.owner, { userId: a.member.userId })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listInvitations(b.owner)).toEqual([]);
  });
});
