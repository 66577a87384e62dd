import { ListWeekSchema, type ListWeekInput } from '#contracts/plan.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { weekEnd, weekStart, type IsoWeek } from '../time/iso-week.js';
import { taskCountsByMicroGoal, weekTaskStats, type WeekTaskStats } from '../tasks/task-stats.js';
import { currentWeek, getWeekPlan, toMicroGoal, type MicroGoal } from './plan-queries.js';
import { overcommitWarnings } from './week-budget.js';

export interface WeekMicroGoal extends MicroGoal {
  /** Tasks of this micro-goal (any day; carried originals excluded): done of total. */
  tasks: { done: number; total: number };
}

export interface WeekGoal {
  goal: { id: string; title: string; status: 'active' | 'paused' | 'done' | 'dropped' };
  microGoals: WeekMicroGoal[];
}

export interface WeekView {
  week: IsoWeek;
  /** Monday and Sunday of the ISO week. */
  start: string;
  end: string;
  plan: string;
  result: string;
  /** Every active goal (even without micro-goals yet), then any other goal with micro-goals this week. */
  goals: WeekGoal[];
  microGoals: { planned: number; done: number; dropped: number };
  tasks: WeekTaskStats;
  /** Over-commit warnings (see week-budget.ts); empty when the week is sensible. */
  warnings: string[];
}

/** The week view: plan and result, micro-goals per goal, and how the week's tasks went. */
export async function listWeek(ctx: Ctx, input: ListWeekInput = {}): Promise<WeekView> {
  const week = parseInput(ListWeekSchema, input, 'week').week ?? currentWeek(ctx);
  const ws = ctx.actor.workspaceId;
  const start = weekStart(week);
  const end = weekEnd(week);
  const micro = (
    await ctx.db.selectFrom('microGoals').selectAll().where('workspaceId', '=', ws).where('week', '=', week).orderBy('position').orderBy('createdAt').orderBy('id').execute()
  ).map(toMicroGoal);
  const goalIds = [...new Set(micro.map((m) => m.goalId))];
  const goals = await ctx.db
    .selectFrom('goals')
    .select(['id', 'title', 'status'])
    .where('workspaceId', '=', ws)
    .where((eb) => (goalIds.length > 0 ? eb.or([eb('status', '=', 'active'), eb('id', 'in', goalIds)]) : eb('status', '=', 'active')))
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const counts = await taskCountsByMicroGoal(ctx, micro.map((m) => m.id));
  const groups: WeekGoal[] = goals
    .map((goal) => ({
      goal,
      microGoals: micro.filter((m) => m.goalId === goal.id).map((m) => ({ ...m, tasks: counts.get(m.id) ?? { done: 0, total: 0 } })),
    }))
    .sort((a, b) => Number(b.goal.status === 'active') - Number(a.goal.status === 'active'));
  const tasks = await weekTaskStats(ctx, start, end);
  const plan = await getWeekPlan(ctx, week);
  const live = (g: WeekGoal) => g.microGoals.filter((m) => m.status !== 'dropped').length;
  return {
    week,
    start,
    end,
    plan: plan.plan,
    result: plan.result,
    goals: groups,
    microGoals: {
      planned: micro.filter((m) => m.status === 'planned').length,
      done: micro.filter((m) => m.status === 'done').length,
      dropped: micro.filter((m) => m.status === 'dropped').length,
    },
    tasks,
    warnings: overcommitWarnings({
      goals: groups.filter((g) => g.goal.status === 'active').map((g) => ({ title: g.goal.title, microGoals: live(g) })),
      taskMinutes: tasks.minutesPlanned,
    }),
  };
}
