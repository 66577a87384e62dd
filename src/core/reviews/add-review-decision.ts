import { sql } from 'kysely';
import { AddReviewDecisionSchema, type AddReviewDecisionInput } from '#contracts/reflection.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getReviewRow, requireOpen, type ReviewDecision } from './review-queries.js';

const DECISION = /^\s*(keep|change|drop)\s*[:\-–—]\s*(.+?)\s*$/is;

/** Read a decision written as "keep: …", "change: …" or "drop: …". */
export function parseDecision(line: string): { verdict: 'keep' | 'change' | 'drop'; text: string } {
  const m = DECISION.exec(line);
  if (!m) {
    throw new AppError('validation', `"${line.trim()}" is not a decision. Write it as "keep: …", "change: …" or "drop: …".`, [
      { path: 'decision', message: 'must start with keep:, change: or drop:' },
    ]);
  }
  return { verdict: m[1]!.toLowerCase() as 'keep' | 'change' | 'drop', text: m[2]! };
}

/** Record what the review decided to keep doing, change or drop. */
export async function addReviewDecision(ctx: Ctx, input: AddReviewDecisionInput): Promise<ReviewDecision> {
  requireWriter(ctx);
  const data = parseInput(AddReviewDecisionSchema, input, 'review decision');
  const review = await getReviewRow(ctx, data.reviewId);
  requireOpen(review);
  const ws = ctx.actor.workspaceId;
  const row = { id: newId(), workspaceId: ws, reviewId: review.id, verdict: data.verdict, text: data.text, createdAt: nowIso(ctx) };
  // Numbered inside the INSERT: decisions made in the same instant still read back in order.
  await ctx.db
    .insertInto('reviewDecisions')
    .values({ ...row, position: sql<number>`(select coalesce(max(position), 0) + 1 from review_decisions where review_id = ${review.id})` })
    .execute();
  return { id: row.id, verdict: row.verdict, text: row.text, createdAt: row.createdAt };
}
