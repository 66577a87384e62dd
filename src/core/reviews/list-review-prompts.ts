import { ReviewKindSchema, type ReviewKind } from '#contracts/reflection.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import type { ReviewPrompt } from './add-review-prompt.js';
import { DEFAULT_PROMPTS } from './default-prompts.js';

/** The workspace's own review prompts, weekly then monthly, in the order they are asked. */
export async function listReviewPrompts(ctx: Ctx, input: { kind?: ReviewKind } = {}): Promise<ReviewPrompt[]> {
  const kind = input.kind === undefined ? undefined : parseInput(ReviewKindSchema, input.kind, 'review kind');
  let query = ctx.db
    .selectFrom('reviewPrompts')
    .select(['id', 'kind', 'text', 'goalId', 'position'])
    .where('workspaceId', '=', ctx.actor.workspaceId);
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.orderBy('kind', 'desc').orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ ...r, position: Number(r.position) }));
}

/**
 * The questions a new review of this kind asks: the built-in ones, then the workspace's own,
 * leaving out prompts tied to a goal that is no longer active.
 */
export async function promptsForReview(ctx: Ctx, kind: ReviewKind): Promise<string[]> {
  const own = await ctx.db
    .selectFrom('reviewPrompts')
    .leftJoin('goals', 'goals.id', 'reviewPrompts.goalId')
    .select(['reviewPrompts.text'])
    .where('reviewPrompts.workspaceId', '=', ctx.actor.workspaceId)
    .where('reviewPrompts.kind', '=', kind)
    .where((eb) => eb.or([eb('reviewPrompts.goalId', 'is', null), eb('goals.status', '=', 'active')]))
    .orderBy('reviewPrompts.position')
    .orderBy('reviewPrompts.id')
    .execute();
  return [...DEFAULT_PROMPTS[kind], ...own.map((p) => p.text)];
}
