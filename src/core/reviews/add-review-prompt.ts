import { sql } from 'kysely';
import { AddReviewPromptSchema, type AddReviewPromptInput } from '#contracts/reflection.js';
import { requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getGoal } from '../goals/goal-queries.js';
import { newId } from '../ids.js';

export interface ReviewPrompt {
  id: string;
  kind: 'weekly' | 'monthly';
  text: string;
  goalId: string | null;
  position: number;
}

/**
 * Add a question the workspace's weekly or monthly reviews ask after the built-in ones, optionally
 * tied to a goal (asked only while that goal is active). Reviews already started keep their questions.
 */
export async function addReviewPrompt(ctx: Ctx, input: AddReviewPromptInput): Promise<ReviewPrompt> {
  requireWriter(ctx);
  const data = parseInput(AddReviewPromptSchema, input, 'review prompt');
  if (data.goalId) await getGoal(ctx, data.goalId);
  const ws = ctx.actor.workspaceId;
  const id = newId();
  // The position is computed inside the INSERT so concurrent additions never read a stale maximum.
  await ctx.db
    .insertInto('reviewPrompts')
    .values({
      id,
      workspaceId: ws,
      goalId: data.goalId ?? null,
      kind: data.kind,
      text: data.text,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from review_prompts where workspace_id = ${ws} and kind = ${data.kind})`,
    })
    .execute();
  const row = await ctx.db
    .selectFrom('reviewPrompts')
    .select(['id', 'kind', 'text', 'goalId', 'position'])
    .where('workspaceId', '=', ws)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...row, position: Number(row.position) };
}
