import { ExperimentStatsSchema, type ExperimentStatsInput } from '#contracts/insights-stats.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getExperimentRow, variantsOf } from '../experiments/experiment-queries.js';
import { addDays, daysBetween } from '../time/plain-date.js';
import { compareBeforeAfter, compareVariants, type AbStats, type BeforeAfterStats } from './experiment-stats.js';

export interface ExperimentStats {
  experimentId: string;
  title: string;
  /** Variants compared with the first (the control); null for an experiment without variants. */
  variants: AbStats | null;
  /**
   * The metric before vs during the experiment; null without a metric. "Before" is a stretch of
   * the same length as the experiment, just before it starts; "during" runs from its start to its
   * end (or today, while it runs).
   */
  metric: (BeforeAfterStats & { metricId: string; name: string; unit: string; beforeDays: { from: string; to: string }; duringDays: { from: string; to: string } }) | null;
}

/** The statistics of an experiment: its A/B variants and the movement of its metric. */
export async function experimentStats(ctx: Ctx, input: ExperimentStatsInput): Promise<ExperimentStats> {
  const { experimentId } = parseInput(ExperimentStatsSchema, input, 'experiment');
  const ws = ctx.actor.workspaceId;
  const e = await getExperimentRow(ctx, experimentId);
  const variants = (await variantsOf(ctx, [e.id])).get(e.id) ?? [];
  const ab = variants.length > 0 ? compareVariants(variants) : null;
  if (!e.metricId) return { experimentId: e.id, title: e.title, variants: ab, metric: null };

  const metric = await ctx.db.selectFrom('metrics').select(['id', 'name', 'unit', 'direction']).where('workspaceId', '=', ws).where('id', '=', e.metricId).executeTakeFirst();
  if (!metric) return { experimentId: e.id, title: e.title, variants: ab, metric: null };
  const now = today(ctx);
  const duringTo = e.endDay < now ? e.endDay : now;
  const length = daysBetween(e.startDay, e.endDay) + 1;
  const before = { from: addDays(e.startDay, -length), to: addDays(e.startDay, -1) };
  const during = { from: e.startDay, to: duringTo };
  const rows = await ctx.db
    .selectFrom('measurements')
    .select(['day', 'value'])
    .where('workspaceId', '=', ws)
    .where('metricId', '=', metric.id)
    .where('day', '>=', before.from)
    .where('day', '<=', during.to)
    .execute();
  const values = (range: { from: string; to: string }) => rows.filter((r) => r.day >= range.from && r.day <= range.to).map((r) => Number(r.value));
  const stats = compareBeforeAfter(values(before), values(during), metric.direction);
  return {
    experimentId: e.id,
    title: e.title,
    variants: ab,
    metric: { ...stats, metricId: metric.id, name: metric.name, unit: metric.unit, beforeDays: before, duringDays: during },
  };
}
