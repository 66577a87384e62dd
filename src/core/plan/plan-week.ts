import { PlanWeekSchema, type PlanWeekInput } from '#contracts/plan.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { addMicroGoal } from './add-micro-goal.js';
import { listWeek, type WeekView } from './list-week.js';
import { currentWeek, type MicroGoal } from './plan-queries.js';

export interface PlannedWeek {
  /** The micro-goals this call added. */
  created: MicroGoal[];
  /** The whole week after planning, with its over-commit warnings. */
  view: WeekView;
}

/**
 * Plan a week: write its plan text (kept as it is when none is given) and add several micro-goals,
 * all in one transaction — one unknown or closed goal and nothing is written. An over-committed
 * week is saved anyway and comes back with warnings (see week-budget.ts).
 */
export async function planWeek(ctx: Ctx, input: PlanWeekInput): Promise<PlannedWeek> {
  requireWriter(ctx);
  const data = parseInput(PlanWeekSchema, input, 'week plan');
  const week = data.week ?? currentWeek(ctx);
  return inTransaction(ctx, async (trx) => {
    const now = nowIso(trx);
    const insert = trx.db
      .insertInto('weekPlans')
      .values({ id: newId(), workspaceId: trx.actor.workspaceId, week, plan: data.plan ?? '', result: '', createdAt: now, updatedAt: now });
    await (data.plan === undefined
      ? insert.onConflict((oc) => oc.columns(['workspaceId', 'week']).doNothing())
      : insert.onConflict((oc) => oc.columns(['workspaceId', 'week']).doUpdateSet({ plan: data.plan ?? '', updatedAt: now }))
    ).execute();
    const created: MicroGoal[] = [];
    for (const mg of data.microGoals) created.push(await addMicroGoal(trx, { goalId: mg.goalId, title: mg.title, week }));
    return { created, view: await listWeek(trx, { week }) };
  });
}
