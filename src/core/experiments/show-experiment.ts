import { today, type Ctx } from '../context.js';
import { listFeedback } from '../feedback/list-feedback.js';
import type { Feedback } from '../feedback/feedback-queries.js';
import { getExperimentRow, toExperiment, variantsOf } from './experiment-queries.js';
import type { ExperimentWithVariants } from './create-experiment.js';

export interface ExperimentDetail extends ExperimentWithVariants {
  goal: { id: string; title: string } | null;
  metric: { id: string; name: string; unit: string } | null;
  /** The variant with the best success rate, once every variant has trials. */
  leader: string | null;
  feedback: Feedback[];
  lessons: Array<{ id: string; title: string; day: string }>;
}

/** An experiment with its variants and rates, its goal and metric, and the feedback and lessons linked to it. */
export async function showExperiment(ctx: Ctx, experimentId: string): Promise<ExperimentDetail> {
  const ws = ctx.actor.workspaceId;
  const experiment = toExperiment(await getExperimentRow(ctx, experimentId), today(ctx));
  const variants = (await variantsOf(ctx, [experiment.id])).get(experiment.id) ?? [];
  const goal = experiment.goalId
    ? ((await ctx.db.selectFrom('goals').select(['id', 'title']).where('workspaceId', '=', ws).where('id', '=', experiment.goalId).executeTakeFirst()) ?? null)
    : null;
  const metric = experiment.metricId
    ? ((await ctx.db.selectFrom('metrics').select(['id', 'name', 'unit']).where('workspaceId', '=', ws).where('id', '=', experiment.metricId).executeTakeFirst()) ?? null)
    : null;
  const lessons = await ctx.db
    .selectFrom('lessonLinks')
    .innerJoin('lessons', 'lessons.id', 'lessonLinks.lessonId')
    .select(['lessons.id', 'lessons.title', 'lessons.day'])
    .where('lessonLinks.workspaceId', '=', ws)
    .where('lessonLinks.targetType', '=', 'experiment')
    .where('lessonLinks.targetId', '=', experiment.id)
    .orderBy('lessons.day')
    .execute();
  return {
    ...experiment,
    variants,
    goal,
    metric,
    leader: leaderOf(variants),
    feedback: await listFeedback(ctx, { experimentId: experiment.id }),
    lessons,
  };
}

function leaderOf(variants: ExperimentWithVariants['variants']): string | null {
  if (variants.length < 2 || variants.some((v) => v.rate === null)) return null;
  const sorted = [...variants].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0));
  // A tie has no leader.
  return sorted[0]!.rate === sorted[1]!.rate ? null : sorted[0]!.name;
}
