import type { Selectable } from 'kysely';
import { UpdateProfileSchema, type UpdateProfileInput } from '#contracts/accounts.js';
import type { UserTable } from '#db/schema.js';
import type { Executor } from '../context.js';
import { invalid, notFound, parseInput } from '../errors.js';
import { isValidTimeZone } from '../time/local-day.js';

/** A person as the transports may show them: never the password hash. */
export interface PublicUser {
  id: string;
  email: string | null;
  name: string;
  timeZone: string;
  dayStartHour: number;
  isServerOwner: boolean;
  hasPassword: boolean;
  createdAt: string;
}

/** Map a user row to what may leave the core; the hash only becomes "has a password". */
export function toPublicUser(row: Selectable<UserTable>): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    timeZone: row.timeZone,
    dayStartHour: row.dayStartHour,
    isServerOwner: row.isServerOwner === 1,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
  };
}

/** Emails are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** One person by id; not_found when the account is gone (deleted while a session lived). */
export async function getUser(db: Executor, userId: string): Promise<PublicUser> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('user', userId);
  return toPublicUser(row);
}

/** Throw a field error when the time zone is not one the runtime knows. */
export function requireTimeZone(timeZone: string, path = 'timeZone'): void {
  if (!isValidTimeZone(timeZone)) {
    throw invalid(path, `Unknown time zone "${timeZone}". Use an IANA name such as Europe/Paris or America/New_York.`);
  }
}

/**
 * Change one's own name, time zone or start-of-day hour. These shape how the person's days are cut
 * in every workspace, so they live on the user, not on a membership.
 */
export async function updateProfile(db: Executor, input: UpdateProfileInput & { userId: string }): Promise<PublicUser> {
  const data = parseInput(UpdateProfileSchema, input, 'profile');
  if (data.timeZone !== undefined) requireTimeZone(data.timeZone);
  const changes: Partial<Pick<UserTable, 'name' | 'timeZone' | 'dayStartHour'>> = {};
  if (data.name !== undefined) changes.name = data.name;
  if (data.timeZone !== undefined) changes.timeZone = data.timeZone;
  if (data.dayStartHour !== undefined) changes.dayStartHour = data.dayStartHour;
  if (Object.keys(changes).length > 0) await db.updateTable('users').set(changes).where('id', '=', input.userId).execute();
  return getUser(db, input.userId);
}
