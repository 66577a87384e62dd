import type { Selectable } from 'kysely';
import type { MicroGoalTable, WeekPlanTable } from '#db/schema.js';
import { today, type Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { isoWeekOf, type IsoWeek } from '../time/iso-week.js';

export interface MicroGoal {
  id: string;
  goalId: string;
  week: IsoWeek;
  title: string;
  status: MicroGoalTable['status'];
  result: string;
  position: number;
  doneAt: string | null;
  createdAt: string;
  /** The member doing it (team workspaces); null while unassigned. */
  assigneeId: string | null;
  assignedById: string | null;
}

export interface WeekPlan {
  week: IsoWeek;
  plan: string;
  result: string;
  updatedAt: string | null;
}

export function toMicroGoal(row: Selectable<MicroGoalTable>): MicroGoal {
  return {
    id: row.id,
    goalId: row.goalId,
    week: row.week,
    title: row.title,
    status: row.status,
    result: row.result,
    position: row.position,
    doneAt: row.doneAt,
    createdAt: row.createdAt,
    assigneeId: row.assigneeId,
    assignedById: row.assignedById,
  };
}

/** The ISO week the actor is living in now (their time zone and start-of-day hour applied). */
export function currentWeek(ctx: Ctx): IsoWeek {
  return isoWeekOf(today(ctx));
}

export async function getMicroGoal(ctx: Ctx, microGoalId: string): Promise<MicroGoal> {
  const row = await ctx.db
    .selectFrom('microGoals')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', microGoalId)
    .executeTakeFirst();
  if (!row) throw notFound('micro-goal', microGoalId);
  return toMicroGoal(row);
}

/** The week's plan and result; empty texts when nothing was written for that week yet. */
export async function getWeekPlan(ctx: Ctx, week: IsoWeek): Promise<WeekPlan> {
  const row = await ctx.db
    .selectFrom('weekPlans')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('week', '=', week)
    .executeTakeFirst();
  return row ? toWeekPlan(row) : { week, plan: '', result: '', updatedAt: null };
}

function toWeekPlan(row: Selectable<WeekPlanTable>): WeekPlan {
  return { week: row.week, plan: row.plan, result: row.result, updatedAt: row.updatedAt };
}

/**
 * A goal that can take new micro-goals: it must exist in this workspace and still be open.
 * Finished or dropped goals are refused so a week is never planned against a closed goal.
 */
export async function requireOpenGoal(ctx: Ctx, goalId: string): Promise<{ id: string; title: string }> {
  const goal = await ctx.db
    .selectFrom('goals')
    .select(['id', 'title', 'status'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', goalId)
    .executeTakeFirst();
  if (!goal) throw notFound('goal', goalId);
  if (goal.status === 'done' || goal.status === 'dropped') {
    throw conflict(`The goal "${goal.title}" is ${goal.status}; make it active again (smallwins goal update … --status active) before planning micro-goals for it.`);
  }
  return goal;
}
