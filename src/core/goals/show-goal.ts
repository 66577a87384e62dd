import type { Ctx } from '../context.js';
import { getGoal, toMeasurement, toMetric, type Goal, type Measurement, type Metric } from './goal-queries.js';

export interface GoalDetail {
  goal: Goal;
  metrics: Array<Metric & { latest: Measurement | null }>;
  microGoals: Array<{ id: string; week: string; title: string; status: string }>;
}

/** A goal with its metrics (primary first, each with its latest value) and its micro-goals. */
export async function showGoal(ctx: Ctx, goalId: string): Promise<GoalDetail> {
  const goal = await getGoal(ctx, goalId);
  const ws = ctx.actor.workspaceId;
  const metrics = (
    await ctx.db.selectFrom('metrics').selectAll().where('workspaceId', '=', ws).where('goalId', '=', goalId).orderBy('createdAt').execute()
  ).map(toMetric);
  const latest = new Map<string, Measurement>();
  for (const m of metrics) {
    const row = await ctx.db
      .selectFrom('measurements')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('metricId', '=', m.id)
      .orderBy('day', 'desc')
      .orderBy('createdAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) latest.set(m.id, toMeasurement(row));
  }
  const microGoals = await ctx.db
    .selectFrom('microGoals')
    .select(['id', 'week', 'title', 'status'])
    .where('workspaceId', '=', ws)
    .where('goalId', '=', goalId)
    .orderBy('week')
    .orderBy('position')
    .execute();
  return {
    goal,
    metrics: metrics
      .sort((a, b) => Number(b.primary) - Number(a.primary))
      .map((m) => ({ ...m, latest: latest.get(m.id) ?? null })),
    microGoals,
  };
}
