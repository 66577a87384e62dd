import type { Kysely, Selectable } from 'kysely';
import { CreateApiTokenSchema, RevokeApiTokenSchema, type CreateApiTokenInput } from '#contracts/accounts.js';
import type { ApiTokenTable, Database } from '#db/schema.js';
import { prepared } from '#db/prepared.js';
import type { Executor } from '../context.js';
import { invalid, notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';
import { DAY_MS, addMs, randomSecret, sha256Hex } from './secrets.js';
import { memberRole, membershipOf, type Membership } from './membership.js';
import { toPublicUser, type PublicUser } from './users.js';

/** Every token starts with this, so leaked ones are easy to grep for and secret scanners can match them. */
export const API_TOKEN_PREFIX = 'sw_';
/** last_used_at is written at most this often. */
export const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

/** A token as it may be shown after creation: never the token or its hash. */
export type ApiTokenInfo = Omit<Selectable<ApiTokenTable>, 'tokenHash'>;

function toInfo(row: Selectable<ApiTokenTable>): ApiTokenInfo {
  const { tokenHash: _hash, ...info } = row;
  return info;
}

/**
 * Create a personal API token for scripts. The token (`sw_` + 256 random bits) is returned once and
 * only its SHA-256 is kept, so a database leak gives no usable tokens.
 */
export async function createApiToken(
  db: Kysely<Database>,
  clock: Clock,
  input: CreateApiTokenInput & { userId: string },
): Promise<{ token: string; record: ApiTokenInfo }> {
  const data = parseInput(CreateApiTokenSchema, input, 'API token');
  const now = clock.now();
  let expiresAt: string | null = null;
  if (data.expiresInDays !== undefined) expiresAt = addMs(now, data.expiresInDays * DAY_MS);
  if (data.expiresAt !== undefined) {
    const at = new Date(data.expiresAt);
    if (at.getTime() <= now.getTime()) throw invalid('expiresAt', 'must be in the future');
    expiresAt = at.toISOString();
  }
  const token = API_TOKEN_PREFIX + randomSecret();
  const row: Selectable<ApiTokenTable> = {
    id: newId(),
    userId: input.userId,
    name: data.name,
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, 10),
    createdAt: now.toISOString(),
    lastUsedAt: null,
    expiresAt,
    revokedAt: null,
  };
  await db.insertInto('apiTokens').values(row).execute();
  return { token, record: toInfo(row) };
}

/** A person's tokens that are not revoked (expired ones included, to show why a script stopped). */
export async function listApiTokens(db: Executor, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db
    .selectFrom('apiTokens')
    .select(['id', 'userId', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'])
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows;
}

/** Revoke one of one's own tokens at once; another person's token id is not_found. */
export async function revokeApiToken(db: Executor, clock: Clock, input: { userId: string; tokenId: string }): Promise<void> {
  const { tokenId } = parseInput(RevokeApiTokenSchema, input, 'API token');
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: clock.now().toISOString() })
    .where('id', '=', tokenId)
    .where('userId', '=', input.userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('API token', tokenId);
}

/** The token and its person (and their role in a workspace) in one statement: this runs on every API request. */
function tokenQuery(db: Executor, hash: string, workspaceId: string | undefined) {
  return db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .selectAll('users')
    .select([
      'apiTokens.id as tokenId',
      'apiTokens.name as tokenName',
      'apiTokens.prefix',
      'apiTokens.createdAt as tokenCreatedAt',
      'apiTokens.lastUsedAt',
      'apiTokens.expiresAt',
      'apiTokens.revokedAt',
    ])
    .select(memberRole(workspaceId))
    .where('apiTokens.tokenHash', '=', hash);
}
const tokenAlone = prepared('token', (db, hash: string) => tokenQuery(db, hash, undefined));
const tokenWithRole = prepared('token and role', (db, hash: string, workspaceId: string) => tokenQuery(db, hash, workspaceId));

/**
 * The person behind a bearer token, or null when it is unknown, revoked or expired. Given a
 * workspace, their role in it comes along (null: not a member), read in the same statement.
 */
export async function authenticateToken(
  db: Executor,
  clock: Clock,
  token: string,
  options: { workspaceId?: string } = {},
): Promise<{ user: PublicUser; token: ApiTokenInfo; membership?: Membership | null } | null> {
  if (typeof token !== 'string' || !token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  // The token and its person in one statement: this runs on every API request.
  const hash = sha256Hex(token);
  const [found] = options.workspaceId === undefined ? await tokenAlone(db, hash) : await tokenWithRole(db, hash, options.workspaceId);
  const now = clock.now();
  if (!found || found.revokedAt !== null || (found.expiresAt !== null && Date.parse(found.expiresAt) <= now.getTime())) return null;
  const { tokenId, tokenName, prefix, tokenCreatedAt, lastUsedAt, expiresAt, revokedAt, memberRole: role, ...user } = found;
  const info: ApiTokenInfo = { id: tokenId, userId: user.id, name: tokenName, prefix, createdAt: tokenCreatedAt, lastUsedAt, expiresAt, revokedAt };
  if (info.lastUsedAt === null || now.getTime() - Date.parse(info.lastUsedAt) >= TOKEN_TOUCH_INTERVAL_MS) {
    info.lastUsedAt = now.toISOString();
    await db.updateTable('apiTokens').set({ lastUsedAt: info.lastUsedAt }).where('id', '=', info.id).execute();
  }
  return { user: toPublicUser(user), token: info, ...membershipOf(options.workspaceId, role) };
}
