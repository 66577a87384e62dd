import { DropMicroGoalSchema, type DropMicroGoalInput } from '#contracts/plan.js';
import { requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { getMicroGoal, toMicroGoal, type MicroGoal } from './plan-queries.js';

/**
 * Drop a micro-goal that no longer makes sense this week; the reason is kept as its result. Its
 * tasks stay as they are. A done micro-goal cannot be dropped: its win already happened.
 */
export async function dropMicroGoal(ctx: Ctx, input: DropMicroGoalInput): Promise<MicroGoal> {
  requireWriter(ctx);
  const data = parseInput(DropMicroGoalSchema, input, 'micro-goal');
  const updated = await ctx.db
    .updateTable('microGoals')
    .set({ status: 'dropped', ...(data.reason !== undefined ? { result: data.reason } : {}) })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', data.microGoalId)
    .where('status', '!=', 'done')
    .returningAll()
    .executeTakeFirst();
  if (updated) return toMicroGoal(updated);
  const current = await getMicroGoal(ctx, data.microGoalId);
  throw conflict(`"${current.title}" is already done, so it cannot be dropped.`);
}
