import type { Kysely } from 'kysely';
import { SignUpSchema, type SignUpInput } from '#contracts/accounts.js';
import type { Database } from '#db/schema.js';
import type { Role } from '../context.js';
import { AppError, conflict, parseInput } from '../errors.js';
import type { Clock } from '../time/clock.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { redeemInvitation } from './invitations.js';
import { hashPassword } from './passwords.js';
import { isUniqueViolation } from './secrets.js';
import { getUser, requireTimeZone, type PublicUser } from './users.js';

/** Who may create an account on this server (server configuration, not user input). */
export type SignUpMode = 'open' | 'invite' | 'closed';

export interface SignUpResult {
  user: PublicUser;
  /** The person's personal workspace (the local CLI owner's, when claimed). */
  personalWorkspaceId: string;
  /** True when the sign-up took over the password-less user the local CLI had created. */
  claimed: boolean;
  /** The workspace joined through the invitation, if one was given. */
  joined: { workspaceId: string; role: Role } | null;
}

const closed = (): AppError => new AppError('forbidden', 'Sign-up is closed on this server. Ask the server owner to open it.');
const emailTaken = (): AppError => conflict('An account with this email already exists. Log in instead, or reset the password.');

/**
 * Create an account. The first account with a password becomes the server owner whatever the mode
 * (a closed server still needs someone to run it). If the database only holds the password-less,
 * email-less owner that the local CLI created, that user is claimed, so what the CLI recorded
 * becomes theirs. After that, 'invite' needs a valid invitation token and 'closed' refuses.
 */
export async function signUp(db: Kysely<Database>, clock: Clock, input: SignUpInput & { mode: SignUpMode }): Promise<SignUpResult> {
  const data = parseInput(SignUpSchema, input, 'sign-up');
  requireTimeZone(data.timeZone);
  // Fail closed: a mode the server misconfigured is treated as 'closed', never as 'open'.
  const mode: SignUpMode = input.mode === 'open' || input.mode === 'invite' ? input.mode : 'closed';
  // Refuse early on a closed server, before spending scrypt time (checked again in the transaction).
  if (mode === 'closed' && (await db.selectFrom('users').select('id').where('passwordHash', 'is not', null).limit(1).executeTakeFirst())) {
    throw closed();
  }
  // Hash before the transaction: 100 ms of scrypt should not hold a write lock.
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const hasAccount = await trx.selectFrom('users').select('id').where('passwordHash', 'is not', null).limit(1).executeTakeFirst();
      const first = !hasAccount;
      if (!first && mode === 'closed') throw closed();
      if (!first && mode === 'invite' && !data.invitationToken) {
        throw new AppError('forbidden', 'This server accepts new accounts by invitation only. Open the invitation link you were sent.');
      }
      if (await trx.selectFrom('users').select('id').where('email', '=', data.email).executeTakeFirst()) throw emailTaken();

      const users = await trx.selectFrom('users').select(['id', 'email', 'passwordHash', 'name']).limit(2).execute();
      const local = users.length === 1 && users[0]?.passwordHash === null && users[0].email === null ? users[0] : undefined;
      let userId: string;
      let personalWorkspaceId: string;
      if (local) {
        userId = local.id;
        const profile = { email: data.email, passwordHash, name: data.name, timeZone: data.timeZone, ...(data.dayStartHour === undefined ? {} : { dayStartHour: data.dayStartHour }) };
        // Conditional, so of two first sign-ups racing to claim, the second claims nothing.
        const claimed = await trx.updateTable('users').set(profile).where('id', '=', userId).where('passwordHash', 'is', null).where('email', 'is', null).executeTakeFirst();
        if (claimed.numUpdatedRows !== 1n) throw conflict('Another account was created at the same moment. Try again.');
        const personal = await trx
          .selectFrom('workspaces')
          .innerJoin('members', 'members.workspaceId', 'workspaces.id')
          .select(['workspaces.id', 'workspaces.name'])
          .where('members.userId', '=', userId)
          .where('workspaces.kind', '=', 'personal')
          .executeTakeFirstOrThrow();
        personalWorkspaceId = personal.id;
        // The default name followed the CLI's placeholder ("Me's workspace"); follow the real name.
        if (personal.name === `${local.name}'s workspace`) {
          await trx.updateTable('workspaces').set({ name: `${data.name}'s workspace` }).where('id', '=', personal.id).execute();
        }
      } else {
        const actor = await createUserWithWorkspace(trx, clock, { email: data.email, passwordHash, name: data.name, timeZone: data.timeZone, dayStartHour: data.dayStartHour ?? 0 });
        userId = actor.userId;
        personalWorkspaceId = actor.workspaceId;
      }
      if (first) await trx.updateTable('users').set({ isServerOwner: 1 }).where('id', '=', userId).execute();
      const joined = data.invitationToken ? await redeemInvitation(trx, clock, data.invitationToken, userId) : null;
      return { user: await getUser(trx, userId), personalWorkspaceId, claimed: local !== undefined, joined };
    });
  } catch (error) {
    // Two sign-ups racing with one email, or two first sign-ups racing for server owner.
    if (isUniqueViolation(error)) {
      throw String((error as Error).message).includes('owner') ? conflict('Another account was created at the same moment. Try again.') : emailTaken();
    }
    throw error;
  }
}
