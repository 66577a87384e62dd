import type { Ctx } from '../context.js';

export interface WeekTaskStats {
  planned: number;
  done: number;
  skipped: number;
  carried: number;
  /** Minutes of every task still part of the range (planned, done, skipped): carried originals count on their new day. */
  minutesPlanned: number;
  /** Minutes of done tasks, actual minutes where recorded. */
  minutesDone: number;
}

/** Task counts by status and planned vs done minutes for the days from `start` to `end`. */
export async function weekTaskStats(ctx: Ctx, start: string, end: string): Promise<WeekTaskStats> {
  const rows = await ctx.db
    .selectFrom('tasks')
    .select((eb) => [
      'status',
      eb.fn.countAll().as('n'),
      eb.fn.sum<number | string>('minutes').as('minutes'),
      eb.fn.sum<number | string>(eb.fn.coalesce('actualMinutes', 'minutes')).as('actual'),
    ])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('day', '>=', start)
    .where('day', '<=', end)
    .groupBy('status')
    .execute();
  const stats: WeekTaskStats = { planned: 0, done: 0, skipped: 0, carried: 0, minutesPlanned: 0, minutesDone: 0 };
  for (const row of rows) {
    stats[row.status] = Number(row.n);
    if (row.status !== 'carried') stats.minutesPlanned += Number(row.minutes);
    if (row.status === 'done') stats.minutesDone = Number(row.actual);
  }
  return stats;
}

/** Done and total tasks of each micro-goal (carried originals excluded: their copy is the task). */
export async function taskCountsByMicroGoal(ctx: Ctx, microGoalIds: string[]): Promise<Map<string, { done: number; total: number }>> {
  const counts = new Map<string, { done: number; total: number }>();
  if (microGoalIds.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('tasks')
    .select((eb) => ['microGoalId', 'status', eb.fn.countAll().as('n')])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('microGoalId', 'in', microGoalIds)
    .where('status', '!=', 'carried')
    .groupBy(['microGoalId', 'status'])
    .execute();
  for (const row of rows) {
    if (!row.microGoalId) continue;
    const entry = counts.get(row.microGoalId) ?? { done: 0, total: 0 };
    entry.total += Number(row.n);
    if (row.status === 'done') entry.done += Number(row.n);
    counts.set(row.microGoalId, entry);
  }
  return counts;
}
