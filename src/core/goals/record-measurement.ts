import { RecordMeasurementSchema, type RecordMeasurementInput } from '#contracts/goals.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getMetric, toMeasurement, type Measurement } from './goal-queries.js';

/** Record a dated value of a metric (today in the actor's time zone unless a day is given). */
export async function recordMeasurement(ctx: Ctx, input: RecordMeasurementInput): Promise<Measurement> {
  requireWriter(ctx);
  const data = parseInput(RecordMeasurementSchema, input, 'measurement');
  await getMetric(ctx, data.metricId);
  const row = {
    id: newId(),
    workspaceId: ctx.actor.workspaceId,
    metricId: data.metricId,
    day: data.day ?? today(ctx),
    value: data.value,
    note: data.note,
    createdAt: nowIso(ctx),
  };
  await ctx.db.insertInto('measurements').values(row).execute();
  return toMeasurement(row);
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
