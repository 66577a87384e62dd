import type { Ctx } from '../context.js';
import { toGoal, toMetric, type Goal, type Metric } from './goal-queries.js';

export interface GoalSummary extends Goal {
  primaryMetric: Metric | null;
}

/** Goals of the workspace, active first, each with its primary metric. */
export async function listGoals(ctx: Ctx, options: { status?: Goal['status'] | 'all' } = {}): Promise<GoalSummary[]> {
  let query = ctx.db.selectFrom('goals').selectAll().where('workspaceId', '=', ctx.actor.workspaceId);
  if (options.status && options.status !== 'all') query = query.where('status', '=', options.status);
  const goals = (await query.orderBy('createdAt').orderBy('id').execute()).map(toGoal);
  if (goals.length === 0) return [];
  const primaries = await ctx.db
    .selectFrom('metrics')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('isPrimary', '=', 1)
    .where('goalId', 'in', goals.map((g) => g.id))
    .execute();
  const byGoal = new Map(primaries.map((m) => [m.goalId, toMetric(m)]));
  const order = { active: 0, paused: 1, done: 2, dropped: 3 } as const;
  return goals
    .map((g) => ({ ...g, primaryMetric: byGoal.get(g.id) ?? null }))
    .sort((a, b) => order[a.status] - order[b.status]);
}
