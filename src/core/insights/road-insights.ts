import { GoalRoadSchema, type GoalRoadInput } from '#contracts/insights-stats.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getGoal, toMetric, type Metric } from '../goals/goal-queries.js';
import { localDay } from '../time/local-day.js';
import { metricRoad, type MetricRoad } from './metric-road.js';

export interface GoalRoad extends MetricRoad {
  goalId: string;
  metric: Pick<Metric, 'id' | 'name' | 'unit' | 'direction' | 'baseline' | 'target'> & { targetDate: string | null };
  today: string;
}

/**
 * The road of a goal's primary metric: the line from its start to the target by the target date
 * (the metric's, else the goal's), where the latest value stands, and the forecast. Null when the
 * goal has no primary metric yet.
 */
export async function goalRoad(ctx: Ctx, input: GoalRoadInput): Promise<GoalRoad | null> {
  const { goalId } = parseInput(GoalRoadSchema, input, 'goal');
  const ws = ctx.actor.workspaceId;
  const goal = await getGoal(ctx, goalId);
  const row = await ctx.db.selectFrom('metrics').selectAll().where('workspaceId', '=', ws).where('goalId', '=', goal.id).where('isPrimary', '=', 1).executeTakeFirst();
  if (!row) return null;
  const metric = toMetric(row);
  const measurements = await ctx.db
    .selectFrom('measurements')
    .select(['day', 'value'])
    .where('workspaceId', '=', ws)
    .where('metricId', '=', metric.id)
    .orderBy('day')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const targetDate = metric.targetDate ?? goal.targetDate;
  const now = today(ctx);
  const road = metricRoad(
    { direction: metric.direction, baseline: metric.baseline, target: metric.target, targetDate, createdDay: localDay(new Date(metric.createdAt), ctx.actor) },
    measurements.map((m) => ({ day: m.day, value: Number(m.value) })),
    now,
  );
  const { id, name, unit, direction, baseline, target } = metric;
  return { goalId: goal.id, metric: { id, name, unit, direction, baseline, target, targetDate }, today: now, ...road };
}
