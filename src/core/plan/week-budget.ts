/**
 * When is a week over-committed? Two rules, both warnings only (the plan is still saved):
 *
 * - More than 3 live micro-goals (planned or done, not dropped) for one active goal in one week.
 *   A micro-goal is a result you can finish within the week; past three, a goal's week is spread
 *   so thin that none of them gets finished. Pick the one to three that move its metric most.
 * - More than 600 minutes (10 hours) of tasks for the week, counting every task that is still
 *   part of the week (planned, done or skipped; a carried task counts once, on its new day).
 *   Tasks are 15–60 minute steps taken beside the rest of a life: about two hours on five days
 *   is already a full week of them. Beyond that, plans slip and carried-over tasks pile up.
 */
export const MICRO_GOALS_PER_GOAL_LIMIT = 3;
export const WEEKLY_TASK_MINUTES_BUDGET = 600;

export interface WeekLoad {
  /** Live micro-goals of each active goal this week. */
  goals: Array<{ title: string; microGoals: number }>;
  /** Minutes of the week's tasks, carried originals excluded. */
  taskMinutes: number;
}

/** The over-commit warnings of a week, in words a person can act on; empty when the week is sensible. */
export function overcommitWarnings(load: WeekLoad): string[] {
  const warnings: string[] = [];
  for (const goal of load.goals) {
    if (goal.microGoals > MICRO_GOALS_PER_GOAL_LIMIT) {
      warnings.push(
        `"${goal.title}" has ${goal.microGoals} micro-goals this week; more than ${MICRO_GOALS_PER_GOAL_LIMIT} spreads the week thin. Keep the ones that move its metric and drop the rest.`,
      );
    }
  }
  if (load.taskMinutes > WEEKLY_TASK_MINUTES_BUDGET) {
    const hours = (n: number) => `${Math.round((n / 60) * 10) / 10} h`;
    warnings.push(
      `This week holds ${hours(load.taskMinutes)} of tasks, over a budget of ${hours(WEEKLY_TASK_MINUTES_BUDGET)}. Move some tasks to next week or drop the least useful ones.`,
    );
  }
  return warnings;
}
