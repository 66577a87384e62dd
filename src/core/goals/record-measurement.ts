import { RecordMeasurementSchema, type RecordMeasurementInput } from '#contracts/goals.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { metricMilestoneWins } from '../insights/milestone-wins.js';
import type { Win } from '../wins/win-queries.js';
import { getMetric, toMeasurement, type Measurement } from './goal-queries.js';

/** A measurement, with the milestone win it earned (its primary metric's target reached) when it earned one. */
export type MeasurementResult = Measurement & { milestones?: Win[] };

/**
 * Record a dated value of a metric (today in the actor's time zone unless a day is given). A value
 * that reaches the primary metric's target earns a milestone win, in the same transaction.
 */
export async function recordMeasurement(ctx: Ctx, input: RecordMeasurementInput): Promise<MeasurementResult> {
  requireWriter(ctx);
  const data = parseInput(RecordMeasurementSchema, input, 'measurement');
  return inTransaction(ctx, async (trx) => {
    const metric = await getMetric(trx, data.metricId);
    const row = {
      id: newId(),
      workspaceId: trx.actor.workspaceId,
      metricId: data.metricId,
      day: data.day ?? today(trx),
      value: data.value,
      note: data.note,
      createdAt: nowIso(trx),
    };
    await trx.db.insertInto('measurements').values(row).execute();
    const milestones = await metricMilestoneWins(trx, metric, data.value);
    return milestones.length > 0 ? { ...toMeasurement(row), milestones } : toMeasurement(row);
  });
}

/** A metric's measurements in day order, optionally within [from, to]. */
export async function listMeasurements(
  ctx: Ctx,
  metricId: string,
  range: { from?: string; to?: string } = {},
): Promise<Measurement[]> {
  let query = ctx.db
    .selectFrom('measurements')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('metricId', '=', metricId);
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  return (await query.orderBy('day').orderBy('createdAt').execute()).map(toMeasurement);
}
