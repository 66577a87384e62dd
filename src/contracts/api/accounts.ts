import { z } from 'zod';
import {
  AcceptInvitationSchema, ChangePasswordSchema, ChangeRoleSchema, CreateApiTokenSchema, CreateTeamWorkspaceSchema,
  InvitationSchema, LoginSchema, RemoveMemberSchema, RenameWorkspaceSchema, RevokeApiTokenSchema, RevokeInvitationSchema,
  RevokeSessionSchema, RoleSchema, SignUpSchema, UpdateProfileSchema,
} from '../accounts.js';
import { endpoint } from './endpoint.js';
import { Instant, NoContent } from './shapes.js';

export const UserOut = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  timeZone: z.string(),
  dayStartHour: z.number(),
  isServerOwner: z.boolean(),
  hasPassword: z.boolean(),
  createdAt: Instant,
});

export const SessionOut = z.object({
  id: z.string(),
  createdAt: Instant,
  lastSeenAt: Instant,
  expiresAt: Instant,
  idleExpiresAt: Instant,
  userAgent: z.string(),
  ip: z.string(),
  current: z.boolean().optional(),
});

export const ApiTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
});

export const WorkspaceOut = z.object({ id: z.string(), name: z.string(), kind: z.enum(['personal', 'team']), role: RoleSchema });

export const MemberOut = z.object({ userId: z.string(), name: z.string(), email: z.string().nullable(), role: RoleSchema, joinedAt: Instant });

export const InvitationOut = z.object({
  id: z.string(),
  workspaceId: z.string(),
  email: z.string().nullable(),
  role: RoleSchema,
  createdBy: z.string(),
  createdAt: Instant,
  expiresAt: Instant,
  acceptedAt: Instant.nullable(),
  acceptedBy: z.string().nullable(),
  revokedAt: Instant.nullable(),
  status: z.enum(['pending', 'expired', 'accepted', 'revoked']),
});

const SignedInOut = z.object({ user: UserOut, session: SessionOut, personalWorkspaceId: z.string() });
const Empty = z.object({});

export const accountEndpoints = {
  signUp: endpoint({
    id: 'signUp', method: 'POST', path: '/auth/signup', scope: 'public', tag: 'Accounts', status: 201,
    summary: 'Create an account and sign in',
    description:
      'The first account on a server becomes its owner. After that, the server decides: open sign-up, invitation only (give invitationToken), or closed. Sets the session cookie. Limited to 10 attempts per address per hour.',
    input: SignUpSchema, output: SignedInOut.extend({ claimed: z.boolean(), joined: z.object({ workspaceId: z.string(), role: RoleSchema }).nullable() }),
  }),
  login: endpoint({
    id: 'login', method: 'POST', path: '/auth/login', scope: 'public', tag: 'Accounts',
    summary: 'Sign in with email and password; sets the session cookie',
    description: 'Limited to 10 attempts per account and 30 per address every 15 minutes; past that the answer is 429 with Retry-After.',
    input: LoginSchema, output: SignedInOut,
  }),
  logout: endpoint({
    id: 'logout', method: 'POST', path: '/auth/logout', scope: 'user', tag: 'Accounts', status: 204,
    summary: 'End this session (the cookie stops working at once)',
    input: Empty, output: NoContent,
  }),
  me: endpoint({
    id: 'me', method: 'GET', path: '/me', scope: 'user', tag: 'Accounts',
    summary: 'The signed-in person and their workspaces',
    input: Empty, output: z.object({ user: UserOut, workspaces: z.array(WorkspaceOut) }),
  }),
  updateProfile: endpoint({
    id: 'updateProfile', method: 'PATCH', path: '/me', scope: 'user', tag: 'Accounts',
    summary: 'Change your name, time zone or start-of-day hour',
    input: UpdateProfileSchema, output: UserOut,
  }),
  changePassword: endpoint({
    id: 'changePassword', method: 'POST', path: '/me/password', scope: 'user', tag: 'Accounts',
    summary: 'Change your password, ending your other sessions (and API tokens when asked)',
    input: ChangePasswordSchema, output: z.object({ sessionsEnded: z.number(), tokensRevoked: z.number() }),
  }),
  listSessions: endpoint({
    id: 'listSessions', method: 'GET', path: '/me/sessions', scope: 'user', tag: 'Accounts', list: true,
    summary: 'Where you are signed in', input: Empty, output: SessionOut,
  }),
  revokeSession: endpoint({
    id: 'revokeSession', method: 'DELETE', path: '/me/sessions/{sessionId}', scope: 'user', tag: 'Accounts', status: 204,
    summary: 'Sign out one of your sessions', input: RevokeSessionSchema, output: NoContent,
  }),
  listApiTokens: endpoint({
    id: 'listApiTokens', method: 'GET', path: '/me/tokens', scope: 'user', tag: 'Accounts', list: true,
    summary: 'Your personal API tokens (never the tokens themselves)', input: Empty, output: ApiTokenOut,
  }),
  createApiToken: endpoint({
    id: 'createApiToken', method: 'POST', path: '/me/tokens', scope: 'user', tag: 'Accounts', status: 201,
    summary: 'Create a personal API token; it is shown this once',
    input: CreateApiTokenSchema, output: z.object({ token: z.string(), record: ApiTokenOut }),
  }),
  revokeApiToken: endpoint({
    id: 'revokeApiToken', method: 'DELETE', path: '/me/tokens/{tokenId}', scope: 'user', tag: 'Accounts', status: 204,
    summary: 'Revoke a token; scripts using it stop at once', input: RevokeApiTokenSchema, output: NoContent,
  }),
  listWorkspaces: endpoint({
    id: 'listWorkspaces', method: 'GET', path: '/workspaces', scope: 'user', tag: 'Workspaces', list: true,
    summary: 'Your workspaces, personal first, with your role in each', input: Empty, output: WorkspaceOut,
  }),
  createWorkspace: endpoint({
    id: 'createWorkspace', method: 'POST', path: '/workspaces', scope: 'user', tag: 'Workspaces', status: 201,
    summary: 'Create a team workspace; you become its owner', input: CreateTeamWorkspaceSchema, output: WorkspaceOut,
  }),
  acceptInvitation: endpoint({
    id: 'acceptInvitation', method: 'POST', path: '/invitations/accept', scope: 'user', tag: 'Workspaces',
    summary: 'Join a workspace with an invitation token',
    input: AcceptInvitationSchema, output: z.object({ workspaceId: z.string(), role: RoleSchema }),
  }),
  showWorkspace: endpoint({
    id: 'showWorkspace', method: 'GET', path: '', scope: 'workspace', tag: 'Workspaces',
    summary: 'This workspace and your role in it', input: Empty, output: WorkspaceOut,
  }),
  renameWorkspace: endpoint({
    id: 'renameWorkspace', method: 'PATCH', path: '', scope: 'workspace', role: 'admin', tag: 'Workspaces',
    summary: 'Rename this workspace', input: RenameWorkspaceSchema, output: WorkspaceOut,
  }),
  listMembers: endpoint({
    id: 'listMembers', method: 'GET', path: '/members', scope: 'workspace', tag: 'Workspaces', list: true,
    summary: 'Who is in this workspace, owners first', input: Empty, output: MemberOut,
  }),
  changeMemberRole: endpoint({
    id: 'changeMemberRole', method: 'PATCH', path: '/members/{userId}', scope: 'workspace', role: 'admin', tag: 'Workspaces',
    summary: "Change a member's role (only owners make or unmake owners)", input: ChangeRoleSchema, output: MemberOut,
  }),
  removeMember: endpoint({
    id: 'removeMember', method: 'DELETE', path: '/members/{userId}', scope: 'workspace', role: 'viewer', tag: 'Workspaces', status: 204,
    summary: 'Remove a member (admins), or leave (anyone, for themselves); access ends on the next request',
    input: RemoveMemberSchema, output: NoContent,
  }),
  listInvitations: endpoint({
    id: 'listInvitations', method: 'GET', path: '/invitations', scope: 'workspace', role: 'admin', tag: 'Workspaces', list: true,
    summary: 'Invitations of this workspace and their status', input: Empty, output: InvitationOut,
  }),
  createInvitation: endpoint({
    id: 'createInvitation', method: 'POST', path: '/invitations', scope: 'workspace', role: 'admin', tag: 'Workspaces', status: 201,
    summary: 'Invite someone by link (or only the account with a given email); the token is shown this once',
    input: InvitationSchema, output: z.object({ invitation: InvitationOut, token: z.string() }),
  }),
  revokeInvitation: endpoint({
    id: 'revokeInvitation', method: 'DELETE', path: '/invitations/{invitationId}', scope: 'workspace', role: 'admin', tag: 'Workspaces',
    summary: 'Revoke an invitation that has not been used', input: RevokeInvitationSchema, output: InvitationOut,
  }),
};

