import { RecordVariantCountsSchema, type RecordVariantCountsInput } from '#contracts/reflection.js';
import { requireWriter, type Ctx } from '../context.js';
import { AppError, conflict, parseInput } from '../errors.js';
import { getExperimentRow, toVariant, type Variant } from './experiment-queries.js';

/**
 * Add trials and successes to a variant of a running experiment. One UPDATE does the increment
 * (`trials = trials + n`) and checks that successes stay within trials in its WHERE clause, so
 * concurrent counts from several devices add up exactly and can never break the invariant.
 */
export async function recordVariantCounts(ctx: Ctx, input: RecordVariantCountsInput): Promise<Variant> {
  requireWriter(ctx);
  const data = parseInput(RecordVariantCountsSchema, input, 'variant counts');
  const ws = ctx.actor.workspaceId;
  const experiment = await getExperimentRow(ctx, data.experimentId);
  const name = data.variant.toLowerCase();

  const updated = await ctx.db
    .updateTable('experimentVariants')
    .set((eb) => ({ trials: eb('trials', '+', data.trials), successes: eb('successes', '+', data.successes) }))
    .where('workspaceId', '=', ws)
    .where('experimentId', '=', experiment.id)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name))
    .where((eb) => eb(eb('successes', '+', data.successes), '<=', eb('trials', '+', data.trials)))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('experiments')
          .select('experiments.id')
          .where('experiments.id', '=', experiment.id)
          .where('experiments.workspaceId', '=', ws)
          .where('experiments.status', '!=', 'done'),
      ),
    )
    .returning(['id', 'name', 'trials', 'successes'])
    .executeTakeFirst();
  if (updated) return toVariant(updated);
  throw await whyNotCounted(ctx, experiment.id, experiment.title, data);
}

/** Nothing was updated: say which rule stopped it, in words the user can act on. */
async function whyNotCounted(
  ctx: Ctx,
  experimentId: string,
  title: string,
  data: { variant: string; trials: number; successes: number },
): Promise<AppError> {
  const current = await getExperimentRow(ctx, experimentId);
  if (current.status === 'done') {
    return conflict(`"${title}" already has its result, so its counts are final. Start a new experiment to keep testing.`);
  }
  const variants = await ctx.db
    .selectFrom('experimentVariants')
    .select(['id', 'name', 'trials', 'successes'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('experimentId', '=', experimentId)
    .orderBy('position')
    .execute();
  const variant = variants.find((v) => v.name.toLowerCase() === data.variant.toLowerCase());
  if (!variant) {
    const known = variants.length > 0 ? `Its variants are: ${variants.map((v) => v.name).join(', ')}.` : 'It has no variants: variants are named when an experiment is created.';
    return new AppError('not_found', `"${title}" has no variant "${data.variant}". ${known}`);
  }
  const v = toVariant(variant);
  return new AppError(
    'validation',
    `That would give ${variant.name} ${v.successes + data.successes} successes out of ${v.trials + data.trials} trials; successes can't exceed trials. Record the trials as well.`,
    [{ path: 'successes', message: 'successes would exceed trials' }],
  );
}
