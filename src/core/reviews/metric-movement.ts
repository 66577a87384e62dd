import type { Ctx } from '../context.js';
import type { PeriodRange } from './review-period.js';

export interface MetricMovement {
  goalId: string;
  goal: string;
  metricId: string;
  metric: string;
  unit: string;
  direction: 'up' | 'down';
  /** Measurements recorded inside the period. */
  measurements: number;
  first: { day: string; value: number } | null;
  last: { day: string; value: number } | null;
  /** last − first, or null with fewer than one measurement. */
  change: number | null;
  /** Whether the change went the metric's good way; null when it did not move. */
  improved: boolean | null;
}

/** For each active goal, how its primary metric moved between the first and last measurement of the period. */
export async function metricMovement(ctx: Ctx, range: PeriodRange): Promise<MetricMovement[]> {
  const ws = ctx.actor.workspaceId;
  const primaries = await ctx.db
    .selectFrom('goals')
    .innerJoin('metrics', 'metrics.goalId', 'goals.id')
    .select(['goals.id as goalId', 'goals.title as goal', 'metrics.id as metricId', 'metrics.name as metric', 'metrics.unit', 'metrics.direction'])
    .where('goals.workspaceId', '=', ws)
    .where('goals.status', '=', 'active')
    .where('metrics.isPrimary', '=', 1)
    .orderBy('goals.createdAt')
    .execute();
  if (primaries.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('measurements')
    .select(['metricId', 'day', 'value'])
    .where('workspaceId', '=', ws)
    .where('metricId', 'in', primaries.map((p) => p.metricId))
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return primaries.map((p) => {
    const mine = rows.filter((r) => r.metricId === p.metricId);
    const first = mine[0] ? { day: mine[0].day, value: Number(mine[0].value) } : null;
    const lastRow = mine[mine.length - 1];
    const last = lastRow ? { day: lastRow.day, value: Number(lastRow.value) } : null;
    const change = first && last ? round(last.value - first.value) : null;
    const improved = change === null || change === 0 ? null : p.direction === 'up' ? change > 0 : change < 0;
    return { ...p, measurements: mine.length, first, last, change, improved };
  });
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
