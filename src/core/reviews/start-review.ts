import { StartReviewSchema, type StartReviewInput } from '#contracts/reflection.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { promptsForReview } from './list-review-prompts.js';
import { resolvePeriod } from './review-period.js';
import { reviewDetail, type ReviewDetail } from './review-queries.js';
import { reviewSummary } from './review-summary.js';

export interface StartedReview extends ReviewDetail {
  /** True when the review already existed (it is resumed, with its answers kept). */
  resumed: boolean;
}

/**
 * Open the actor's weekly or monthly review of a period (the current week or month by default).
 * One review per person, kind and period: starting it again returns the same review, with its
 * summary refreshed while it is still open and left untouched once it is completed. The prompts
 * are copied onto the review when it is created, so later prompt changes never rewrite it.
 */
export async function startReview(ctx: Ctx, input: StartReviewInput): Promise<StartedReview> {
  requireWriter(ctx);
  const data = parseInput(StartReviewSchema, input, 'review');
  const period = resolvePeriod(data.kind, data.period, today(ctx));
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    const existing = await trx.db
      .selectFrom('reviews')
      .select(['id', 'status'])
      .where('workspaceId', '=', ws)
      .where('userId', '=', trx.actor.userId)
      .where('kind', '=', data.kind)
      .where('period', '=', period)
      .executeTakeFirst();
    if (existing?.status === 'done') return { ...(await reviewDetail(trx, existing.id)), resumed: true };

    const summary = JSON.stringify(await reviewSummary(trx, { kind: data.kind, period }));
    if (existing) {
      await trx.db.updateTable('reviews').set({ summary }).where('workspaceId', '=', ws).where('id', '=', existing.id).execute();
      return { ...(await reviewDetail(trx, existing.id)), resumed: true };
    }

    const id = newId();
    const inserted = await trx.db
      .insertInto('reviews')
      .values({ id, workspaceId: ws, userId: trx.actor.userId, kind: data.kind, period, status: 'open', summary, startedAt: nowIso(trx), completedAt: null })
      .onConflict((oc) => oc.columns(['workspaceId', 'userId', 'kind', 'period']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      // Someone started the same review a moment ago: theirs is the one.
      const winner = await trx.db
        .selectFrom('reviews')
        .select('id')
        .where('workspaceId', '=', ws)
        .where('userId', '=', trx.actor.userId)
        .where('kind', '=', data.kind)
        .where('period', '=', period)
        .executeTakeFirstOrThrow();
      return { ...(await reviewDetail(trx, winner.id)), resumed: true };
    }
    const prompts = await promptsForReview(trx, data.kind);
    await trx.db
      .insertInto('reviewAnswers')
      .values(prompts.map((prompt, i) => ({ id: newId(), workspaceId: ws, reviewId: id, position: i + 1, prompt, answer: '' })))
      .execute();
    return { ...(await reviewDetail(trx, id)), resumed: false };
  });
}
