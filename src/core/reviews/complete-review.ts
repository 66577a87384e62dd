import { IdSchema } from '#contracts/common.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getReviewRow, reviewDetail, type ReviewDetail } from './review-queries.js';

/**
 * Complete a review: its summary, answers and decisions are kept as they are from now on.
 * Completing a completed review changes nothing (the first completion time stays).
 */
export async function completeReview(ctx: Ctx, input: { reviewId: string }): Promise<ReviewDetail> {
  requireWriter(ctx);
  const reviewId = parseInput(IdSchema, input.reviewId, 'review id');
  const review = await getReviewRow(ctx, reviewId);
  await ctx.db
    .updateTable('reviews')
    .set({ status: 'done', completedAt: nowIso(ctx) })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', review.id)
    .where('status', '=', 'open')
    .execute();
  return reviewDetail(ctx, review.id);
}
