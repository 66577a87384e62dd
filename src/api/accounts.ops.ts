import type { Kysely } from 'kysely';
import { accountEndpoints } from '#contracts/api/accounts.js';
import { createApiToken, listApiTokens, revokeApiToken } from '#core/accounts/api-tokens.js';
import { changePassword } from '#core/accounts/change-password.js';
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from '#core/accounts/invitations.js';
import { changeMemberRole, listMembers, removeMember } from '#core/accounts/members.js';
import { hitRateLimit } from '#core/accounts/rate-limit.js';
import { listSessions, login, revokeSession } from '#core/accounts/sessions.js';
import { signUp } from '#core/accounts/sign-up.js';
import { getUser, normalizeEmail, updateProfile } from '#core/accounts/users.js';
import { createTeamWorkspace, listMyWorkspaces, renameWorkspace } from '#core/accounts/workspaces.js';
import { AppError, RateLimitedError } from '#core/errors.js';
import type { Database } from '#db/schema.js';
import { operations, type ApiCtx, type Handlers } from './operation.js';

/** Attempts allowed per window; a test proves each limit. */
export const AUTH_LIMITS = {
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  loginPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  signUpPerAddress: { limit: 10, windowSeconds: 60 * 60 },
} as const;

/** Account operations open their own transactions, so they need the pool, not a transaction. */
function root(ctx: ApiCtx): Kysely<Database> {
  if (ctx.db.isTransaction) throw new Error('account operations run outside a transaction');
  return ctx.db as Kysely<Database>;
}

async function limit(ctx: ApiCtx, key: string, rule: { limit: number; windowSeconds: number }): Promise<void> {
  const result = await hitRateLimit(ctx.db, ctx.clock, { key, ...rule });
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
}

async function personalWorkspaceId(ctx: ApiCtx, userId: string): Promise<string> {
  const workspaces = await listMyWorkspaces(ctx.db, userId);
  return workspaces.find((w) => w.kind === 'personal')?.id ?? workspaces[0]?.id ?? '';
}

const handlers: Handlers<typeof accountEndpoints> = {
  async signUp(ctx, input) {
    await limit(ctx, `signup:ip:${ctx.caller.ip}`, AUTH_LIMITS.signUpPerAddress);
    const result = await signUp(root(ctx), ctx.clock, { ...input, mode: ctx.caller.signUpMode });
    const session = await login(root(ctx), ctx.clock, { email: input.email, password: input.password, userAgent: ctx.caller.userAgent, ip: ctx.caller.ip });
    return { ...session, personalWorkspaceId: result.personalWorkspaceId, claimed: result.claimed, joined: result.joined };
  },
  async login(ctx, input) {
    // Both keys count every attempt: guessing one account from many addresses, or many accounts from one.
    await limit(ctx, `login:account:${normalizeEmail(input.email)}`, AUTH_LIMITS.loginPerAccount);
    await limit(ctx, `login:ip:${ctx.caller.ip}`, AUTH_LIMITS.loginPerAddress);
    const session = await login(root(ctx), ctx.clock, { ...input, userAgent: ctx.caller.userAgent, ip: ctx.caller.ip });
    return { ...session, personalWorkspaceId: await personalWorkspaceId(ctx, session.user.id) };
  },
  async logout(ctx) {
    if (ctx.caller.sessionId) await revokeSession(ctx.db, ctx.clock, { userId: ctx.actor.userId, sessionId: ctx.caller.sessionId });
  },
  async me(ctx) {
    return { user: await getUser(ctx.db, ctx.actor.userId), workspaces: await listMyWorkspaces(ctx.db, ctx.actor.userId) };
  },
  updateProfile: (ctx, input) => updateProfile(ctx.db, { ...input, userId: ctx.actor.userId }),
  changePassword: (ctx, input) => changePassword(root(ctx), ctx.clock, { ...input, userId: ctx.actor.userId, currentSessionId: ctx.caller.sessionId }),
  async listSessions(ctx) {
    const sessions = await listSessions(ctx.db, ctx.actor.userId, ctx.clock);
    return sessions.map((s) => ({ ...s, current: s.id === ctx.caller.sessionId }));
  },
  revokeSession: (ctx, input) => revokeSession(ctx.db, ctx.clock, { userId: ctx.actor.userId, sessionId: input.sessionId }),
  listApiTokens: (ctx) => listApiTokens(ctx.db, ctx.actor.userId),
  createApiToken: (ctx, input) => createApiToken(root(ctx), ctx.clock, { ...input, userId: ctx.actor.userId }),
  revokeApiToken: (ctx, input) => revokeApiToken(ctx.db, ctx.clock, { userId: ctx.actor.userId, tokenId: input.tokenId }),
  listWorkspaces: (ctx) => listMyWorkspaces(ctx.db, ctx.actor.userId),
  createWorkspace: (ctx, input) => createTeamWorkspace(root(ctx), ctx.clock, { ...input, userId: ctx.actor.userId }),
  acceptInvitation: (ctx, input) => acceptInvitation(root(ctx), ctx.clock, { ...input, userId: ctx.actor.userId }),
  async showWorkspace(ctx) {
    const mine = await listMyWorkspaces(ctx.db, ctx.actor.userId);
    const found = mine.find((w) => w.id === ctx.actor.workspaceId);
    if (!found) throw new AppError('not_found', 'No such workspace.');
    return found;
  },
  renameWorkspace: (ctx, input) => renameWorkspace(ctx, input),
  listMembers: (ctx) => listMembers(ctx),
  changeMemberRole: (ctx, input) => changeMemberRole(ctx, input),
  removeMember: (ctx, input) => removeMember(ctx, input),
  listInvitations: (ctx) => listInvitations(ctx),
  createInvitation: (ctx, input) => createInvitation(ctx, input),
  revokeInvitation: (ctx, input) => revokeInvitation(ctx, input),
};

export const accountOperations = operations(accountEndpoints, handlers);
