import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';
import { isValidTimeZone } from '../time/local-day.js';

export interface NewUser {
  name: string;
  email?: string | null;
  passwordHash?: string | null;
  timeZone: string;
  dayStartHour?: number;
}

/**
 * Create a user with their personal workspace, owned by them, in one transaction (the caller's, when
 * `db` already is one, so sign-up can add the rest of its work to it).
 */
export async function createUserWithWorkspace(db: Kysely<Database>, clock: Clock, input: NewUser): Promise<Actor> {
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError('validation', `Unknown time zone "${input.timeZone}". Use an IANA name such as Europe/Paris.`);
  }
  const now = clock.now().toISOString();
  const userId = newId();
  const workspaceId = newId();
  const dayStartHour = input.dayStartHour ?? 0;
  const run = <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await run(async (trx) => {
    await trx
      .insertInto('users')
      .values({ id: userId, email: input.email ?? null, name: input.name, passwordHash: input.passwordHash ?? null, timeZone: input.timeZone, dayStartHour, createdAt: now })
      .execute();
    await trx
      .insertInto('workspaces')
      .values({ id: workspaceId, name: `${input.name}'s workspace`, kind: 'personal', focusLimit: 3, conversationTarget: 1, createdAt: now })
      .execute();
    await trx.insertInto('members').values({ workspaceId, userId, role: 'owner', createdAt: now }).execute();
  });
  return { userId, workspaceId, role: 'owner', timeZone: input.timeZone, dayStartHour };
}

/** The actor for a user in one of their workspaces, or null when they are not a member. */
export async function actorFor(db: Kysely<Database>, userId: string, workspaceId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.userId')
    .select(['members.role', 'users.timeZone', 'users.dayStartHour'])
    .where('members.userId', '=', userId)
    .where('members.workspaceId', '=', workspaceId)
    .executeTakeFirst();
  return row ? { userId, workspaceId, role: row.role, timeZone: row.timeZone, dayStartHour: row.dayStartHour } : null;
}

/**
 * The owner of the local database: the first user and their personal workspace, created on the
 * first run with the machine's time zone. The local CLI always acts as this person.
 */
export async function localOwner(db: Kysely<Database>, clock: Clock, defaults: { timeZone: string; name?: string }): Promise<Actor> {
  const row = await db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspaceId')
    .innerJoin('users', 'users.id', 'members.userId')
    .select(['members.userId', 'members.workspaceId', 'users.timeZone', 'users.dayStartHour'])
    .where('workspaces.kind', '=', 'personal')
    .where('members.role', '=', 'owner')
    .orderBy('users.createdAt')
    .limit(1)
    .executeTakeFirst();
  if (row) return { userId: row.userId, workspaceId: row.workspaceId, role: 'owner', timeZone: row.timeZone, dayStartHour: row.dayStartHour };
  return createUserWithWorkspace(db, clock, { name: defaults.name ?? 'Me', timeZone: defaults.timeZone });
}
