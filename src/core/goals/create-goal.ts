import { CreateGoalSchema, type CreateGoalInput } from '#contracts/goals.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { countActiveGoals, focusLimit, getGoal, type Goal } from './goal-queries.js';

export interface GoalWithWarning {
  goal: Goal;
  /** Set when the workspace now has more active goals than its focus limit. */
  warning: string | null;
}

export function focusWarning(active: number, limit: number): string | null {
  return active > limit
    ? `You now have ${active} active goals and your focus limit is ${limit}. Pause or finish one to keep your focus.`
    : null;
}

/** Create a goal; warns (without refusing) when it takes the workspace past its focus limit. */
export async function createGoal(ctx: Ctx, input: CreateGoalInput): Promise<GoalWithWarning> {
  requireWriter(ctx);
  const data = parseInput(CreateGoalSchema, input, 'goal');
  return inTransaction(ctx, async (trx) => {
    const now = nowIso(trx);
    const id = newId();
    await trx.db
      .insertInto('goals')
      .values({
        id,
        workspaceId: trx.actor.workspaceId,
        title: data.title,
        purpose: data.purpose,
        leveragePoint: data.leveragePoint,
        status: data.status,
        targetDate: data.targetDate ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const goal = await getGoal(trx, id);
    const warning = goal.status === 'active' ? focusWarning(await countActiveGoals(trx), await focusLimit(trx)) : null;
    return { goal, warning };
  });
}
