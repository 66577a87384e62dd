import { ChangeRoleSchema, RemoveMemberSchema, type ChangeRoleInput, type RemoveMemberInput } from '#contracts/accounts.js';
import { inTransaction, requireRole, type Ctx, type Role } from '../context.js';
import { AppError, conflict, notFound, parseInput } from '../errors.js';
import { releaseMemberWork } from '../assignments/release-member-work.js';
import { countOwners, lockWorkspace, refusePersonal, roleOf } from './workspace-queries.js';

export interface MemberInfo {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  joinedAt: string;
}

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };

/** Who is in the actor's workspace, owners first; any member may see it. */
export async function listMembers(ctx: Ctx): Promise<MemberInfo[]> {
  const rows = await ctx.db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.userId')
    .select(['members.userId', 'users.name', 'users.email', 'members.role', 'members.createdAt as joinedAt'])
    .where('members.workspaceId', '=', ctx.actor.workspaceId)
    .orderBy('members.createdAt')
    .orderBy('members.userId')
    .execute();
  return rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

const lastOwner = (): AppError => conflict('A workspace needs at least one owner. Make someone else an owner first.');
const onlyOwners = (): AppError => new AppError('forbidden', 'Only an owner can make someone an owner or change an owner. Ask an owner of this workspace.');

/**
 * Change a member's role (admin or owner). Only an owner may make or unmake owners, and the last
 * owner cannot step down, so a workspace is never left without someone who can manage it.
 */
export async function changeMemberRole(ctx: Ctx, input: ChangeRoleInput): Promise<MemberInfo> {
  const { userId, role } = parseInput(ChangeRoleSchema, input, 'role change');
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (trx) => {
    const { kind } = await lockWorkspace(trx.db, trx.actor.workspaceId);
    const current = await roleOf(trx.db, trx.actor.workspaceId, userId);
    if (!current) throw notFound('member', userId);
    refusePersonal(kind);
    if ((current === 'owner' || role === 'owner') && trx.actor.role !== 'owner') throw onlyOwners();
    if (current === 'owner' && role !== 'owner' && (await countOwners(trx.db, trx.actor.workspaceId)) <= 1) throw lastOwner();
    if (current !== role) {
      await trx.db.updateTable('members').set({ role }).where('workspaceId', '=', trx.actor.workspaceId).where('userId', '=', userId).execute();
    }
    const member = (await listMembers(trx)).find((m) => m.userId === userId);
    if (!member) throw notFound('member', userId);
    return member;
  });
}

/**
 * Remove a member (admin or owner), or leave when `userId` is oneself (any role). Only an owner may
 * remove an owner, and the last owner can neither leave nor be removed. Their content stays: it
 * belongs to the workspace; the work still assigned to them goes back to the team (releaseMemberWork).
 */
export async function removeMember(ctx: Ctx, input: RemoveMemberInput): Promise<void> {
  const { userId } = parseInput(RemoveMemberSchema, input, 'member');
  const leaving = userId === ctx.actor.userId;
  if (!leaving) requireRole(ctx, 'admin');
  await inTransaction(ctx, async (trx) => {
    await lockWorkspace(trx.db, trx.actor.workspaceId);
    const current = await roleOf(trx.db, trx.actor.workspaceId, userId);
    if (!current) throw notFound('member', userId);
    if (current === 'owner' && !leaving && trx.actor.role !== 'owner') throw onlyOwners();
    if (current === 'owner' && (await countOwners(trx.db, trx.actor.workspaceId)) <= 1) {
      throw leaving ? conflict('You are the last owner and cannot leave. Make someone else an owner first.') : lastOwner();
    }
    await trx.db.deleteFrom('members').where('workspaceId', '=', trx.actor.workspaceId).where('userId', '=', userId).execute();
    await releaseMemberWork(trx.db, trx.actor.workspaceId, userId);
  });
}
