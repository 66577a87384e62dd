import { CreateExperimentSchema, type CreateExperimentInput } from '#contracts/reflection.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { getGoal, getMetric } from '../goals/goal-queries.js';
import { newId } from '../ids.js';
import { getExperimentRow, toExperiment, variantsOf, type Experiment, type Variant } from './experiment-queries.js';

export interface ExperimentWithVariants extends Experiment {
  variants: Variant[];
}

/**
 * Start (or schedule) an experiment: an assumption, the hypothesis that tests it, a time box and
 * optional A/B variants. It is planned while its start day is ahead and running from then on.
 * A metric given without a goal attaches the experiment to the metric's goal.
 */
export async function createExperiment(ctx: Ctx, input: CreateExperimentInput): Promise<ExperimentWithVariants> {
  requireWriter(ctx);
  const data = parseInput(CreateExperimentSchema, input, 'experiment');
  const startDay = data.startDay ?? today(ctx);
  if (data.endDay < startDay) {
    throw invalid('endDay', `The experiment would end (${data.endDay}) before it starts (${startDay}); give an end day on or after the start.`);
  }
  return inTransaction(ctx, async (trx) => {
    let goalId = data.goalId ?? null;
    const metricId = data.metricId ?? null;
    if (goalId) await getGoal(trx, goalId);
    if (metricId) {
      const metric = await getMetric(trx, metricId);
      if (goalId && metric.goalId !== goalId) {
        throw invalid('metricId', `The metric "${metric.name}" belongs to another goal; pick a metric of this goal or leave the goal out.`);
      }
      goalId = metric.goalId;
    }
    const id = newId();
    const now = nowIso(trx);
    const ws = trx.actor.workspaceId;
    await trx.db
      .insertInto('experiments')
      .values({
        id,
        workspaceId: ws,
        goalId,
        metricId,
        title: data.title,
        assumption: data.assumption,
        hypothesis: data.hypothesis,
        startDay,
        endDay: data.endDay,
        status: startDay > today(trx) ? 'planned' : 'running',
        result: '',
        decision: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    if (data.variants.length > 0) {
      await trx.db
        .insertInto('experimentVariants')
        .values(data.variants.map((name, position) => ({ id: newId(), workspaceId: ws, experimentId: id, name, trials: 0, successes: 0, position })))
        .execute();
    }
    const experiment = toExperiment(await getExperimentRow(trx, id), today(trx));
    return { ...experiment, variants: (await variantsOf(trx, [id])).get(id) ?? [] };
  });
}
