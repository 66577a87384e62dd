import { ListReviewsSchema, type ListReviewsInput } from '#contracts/reflection.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';

export interface ReviewListItem {
  id: string;
  kind: 'weekly' | 'monthly';
  period: string;
  status: 'open' | 'done';
  startedAt: string;
  completedAt: string | null;
  prompts: number;
  answered: number;
  decisions: number;
}

/** The actor's reviews, most recently started first, with how far each got. */
export async function listReviews(ctx: Ctx, input: ListReviewsInput = {}): Promise<ReviewListItem[]> {
  const f = parseInput(ListReviewsSchema, input, 'review filters');
  const ws = ctx.actor.workspaceId;
  let query = ctx.db
    .selectFrom('reviews')
    .select((eb) => [
      'reviews.id',
      'reviews.kind',
      'reviews.period',
      'reviews.status',
      'reviews.startedAt',
      'reviews.completedAt',
      eb.selectFrom('reviewAnswers').select(eb.fn.countAll().as('n')).whereRef('reviewAnswers.reviewId', '=', 'reviews.id').as('prompts'),
      eb
        .selectFrom('reviewAnswers')
        .select(eb.fn.countAll().as('n'))
        .whereRef('reviewAnswers.reviewId', '=', 'reviews.id')
        .where('reviewAnswers.answer', '!=', '')
        .as('answered'),
      eb.selectFrom('reviewDecisions').select(eb.fn.countAll().as('n')).whereRef('reviewDecisions.reviewId', '=', 'reviews.id').as('decisions'),
    ])
    .where('reviews.workspaceId', '=', ws)
    .where('reviews.userId', '=', ctx.actor.userId);
  if (f.kind) query = query.where('reviews.kind', '=', f.kind);
  const rows = await query.orderBy('reviews.startedAt', 'desc').orderBy('reviews.period', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, prompts: Number(r.prompts), answered: Number(r.answered), decisions: Number(r.decisions) }));
}
