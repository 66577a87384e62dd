import type { Kysely } from 'kysely';
import { CreateTeamWorkspaceSchema, RenameWorkspaceSchema, type CreateTeamWorkspaceInput, type RenameWorkspaceInput } from '#contracts/accounts.js';
import type { Database, WorkspaceTable } from '#db/schema.js';
import { requireRole, type Ctx, type Executor, type Role } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';

// Members and invitations live in their own files; re-exported so the workspace surface is one import.
export { changeMemberRole, listMembers, removeMember, type MemberInfo } from './members.js';
export { acceptInvitation, createInvitation, listInvitations, revokeInvitation, type InvitationInfo } from './invitations.js';

export interface WorkspaceSummary {
  id: string;
  name: string;
  kind: WorkspaceTable['kind'];
  role: Role;
}

/** The workspaces a person may switch to, their personal one first. */
export async function listMyWorkspaces(db: Executor, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspaceId')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.kind', 'members.role'])
    .where('members.userId', '=', userId)
    .orderBy('workspaces.createdAt')
    .orderBy('workspaces.id')
    .execute();
  return [...rows.filter((r) => r.kind === 'personal'), ...rows.filter((r) => r.kind !== 'personal')];
}

/** Open a team workspace; its creator is its first owner. */
export async function createTeamWorkspace(db: Kysely<Database>, clock: Clock, input: CreateTeamWorkspaceInput & { userId: string }): Promise<WorkspaceSummary> {
  const { name } = parseInput(CreateTeamWorkspaceSchema, input, 'workspace');
  const now = clock.now().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('workspaces').values({ id, name, kind: 'team', focusLimit: 3, conversationTarget: 1, createdAt: now }).execute();
    await trx.insertInto('members').values({ workspaceId: id, userId: input.userId, role: 'owner', createdAt: now }).execute();
  });
  return { id, name, kind: 'team', role: 'owner' };
}

/** Rename the actor's workspace (admin or owner). */
export async function renameWorkspace(ctx: Ctx, input: RenameWorkspaceInput): Promise<WorkspaceSummary> {
  const { name } = parseInput(RenameWorkspaceSchema, input, 'workspace');
  requireRole(ctx, 'admin');
  await ctx.db.updateTable('workspaces').set({ name }).where('id', '=', ctx.actor.workspaceId).execute();
  const row = await ctx.db.selectFrom('workspaces').select(['id', 'name', 'kind']).where('id', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow();
  return { ...row, role: ctx.actor.role };
}
