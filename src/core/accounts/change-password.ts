import type { Kysely } from 'kysely';
import { ChangePasswordSchema, type ChangePasswordInput } from '#contracts/accounts.js';
import type { Database } from '#db/schema.js';
import { AppError, invalid, notFound, parseInput } from '../errors.js';
import type { Clock } from '../time/clock.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Change one's password, proving the current one first.
 *
 * - `endOtherSessions` (default true) revokes every session but `currentSessionId`: a password is
 *   usually changed because it may have leaked, and a thief's session must not outlive it.
 * - API tokens are kept unless `revokeApiTokens` is true: they are separate credentials, created
 *   and revoked one by one for scripts, and a password change silently breaking them would surprise.
 *
 * A wrong current password is a validation error on `currentPassword` (not unauthenticated, which
 * a client would read as "your session ended").
 */
export async function changePassword(
  db: Kysely<Database>,
  clock: Clock,
  input: ChangePasswordInput & { userId: string; currentSessionId?: string | null },
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const data = parseInput(ChangePasswordSchema, input, 'password change');
  const user = await db.selectFrom('users').select(['id', 'passwordHash']).where('id', '=', input.userId).executeTakeFirst();
  if (!user) throw notFound('user', input.userId);
  if (!user.passwordHash) throw new AppError('forbidden', 'This account has no password to change; sign up to set one.');
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    throw invalid('currentPassword', 'The current password is wrong. Type the password you log in with now.');
  }
  if (data.newPassword === data.currentPassword) throw invalid('newPassword', 'The new password is the same as the current one. Choose a different one.');
  const passwordHash = await hashPassword(data.newPassword);
  const now = clock.now().toISOString();
  return db.transaction().execute(async (trx) => {
    // Only if nobody changed it meanwhile: two racing changes must not both win with different secrets.
    const updated = await trx.updateTable('users').set({ passwordHash }).where('id', '=', user.id).where('passwordHash', '=', user.passwordHash).executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new AppError('conflict', 'The password was changed at the same moment elsewhere. Log in again and retry.');
    let sessionsEnded = 0;
    if (data.endOtherSessions) {
      let q = trx.updateTable('sessions').set({ revokedAt: now }).where('userId', '=', user.id).where('revokedAt', 'is', null);
      if (input.currentSessionId) q = q.where('id', '!=', input.currentSessionId);
      sessionsEnded = Number((await q.executeTakeFirst()).numUpdatedRows);
    }
    let tokensRevoked = 0;
    if (data.revokeApiTokens) {
      const r = await trx.updateTable('apiTokens').set({ revokedAt: now }).where('userId', '=', user.id).where('revokedAt', 'is', null).executeTakeFirst();
      tokensRevoked = Number(r.numUpdatedRows);
    }
    return { sessionsEnded, tokensRevoked };
  });
}
