import type { Ctx } from '../context.js';
import { reviewDetail, resolveReviewRef, type ReviewDetail } from './review-queries.js';

/** A review with its summary, answers and decisions; `ref` is its id, id prefix or period. */
export async function showReview(ctx: Ctx, ref: { reviewId: string } | { ref: string }): Promise<ReviewDetail> {
  const reviewId = 'reviewId' in ref ? ref.reviewId : await resolveReviewRef(ctx, ref.ref);
  return reviewDetail(ctx, reviewId);
}
