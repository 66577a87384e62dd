import { AddMetricSchema, type AddMetricInput } from '#contracts/goals.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getGoal, getMetric, type Metric } from './goal-queries.js';

/**
 * Add a metric to a goal. A goal's first metric is its primary one; adding another with
 * `primary: true` makes it the new primary and demotes the old one, in one transaction, so a goal
 * always has exactly one metric that matters.
 */
export async function addMetric(ctx: Ctx, input: AddMetricInput): Promise<Metric> {
  requireWriter(ctx);
  const data = parseInput(AddMetricSchema, input, 'metric');
  return inTransaction(ctx, async (trx) => {
    await getGoal(trx, data.goalId);
    const existing = await trx.db
      .selectFrom('metrics')
      .select(['id', 'isPrimary'])
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('goalId', '=', data.goalId)
      .execute();
    const primary = data.primary || existing.length === 0;
    if (primary) {
      await trx.db
        .updateTable('metrics')
        .set({ isPrimary: 0 })
        .where('workspaceId', '=', trx.actor.workspaceId)
        .where('goalId', '=', data.goalId)
        .execute();
    }
    const id = newId();
    await trx.db
      .insertInto('metrics')
      .values({
        id,
        workspaceId: trx.actor.workspaceId,
        goalId: data.goalId,
        name: data.name,
        unit: data.unit,
        direction: data.direction,
        indicator: data.indicator,
        isPrimary: primary ? 1 : 0,
        baseline: data.baseline ?? null,
        target: data.target ?? null,
        targetDate: data.targetDate ?? null,
        createdAt: nowIso(trx),
      })
      .execute();
    return getMetric(trx, id);
  });
}

/** Make an existing metric the goal's primary one. */
export async function setPrimaryMetric(ctx: Ctx, metricId: string): Promise<Metric> {
  requireWriter(ctx);
  return inTransaction(ctx, async (trx) => {
    const metric = await getMetric(trx, metricId);
    await trx.db
      .updateTable('metrics')
      .set({ isPrimary: 0 })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('goalId', '=', metric.goalId)
      .execute();
    await trx.db
      .updateTable('metrics')
      .set({ isPrimary: 1 })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', metricId)
      .execute();
    return getMetric(trx, metricId);
  });
}
