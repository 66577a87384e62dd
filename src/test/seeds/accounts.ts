import type { Kysely } from 'kysely';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { createInvitation } from '#core/accounts/invitations.js';
import type { Database } from '#db/schema.js';
import type { Samples, Seeder } from '../samples.js';

export const seed: Seeder = async (ctx, ids) => {
  const { record } = await createApiToken(ctx.db as Kysely<Database>, ctx.clock, { userId: ctx.actor.userId, name: 'seed-secret token' });
  ids.apiToken = record.id;
  ids.user = ctx.actor.userId;
  const kind = await ctx.db.selectFrom('workspaces').select('kind').where('id', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow();
  if (kind.kind === 'team') ids.invitation = (await createInvitation(ctx, { role: 'member', email: 'seed-secret@example.com' })).invitation.id;
};

let n = 0;
export const samples: Samples = {
  signUp: () => ({ email: `sample${++n}-${Date.now()}@example.com`, password: 'a long enough passphrase', name: 'Sample', timeZone: 'UTC' }),
  login: () => ({ email: 'nobody-here@example.com', password: 'not a real password' }),
  logout: () => ({}),
  me: () => ({}),
  updateProfile: () => ({ name: 'Renamed person' }),
  changePassword: () => ({ currentPassword: 'not the password at all', newPassword: 'another long passphrase' }),
  listSessions: () => ({}),
  revokeSession: () => ({ sessionId: 'f'.repeat(64) }),
  listApiTokens: () => ({}),
  createApiToken: () => ({ name: 'sample token' }),
  revokeApiToken: (ids) => ({ tokenId: ids.apiToken }),
  listWorkspaces: () => ({}),
  createWorkspace: () => ({ name: 'Sample team' }),
  acceptInvitation: () => ({ token: 'not-a-real-invitation-token' }),
  showWorkspace: () => ({}),
  renameWorkspace: () => ({ name: 'Renamed workspace' }),
  listMembers: () => ({}),
  changeMemberRole: (ids) => ({ userId: ids.user, role: 'admin' }),
  removeMember: (ids) => ({ userId: ids.user }),
  listInvitations: () => ({}),
  createInvitation: () => ({ role: 'member' }),
  revokeInvitation: (ids) => ({ invitationId: ids.invitation ?? 'noinvitation0000' }),
};
