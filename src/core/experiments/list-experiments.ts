import { ListExperimentsSchema, type ListExperimentsInput } from '#contracts/reflection.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { toExperiment, variantsOf } from './experiment-queries.js';
import type { ExperimentWithVariants } from './create-experiment.js';

/**
 * Experiments of the workspace: running first (overdue ones on top, they wait for a result),
 * then planned, then done. The status filter uses the status people see, derived from today.
 */
export async function listExperiments(ctx: Ctx, input: ListExperimentsInput = {}): Promise<ExperimentWithVariants[]> {
  const filters = parseInput(ListExperimentsSchema, input, 'experiment filters');
  const day = today(ctx);
  let query = ctx.db.selectFrom('experiments').selectAll().where('workspaceId', '=', ctx.actor.workspaceId);
  if (filters.goalId) query = query.where('goalId', '=', filters.goalId);
  if (filters.status === 'done') query = query.where('status', '=', 'done');
  if (filters.status === 'planned') query = query.where('status', '!=', 'done').where('startDay', '>', day);
  if (filters.status === 'running') query = query.where('status', '!=', 'done').where('startDay', '<=', day);
  const rows = await query.orderBy('endDay').orderBy('createdAt').execute();
  const experiments = rows.map((r) => toExperiment(r, day));
  const variants = await variantsOf(ctx, experiments.map((e) => e.id));
  const order = { running: 0, planned: 1, done: 2 } as const;
  return experiments
    .map((e) => ({ ...e, variants: variants.get(e.id) ?? [] }))
    .sort((a, b) => order[a.status] - order[b.status] || Number(b.overdue) - Number(a.overdue));
}
