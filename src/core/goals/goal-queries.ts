import type { Selectable } from 'kysely';
import type { GoalTable, MeasurementTable, MetricTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

export interface Goal {
  id: string;
  title: string;
  purpose: string;
  leveragePoint: string;
  status: GoalTable['status'];
  targetDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Metric {
  id: string;
  goalId: string;
  name: string;
  unit: string;
  direction: 'up' | 'down';
  indicator: 'leading' | 'lagging';
  primary: boolean;
  baseline: number | null;
  target: number | null;
  targetDate: string | null;
  createdAt: string;
}

export interface Measurement {
  id: string;
  metricId: string;
  day: string;
  value: number;
  note: string;
  createdAt: string;
}

export function toGoal(row: Selectable<GoalTable>): Goal {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    leveragePoint: row.leveragePoint,
    status: row.status,
    targetDate: row.targetDate,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toMetric(row: Selectable<MetricTable>): Metric {
  return {
    id: row.id,
    goalId: row.goalId,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    indicator: row.indicator,
    primary: row.isPrimary === 1,
    baseline: row.baseline,
    target: row.target,
    targetDate: row.targetDate,
    createdAt: row.createdAt,
  };
}

export function toMeasurement(row: Selectable<MeasurementTable>): Measurement {
  return { id: row.id, metricId: row.metricId, day: row.day, value: row.value, note: row.note, createdAt: row.createdAt };
}

export async function getGoal(ctx: Ctx, goalId: string): Promise<Goal> {
  const row = await ctx.db
    .selectFrom('goals')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', goalId)
    .executeTakeFirst();
  if (!row) throw notFound('goal', goalId);
  return toGoal(row);
}

export async function getMetric(ctx: Ctx, metricId: string): Promise<Metric> {
  const row = await ctx.db
    .selectFrom('metrics')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', metricId)
    .executeTakeFirst();
  if (!row) throw notFound('metric', metricId);
  return toMetric(row);
}

export async function countActiveGoals(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom('goals')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function focusLimit(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom('workspaces')
    .select('focusLimit')
    .where('id', '=', ctx.actor.workspaceId)
    .executeTakeFirstOrThrow();
  return row.focusLimit;
}
