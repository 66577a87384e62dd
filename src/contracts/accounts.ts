import { z } from 'zod';
import { IdSchema, TitleSchema } from './common.js';

/* Accounts: sign-up, login, sessions, API tokens, team workspaces, members and invitations. */

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

/** An email address, stored trimmed and lower-cased so one person cannot hold two accounts. */
export const AccountEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address such as ana@example.com'));

/**
 * A new password: long rather than clever (NIST SP 800-63B); the upper bound only stops someone
 * from making the server hash megabytes. Never trimmed: every character counts.
 */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** A password typed to log in: any length the policy ever allowed, so older accounts still log in. */
const GivenPasswordSchema = z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const RoleSchema = z.enum(['owner', 'admin', 'member', 'viewer'], { message: 'must be one of owner, admin, member, viewer' });

const TimeZoneSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const DayStartHourSchema = z.number().int('must be a whole hour').min(0, 'must be an hour from 0 to 23').max(23, 'must be an hour from 0 to 23');
/** Secrets handed back by people (invitation links): base64url, bounded. */
const SecretSchema = z.string().trim().min(1, 'must not be empty').max(200, 'is too long to be a valid token');

export const SignUpSchema = z.object({
  email: AccountEmailSchema,
  password: PasswordSchema,
  name: TitleSchema,
  timeZone: TimeZoneSchema,
  dayStartHour: DayStartHourSchema.optional(),
  invitationToken: SecretSchema.optional(),
});
export type SignUpInput = z.input<typeof SignUpSchema>;

export const LoginSchema = z.object({
  email: AccountEmailSchema,
  password: GivenPasswordSchema,
});
export type LoginInput = z.input<typeof LoginSchema>;

export const ChangePasswordSchema = z.object({
  currentPassword: GivenPasswordSchema,
  newPassword: PasswordSchema,
  /** Log out every other session (default): a password is usually changed because it leaked. */
  endOtherSessions: z.boolean().default(true),
  /** API tokens are separate credentials for scripts; they survive unless asked. */
  revokeApiTokens: z.boolean().default(false),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>;

export const UpdateProfileSchema = z.object({
  name: TitleSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
  dayStartHour: DayStartHourSchema.optional(),
});
export type UpdateProfileInput = z.input<typeof UpdateProfileSchema>;

export const CreateApiTokenSchema = z
  .object({
    name: TitleSchema.pipe(z.string().max(100, 'must be at most 100 characters')),
    expiresAt: z.iso.datetime({ message: 'must be an ISO instant such as 2027-01-31T00:00:00Z', offset: true }).optional(),
    expiresInDays: z.number().int('must be a whole number of days').min(1, 'must be from 1 to 3650 days').max(3650, 'must be from 1 to 3650 days').optional(),
  })
  .refine((t) => t.expiresAt === undefined || t.expiresInDays === undefined, { path: ['expiresInDays'], message: 'give expiresAt or expiresInDays, not both' });
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: IdSchema });
export const RevokeSessionSchema = z.object({ sessionId: IdSchema.pipe(z.string().max(64)) });

export const CreateTeamWorkspaceSchema = z.object({ name: TitleSchema });
export type CreateTeamWorkspaceInput = z.input<typeof CreateTeamWorkspaceSchema>;

export const RenameWorkspaceSchema = z.object({ name: TitleSchema });
export type RenameWorkspaceInput = z.input<typeof RenameWorkspaceSchema>;

export const ChangeRoleSchema = z.object({ userId: IdSchema, role: RoleSchema });
export type ChangeRoleInput = z.input<typeof ChangeRoleSchema>;

export const RemoveMemberSchema = z.object({ userId: IdSchema });
export type RemoveMemberInput = z.input<typeof RemoveMemberSchema>;

export const InvitationSchema = z.object({
  /** When set, only the account with this email may accept. */
  email: AccountEmailSchema.nullable().optional(),
  role: RoleSchema,
  expiresInDays: z.number().int('must be a whole number of days').min(1, 'must be from 1 to 30 days').max(30, 'must be from 1 to 30 days').default(7),
});
export type InvitationInput = z.input<typeof InvitationSchema>;

export const RevokeInvitationSchema = z.object({ invitationId: IdSchema });
export type RevokeInvitationInput = z.input<typeof RevokeInvitationSchema>;

export const AcceptInvitationSchema = z.object({ token: SecretSchema });
export type AcceptInvitationInput = z.input<typeof AcceptInvitationSchema>;
