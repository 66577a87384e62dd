import { UpdateGoalSchema, type UpdateGoalInput } from '#contracts/goals.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { focusWarning, type GoalWithWarning } from './create-goal.js';
import { countActiveGoals, focusLimit, getGoal } from './goal-queries.js';

/** Change a goal's fields or status; re-checks the focus limit when a goal becomes active. */
export async function updateGoal(ctx: Ctx, input: UpdateGoalInput): Promise<GoalWithWarning> {
  requireWriter(ctx);
  const { goalId, ...changes } = parseInput(UpdateGoalSchema, input, 'goal change');
  return inTransaction(ctx, async (trx) => {
    const before = await getGoal(trx, goalId);
    await trx.db
      .updateTable('goals')
      .set({ ...changes, updatedAt: nowIso(trx) })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', goalId)
      .execute();
    const goal = await getGoal(trx, goalId);
    const activated = goal.status === 'active' && before.status !== 'active';
    const warning = activated ? focusWarning(await countActiveGoals(trx), await focusLimit(trx)) : null;
    return { goal, warning };
  });
}
