import type { Kysely, Selectable } from 'kysely';
import { LoginSchema, RevokeSessionSchema, type LoginInput } from '#contracts/accounts.js';
import type { Database, SessionTable } from '#db/schema.js';
import { prepared } from '#db/prepared.js';
import type { Executor } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import type { Clock } from '../time/clock.js';
import { verifyAgainstNothing, verifyPassword } from './passwords.js';
import { memberRole, membershipOf, type Membership } from './membership.js';
import { DAY_MS, addMs, randomSecret, sha256Hex } from './secrets.js';
import { toPublicUser, type PublicUser } from './users.js';

/** A session unused for this long ends (OWASP: idle timeouts bound a stolen cookie's life). */
export const SESSION_IDLE_TIMEOUT_MS = 14 * DAY_MS;
/** A session ends this long after login, however active: the person logs in again. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
/** last_seen_at is written at most this often, so every request does not become a write. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

const MAX_SECRET_LENGTH = 200;

/** A session as it may be shown. The id is the hash of the secret, safe to show its owner. */
export interface SessionInfo {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** When the session ends if unused: the earlier of idle and absolute expiry. */
  idleExpiresAt: string;
  userAgent: string;
  ip: string;
}

function toSessionInfo(row: Omit<Selectable<SessionTable>, 'revokedAt'>): SessionInfo {
  const idle = addMs(new Date(row.lastSeenAt), SESSION_IDLE_TIMEOUT_MS);
  return {
    id: row.id,
    userId: row.userId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    idleExpiresAt: idle < row.expiresAt ? idle : row.expiresAt,
    userAgent: row.userAgent,
    ip: row.ip,
  };
}

function isLive(row: { lastSeenAt: string; expiresAt: string; revokedAt: string | null }, now: Date): boolean {
  const t = now.getTime();
  return row.revokedAt === null && Date.parse(row.expiresAt) > t && Date.parse(row.lastSeenAt) + SESSION_IDLE_TIMEOUT_MS > t;
}

const wrongCredentials = (): AppError => new AppError('unauthenticated', 'Wrong email or password.');

/**
 * Check the password and open a new session. Every login mints a new random secret and id, so a
 * session id planted before login (fixation) never becomes an authenticated one. An unknown email
 * costs the same scrypt time as a wrong password, and both give the same answer.
 */
export async function login(
  db: Kysely<Database>,
  clock: Clock,
  input: LoginInput & { userAgent?: string | null; ip?: string | null },
): Promise<{ secret: string; session: SessionInfo; user: PublicUser }> {
  const data = parseInput(LoginSchema, input, 'login');
  const user = await db.selectFrom('users').selectAll().where('email', '=', data.email).executeTakeFirst();
  const ok = user?.passwordHash ? await verifyPassword(data.password, user.passwordHash) : await verifyAgainstNothing(data.password);
  if (!ok || !user) throw wrongCredentials();
  const now = clock.now();
  const secret = randomSecret();
  const row = {
    id: sha256Hex(secret),
    userId: user.id,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: addMs(now, SESSION_ABSOLUTE_LIFETIME_MS),
    revokedAt: null,
    userAgent: (input.userAgent ?? '').slice(0, 512),
    ip: (input.ip ?? '').slice(0, 64),
  };
  await db.insertInto('sessions').values(row).execute();
  return { secret, session: toSessionInfo(row), user: toPublicUser(user) };
}

/** The session and its person (and their role in a workspace) in one statement: this runs on every request of the web app. */
function sessionQuery(db: Executor, hash: string, workspaceId: string | undefined) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select([
      'sessions.id as sessionId',
      'sessions.createdAt as sessionCreatedAt',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'sessions.revokedAt',
      'sessions.userAgent',
      'sessions.ip',
    ])
    .select(memberRole(workspaceId))
    .where('sessions.id', '=', hash);
}
const sessionAlone = prepared('session', (db, hash: string) => sessionQuery(db, hash, undefined));
const sessionWithRole = prepared('session and role', (db, hash: string, workspaceId: string) => sessionQuery(db, hash, workspaceId));

/**
 * The person behind a session cookie, or null when the secret is unknown, revoked, idle for too long
 * or past its absolute lifetime. Activity is recorded at most once a minute.
 */
export async function authenticateSession(
  db: Executor,
  clock: Clock,
  secret: string,
  options: { workspaceId?: string } = {},
): Promise<{ user: PublicUser; session: SessionInfo; membership?: Membership | null } | null> {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) return null;
  const hash = sha256Hex(secret);
  const [row] = options.workspaceId === undefined ? await sessionAlone(db, hash) : await sessionWithRole(db, hash, options.workspaceId);
  const now = clock.now();
  if (!row || !isLive(row, now)) return null;
  let lastSeenAt = row.lastSeenAt;
  if (now.getTime() - Date.parse(row.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS) {
    lastSeenAt = now.toISOString();
    await db.updateTable('sessions').set({ lastSeenAt }).where('id', '=', row.sessionId).where('lastSeenAt', '<', lastSeenAt).execute();
  }
  const { sessionId, sessionCreatedAt, lastSeenAt: _l, expiresAt, revokedAt: _r, userAgent, ip, memberRole: role, ...user } = row;
  return {
    user: toPublicUser(user),
    session: toSessionInfo({ id: sessionId, userId: user.id, createdAt: sessionCreatedAt, lastSeenAt, expiresAt, userAgent, ip }),
    ...membershipOf(options.workspaceId, role),
  };
}

/** End the session of this secret; true when there was a live one. */
export async function logout(db: Executor, clock: Clock, secret: string): Promise<boolean> {
  if (typeof secret !== 'string' || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) return false;
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: clock.now().toISOString() })
    .where('id', '=', sha256Hex(secret))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * A person's open sessions, newest activity first, so they can spot one they do not recognise.
 * Without a clock, every unrevoked session is listed; with one, expired ones are left out too.
 */
export async function listSessions(db: Executor, userId: string, clock?: Clock): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('lastSeenAt', 'desc')
    .orderBy('id')
    .execute();
  const now = clock?.now();
  return rows.filter((r) => !now || isLive(r, now)).map(toSessionInfo);
}

/** Log out one of one's own sessions (a lost laptop); another person's session is not_found. */
export async function revokeSession(db: Executor, clock: Clock, input: { userId: string; sessionId: string }): Promise<void> {
  const { sessionId } = parseInput(RevokeSessionSchema, input, 'session');
  const result = await db
    .updateTable('sessions')
    .set({ revokedAt: clock.now().toISOString() })
    .where('id', '=', sessionId)
    .where('userId', '=', input.userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('session', sessionId);
}

/** Delete sessions that ended long enough ago to be of no more interest; returns how many. */
export async function pruneSessions(db: Executor, clock: Clock): Promise<number> {
  const now = clock.now();
  const idleCutoff = addMs(now, -SESSION_IDLE_TIMEOUT_MS);
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', now.toISOString()), eb('lastSeenAt', '<=', idleCutoff), eb('revokedAt', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
