import { sql } from 'kysely';
import { AddMicroGoalSchema, type AddMicroGoalInput } from '#contracts/plan.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { currentWeek, getMicroGoal, requireOpenGoal, type MicroGoal } from './plan-queries.js';

/**
 * Add a micro-goal to a goal for an ISO week (default: the actor's current week). It goes last in
 * that week's list. Runs inside the caller's transaction when there is one (playbooks, planWeek).
 */
export async function addMicroGoal(ctx: Ctx, input: AddMicroGoalInput): Promise<MicroGoal> {
  requireWriter(ctx);
  const data = parseInput(AddMicroGoalSchema, input, 'micro-goal');
  await requireOpenGoal(ctx, data.goalId);
  const ws = ctx.actor.workspaceId;
  const week = data.week ?? currentWeek(ctx);
  const id = newId();
  await ctx.db
    .insertInto('microGoals')
    .values({
      id,
      workspaceId: ws,
      goalId: data.goalId,
      week,
      title: data.title,
      status: 'planned',
      result: '',
      // Computed inside the insert: no read-then-write round trip; lists break ties by creation.
      position: (eb) =>
        eb
          .selectFrom('microGoals')
          .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
          .where('workspaceId', '=', ws)
          .where('week', '=', week),
      doneAt: null,
      createdAt: nowIso(ctx),
    })
    .execute();
  return getMicroGoal(ctx, id);
}
