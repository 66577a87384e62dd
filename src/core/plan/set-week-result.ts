import { SetWeekResultSchema, type SetWeekResultInput } from '#contracts/plan.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getWeekPlan, type WeekPlan } from './plan-queries.js';

/** Write what a week actually produced; creates the week's record when it had no plan. */
export async function setWeekResult(ctx: Ctx, input: SetWeekResultInput): Promise<WeekPlan> {
  requireWriter(ctx);
  const data = parseInput(SetWeekResultSchema, input, 'week result');
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('weekPlans')
    .values({ id: newId(), workspaceId: ctx.actor.workspaceId, week: data.week, plan: '', result: data.result, createdAt: now, updatedAt: now })
    .onConflict((oc) => oc.columns(['workspaceId', 'week']).doUpdateSet({ result: data.result, updatedAt: now }))
    .execute();
  return getWeekPlan(ctx, data.week);
}
