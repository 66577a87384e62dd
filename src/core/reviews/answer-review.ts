import { AnswerReviewSchema, type AnswerReviewInput } from '#contracts/reflection.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { getReviewRow, requireOpen, reviewDetail, type ReviewDetail } from './review-queries.js';

/** Write (or rewrite) answers to an open review's prompts, by prompt position (1 = first question). */
export async function answerReview(ctx: Ctx, input: AnswerReviewInput): Promise<ReviewDetail> {
  requireWriter(ctx);
  const data = parseInput(AnswerReviewSchema, input, 'review answers');
  return inTransaction(ctx, async (trx) => {
    const review = await getReviewRow(trx, data.reviewId);
    requireOpen(review);
    const ws = trx.actor.workspaceId;
    const count = await trx.db
      .selectFrom('reviewAnswers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspaceId', '=', ws)
      .where('reviewId', '=', review.id)
      .executeTakeFirstOrThrow();
    const prompts = Number(count.n);
    const beyond = data.answers.find((a) => a.position > prompts);
    if (beyond) {
      throw invalid('answers', `This review asks ${prompts} questions, so there is no question ${beyond.position}. Answer questions 1 to ${prompts}.`);
    }
    for (const a of data.answers) {
      await trx.db
        .updateTable('reviewAnswers')
        .set({ answer: a.answer })
        .where('workspaceId', '=', ws)
        .where('reviewId', '=', review.id)
        .where('position', '=', a.position)
        .execute();
    }
    return reviewDetail(trx, review.id);
  });
}
