import { ConcludeExperimentSchema, type ConcludeExperimentInput } from '#contracts/reflection.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { getExperimentRow, toExperiment, type Experiment } from './experiment-queries.js';

/**
 * Record what the experiment showed and what happens next (scale, iterate or stop). A hypothesis
 * that did not hold is a result like any other: it is written down here, not judged. The update
 * only applies to an experiment without a result, so two people concluding at once cannot
 * overwrite each other.
 */
export async function concludeExperiment(ctx: Ctx, input: ConcludeExperimentInput): Promise<Experiment> {
  requireWriter(ctx);
  const data = parseInput(ConcludeExperimentSchema, input, 'experiment result');
  const before = await getExperimentRow(ctx, data.experimentId);
  const result = await ctx.db
    .updateTable('experiments')
    .set({ status: 'done', result: data.result, decision: data.decision, updatedAt: nowIso(ctx) })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', before.id)
    .where('status', '!=', 'done')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const current = await getExperimentRow(ctx, before.id);
    throw conflict(
      `"${current.title}" already has its result (decision: ${current.decision ?? 'none'}). To keep testing the idea, add a new experiment that builds on it.`,
    );
  }
  return toExperiment(await getExperimentRow(ctx, before.id), today(ctx));
}
