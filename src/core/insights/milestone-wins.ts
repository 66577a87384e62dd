import type { Ctx } from '../context.js';
import type { Metric } from '../goals/goal-queries.js';
import { createAutoWin } from '../wins/create-auto-win.js';
import type { Win } from '../wins/win-queries.js';
import { metricTargetMilestone, type Milestone } from './milestones.js';

/*
 * Milestones turned into wins, inside the caller's transaction (a check-in or a measurement), so
 * the win exists exactly when the action that earned it does. A check-in's milestones are worked
 * out by check-in-milestones.ts.
 */

/** The wins of milestones, each made once (a milestone earned again makes no second win). */
export async function milestoneWins(ctx: Ctx, milestones: readonly Milestone[]): Promise<Win[]> {
  const wins: Win[] = [];
  for (const m of milestones) {
    const win = await createAutoWin(ctx, { source: 'milestone', sourceId: m.key, title: m.title });
    if (win) wins.push(win);
  }
  return wins;
}

/** The win a measurement earned by reaching its primary metric's target. */
export async function metricMilestoneWins(ctx: Ctx, metric: Metric, value: number): Promise<Win[]> {
  const milestone = metricTargetMilestone(metric, value);
  return milestone ? milestoneWins(ctx, [milestone]) : [];
}
