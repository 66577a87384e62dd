import type { Selectable } from 'kysely';
import { AcceptInvitationSchema, InvitationSchema, RevokeInvitationSchema, type AcceptInvitationInput, type InvitationInput, type RevokeInvitationInput } from '#contracts/accounts.js';
import type { Database, InvitationTable } from '#db/schema.js';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso, requireRole, type Ctx, type Executor, type Role } from '../context.js';
import { AppError, conflict, notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';
import { DAY_MS, addMs, randomSecret, sha256Hex } from './secrets.js';
import { lockWorkspace, refusePersonal, roleOf } from './workspace-queries.js';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

/** An invitation as it may be shown: never the token or its hash. */
export interface InvitationInfo {
  id: string;
  workspaceId: string;
  email: string | null;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  status: InvitationStatus;
}

function toInfo(row: Selectable<InvitationTable>, now: Date): InvitationInfo {
  const status: InvitationStatus = row.revokedAt ? 'revoked' : row.acceptedAt ? 'accepted' : Date.parse(row.expiresAt) <= now.getTime() ? 'expired' : 'pending';
  const { tokenHash: _hash, ...rest } = row;
  return { ...rest, status };
}

/**
 * Invite someone into a team workspace (admin or owner; only an owner may invite an owner). The
 * token is returned once, for the link; only its hash is kept. With an email, only that account
 * may accept, so a forwarded link is useless to anyone else.
 */
export async function createInvitation(ctx: Ctx, input: InvitationInput): Promise<{ invitation: InvitationInfo; token: string }> {
  const data = parseInput(InvitationSchema, input, 'invitation');
  requireRole(ctx, 'admin');
  if (data.role === 'owner' && ctx.actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can invite another owner. Invite them as admin, or ask an owner.');
  }
  return inTransaction(ctx, async (trx) => {
    refusePersonal((await lockWorkspace(trx.db, trx.actor.workspaceId)).kind);
    if (data.email) {
      const existing = await trx.db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.userId')
        .select('users.id')
        .where('members.workspaceId', '=', trx.actor.workspaceId)
        .where('users.email', '=', data.email)
        .executeTakeFirst();
      if (existing) throw conflict(`${data.email} is already a member of this workspace; change their role instead.`);
    }
    const token = randomSecret();
    const row: Selectable<InvitationTable> = {
      id: newId(),
      workspaceId: trx.actor.workspaceId,
      email: data.email ?? null,
      role: data.role,
      tokenHash: sha256Hex(token),
      createdBy: trx.actor.userId,
      createdAt: nowIso(trx),
      expiresAt: addMs(trx.clock.now(), data.expiresInDays * DAY_MS),
      acceptedAt: null,
      acceptedBy: null,
      revokedAt: null,
    };
    await trx.db.insertInto('invitations').values(row).execute();
    return { invitation: toInfo(row, trx.clock.now()), token };
  });
}

/** The workspace's invitations not yet accepted or revoked, expired ones included so they can be renewed. */
export async function listInvitations(ctx: Ctx): Promise<InvitationInfo[]> {
  requireRole(ctx, 'admin');
  const rows = await ctx.db
    .selectFrom('invitations')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => toInfo(r, ctx.clock.now()));
}

/** Withdraw an invitation so its link stops working; revoking twice is harmless. */
export async function revokeInvitation(ctx: Ctx, input: RevokeInvitationInput): Promise<InvitationInfo> {
  const { invitationId } = parseInput(RevokeInvitationSchema, input, 'invitation');
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (trx) => {
    const row = await trx.db.selectFrom('invitations').selectAll().where('id', '=', invitationId).where('workspaceId', '=', trx.actor.workspaceId).executeTakeFirst();
    if (!row) throw notFound('invitation', invitationId);
    if (row.acceptedAt) throw conflict('This invitation was already accepted; remove the member instead.');
    if (row.revokedAt) return toInfo(row, trx.clock.now());
    const revokedAt = nowIso(trx);
    await trx.db.updateTable('invitations').set({ revokedAt }).where('id', '=', row.id).execute();
    return toInfo({ ...row, revokedAt }, trx.clock.now());
  });
}

/** Join the workspace of an invitation as the invited role. */
export async function acceptInvitation(db: Kysely<Database>, clock: Clock, input: AcceptInvitationInput & { userId: string }): Promise<{ workspaceId: string; role: Role }> {
  const { token } = parseInput(AcceptInvitationSchema, input, 'invitation');
  return db.transaction().execute((trx) => redeemInvitation(trx, clock, token, input.userId));
}

/**
 * The body of accepting, inside the caller's transaction (sign-up in invite mode uses it too). The
 * single-use check is a conditional update, so two concurrent accepts cannot both succeed.
 */
export async function redeemInvitation(trx: Executor, clock: Clock, token: string, userId: string): Promise<{ workspaceId: string; role: Role }> {
  const now = clock.now();
  const row = await trx.selectFrom('invitations').selectAll().where('tokenHash', '=', sha256Hex(token)).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This invitation link is not valid. Check that it was copied whole, or ask for a new one.');
  if (row.revokedAt) throw conflict('This invitation was withdrawn. Ask an admin of the workspace for a new one.');
  if (row.acceptedAt) throw conflict('This invitation has already been used. Ask an admin of the workspace for a new one.');
  if (Date.parse(row.expiresAt) <= now.getTime()) {
    throw conflict(`This invitation expired on ${row.expiresAt.slice(0, 10)}. Ask an admin of the workspace for a new one.`);
  }
  const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user', userId);
  if (row.email !== null && row.email !== user.email) {
    throw new AppError('forbidden', `This invitation is for ${row.email}. Log in with that address, or ask for an invitation to yours.`);
  }
  await lockWorkspace(trx, row.workspaceId);
  if (await roleOf(trx, row.workspaceId, userId)) throw conflict('You are already a member of this workspace.');
  const at = now.toISOString();
  const claimed = await trx
    .updateTable('invitations')
    .set({ acceptedAt: at, acceptedBy: userId })
    .where('id', '=', row.id)
    .where('acceptedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw conflict('This invitation has already been used. Ask an admin of the workspace for a new one.');
  await trx.insertInto('members').values({ workspaceId: row.workspaceId, userId, role: row.role, createdAt: at }).execute();
  return { workspaceId: row.workspaceId, role: row.role };
}
