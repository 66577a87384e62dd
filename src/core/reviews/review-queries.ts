import type { Selectable } from 'kysely';
import type { ReviewTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { AppError, conflict, notFound } from '../errors.js';
import { isPeriod } from './review-period.js';
import type { ReviewSummary } from './review-summary.js';

export interface Review {
  id: string;
  kind: ReviewTable['kind'];
  period: string;
  status: ReviewTable['status'];
  startedAt: string;
  completedAt: string | null;
  summary: ReviewSummary | null;
}

export interface ReviewAnswer {
  position: number;
  prompt: string;
  answer: string;
}

export interface ReviewDecision {
  id: string;
  verdict: 'keep' | 'change' | 'drop';
  text: string;
  createdAt: string;
}

export interface ReviewDetail extends Review {
  answers: ReviewAnswer[];
  decisions: ReviewDecision[];
}

export function toReview(row: Selectable<ReviewTable>): Review {
  const parsed = JSON.parse(row.summary || '{}') as Partial<ReviewSummary>;
  return {
    id: row.id,
    kind: row.kind,
    period: row.period,
    status: row.status,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    summary: parsed.period ? (parsed as ReviewSummary) : null,
  };
}

/** A review of the acting person (reviews are personal, even in a team workspace). */
export async function getReviewRow(ctx: Ctx, reviewId: string): Promise<Selectable<ReviewTable>> {
  const row = await ctx.db
    .selectFrom('reviews')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId)
    .where('id', '=', reviewId)
    .executeTakeFirst();
  if (!row) throw notFound('review', reviewId);
  return row;
}

/** Refuse changes to a completed review: what was written then stays as written. */
export function requireOpen(row: Selectable<ReviewTable>): void {
  if (row.status === 'done') {
    throw conflict(`Your ${row.kind} review of ${row.period} was completed on ${row.completedAt?.slice(0, 10) ?? 'an earlier day'}; it is kept as written. Carry new thoughts into the next review.`);
  }
}

export async function reviewDetail(ctx: Ctx, reviewId: string): Promise<ReviewDetail> {
  const review = toReview(await getReviewRow(ctx, reviewId));
  const ws = ctx.actor.workspaceId;
  const answers = await ctx.db
    .selectFrom('reviewAnswers')
    .select(['position', 'prompt', 'answer'])
    .where('workspaceId', '=', ws)
    .where('reviewId', '=', reviewId)
    .orderBy('position')
    .execute();
  const decisions = await ctx.db
    .selectFrom('reviewDecisions')
    .select(['id', 'verdict', 'text', 'createdAt'])
    .where('workspaceId', '=', ws)
    .where('reviewId', '=', reviewId)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
  return { ...review, answers, decisions };
}

/**
 * Find the actor's review that `ref` means: a period ("2026-W47" is a weekly review, "2026-11" a
 * monthly one), a full id, or a unique id prefix of 4+ characters.
 */
export async function resolveReviewRef(ctx: Ctx, ref: string): Promise<string> {
  const value = ref.trim();
  if (!value) throw new AppError('validation', 'Say which review: give its period (2026-W47 or 2026-11) or its id.');
  const base = () =>
    ctx.db.selectFrom('reviews').select('id').where('workspaceId', '=', ctx.actor.workspaceId).where('userId', '=', ctx.actor.userId);
  const week = value.toUpperCase();
  const kind = isPeriod('weekly', week) ? 'weekly' : isPeriod('monthly', value) ? 'monthly' : null;
  if (kind) {
    const row = await base().where('kind', '=', kind).where('period', '=', kind === 'weekly' ? week : value).executeTakeFirst();
    if (row) return row.id;
    throw new AppError('not_found', `You have no ${kind} review of ${kind === 'weekly' ? week : value} yet. Start it first, or list your reviews to see which exist.`);
  }
  const exact = await base().where('id', '=', value).executeTakeFirst();
  if (exact) return exact.id;
  if (value.length >= 4 && /^[0-9a-z]+$/.test(value)) {
    const rows = await base().where('id', 'like', `${value}%`).limit(2).execute();
    if (rows.length === 1) return rows[0]!.id;
    if (rows.length > 1) throw conflict(`"${value}" is the start of several review ids; type more of it.`);
  }
  throw notFound('review', value);
}
