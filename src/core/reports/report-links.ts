import type { Selectable } from 'kysely';
import { CreateReportLinkSchema, type CreateReportLinkInput } from '#contracts/reports.js';
import type { ReportLinkTable } from '#db/schema.js';
import { randomSecret, sha256Hex, addMs, DAY_MS } from '../accounts/secrets.js';
import { requireWriter, type Ctx, type Executor } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';

/** The two kinds of secret link, by table: a read-only weekly report, and the calendar feed. */
export type LinkKind = 'reportShares' | 'calendarFeeds';

const WHAT: Record<LinkKind, string> = { reportShares: 'share link', calendarFeeds: 'calendar feed' };

/** Where each kind of link is served, below the app's origin (see server/public-links.ts). */
export function linkPath(kind: LinkKind, token: string): string {
  return kind === 'reportShares' ? `/share/${token}` : `/calendar/${token}.ics`;
}

/** A link as it may be shown after creation: never its token or the token's hash. */
export interface LinkInfo {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** Whether the link opens today (a revoked link is gone from lists altogether). */
  status: 'active' | 'expired';
}

function toInfo(row: Pick<Selectable<ReportLinkTable>, 'id' | 'createdAt' | 'expiresAt' | 'lastUsedAt'>, now: Date): LinkInfo {
  const expired = row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime();
  return { id: row.id, createdAt: row.createdAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, status: expired ? 'expired' : 'active' };
}

/**
 * Make a secret link for the actor in their workspace. The token (256 random bits, base64url) is
 * returned once, with the path it opens; only its SHA-256 is kept, so a database leak opens nothing.
 */
export async function createLink(ctx: Ctx, kind: LinkKind, input: CreateReportLinkInput = {}): Promise<{ link: LinkInfo; token: string; path: string }> {
  requireWriter(ctx);
  const data = parseInput(CreateReportLinkSchema, input, WHAT[kind]);
  const now = ctx.clock.now();
  const token = randomSecret();
  const row = {
    id: newId(),
    workspaceId: ctx.actor.workspaceId,
    userId: ctx.actor.userId,
    tokenHash: sha256Hex(token),
    createdAt: now.toISOString(),
    expiresAt: data.expiresInDays === undefined ? null : addMs(now, data.expiresInDays * DAY_MS),
    revokedAt: null,
    lastUsedAt: null,
  };
  await ctx.db.insertInto(kind).values(row).execute();
  return { link: toInfo(row, now), token, path: linkPath(kind, token) };
}

/** The actor's links of a kind in this workspace that are not revoked, oldest first (expired ones say so). */
export async function listLinks(ctx: Ctx, kind: LinkKind): Promise<LinkInfo[]> {
  const rows = await ctx.db
    .selectFrom(kind)
    .select(['id', 'createdAt', 'expiresAt', 'lastUsedAt'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const now = ctx.clock.now();
  return rows.map((r) => toInfo(r, now));
}

/** Revoke one of the actor's own links at once; anyone else's link is not_found. */
export async function revokeLink(ctx: Ctx, kind: LinkKind, id: string): Promise<void> {
  requireWriter(ctx);
  const result = await ctx.db
    .updateTable(kind)
    .set({ revokedAt: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound(WHAT[kind], id);
}

/** last_used_at is written at most this often. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/**
 * Who a token opens a link for: the person and the workspace, or null when the token is unknown,
 * revoked or expired. Records the use (at most once a minute).
 */
export async function openLink(db: Executor, clock: Clock, kind: LinkKind, token: string): Promise<{ userId: string; workspaceId: string } | null> {
  // Tokens are 43 characters; anything far from that cannot be one and costs no query.
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null;
  const row = await db.selectFrom(kind).selectAll().where('tokenHash', '=', sha256Hex(token)).executeTakeFirst();
  const now = clock.now();
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && Date.parse(row.expiresAt) <= now.getTime())) return null;
  if (row.lastUsedAt === null || now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_INTERVAL_MS) {
    await db.updateTable(kind).set({ lastUsedAt: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { userId: row.userId, workspaceId: row.workspaceId };
}
