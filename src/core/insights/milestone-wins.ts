import type { Selectable } from 'kysely';
import type { RoutineTable } from '#db/schema.js';
import { today, type Ctx } from '../context.js';
import type { Metric } from '../goals/goal-queries.js';
import { createAutoWin } from '../wins/create-auto-win.js';
import type { Win } from '../wins/win-queries.js';
import { metricTargetMilestone, routineMilestones, type Milestone } from './milestones.js';
import { routineProgress, type CheckInShape, type PauseShape } from './routine-progress.js';

/*
 * Milestones turned into wins, inside the caller's transaction (a check-in or a measurement), so
 * the win exists exactly when the action that earned it does.
 */

/** A routine's whole history as it was before a check-in. */
export interface RoutineHistory {
  row: Selectable<RoutineTable>;
  checkIns: Array<CheckInShape>;
  pauses: PauseShape[];
}

/** Read a routine's row, check-ins and pauses (call it before changing a check-in). */
export async function routineHistory(ctx: Ctx, routineId: string): Promise<RoutineHistory> {
  const ws = ctx.actor.workspaceId;
  const [row, checkIns, pauses] = await Promise.all([
    ctx.db.selectFrom('routines').selectAll().where('workspaceId', '=', ws).where('id', '=', routineId).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('checkIns').select(['day', 'status', 'value']).where('workspaceId', '=', ws).where('routineId', '=', routineId).execute(),
    ctx.db.selectFrom('routinePauses').select(['startDay', 'endDay']).where('workspaceId', '=', ws).where('routineId', '=', routineId).execute(),
  ]);
  return { row, checkIns: checkIns.map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) })), pauses };
}

async function celebrate(ctx: Ctx, milestones: readonly Milestone[]): Promise<Win[]> {
  const wins: Win[] = [];
  for (const m of milestones) {
    const win = await createAutoWin(ctx, { source: 'milestone', sourceId: m.key, title: m.title });
    if (win) wins.push(win);
  }
  return wins;
}

/** The wins a check-in earned (a new best streak, a strength threshold), given the history before it. */
export async function routineMilestoneWins(ctx: Ctx, before: RoutineHistory, checkIn: CheckInShape): Promise<Win[]> {
  const options = { today: today(ctx) };
  const previous = routineProgress(before.row, before.checkIns, before.pauses, options);
  const after = routineProgress(before.row, [...before.checkIns.filter((c) => c.day !== checkIn.day), checkIn], before.pauses, options);
  return celebrate(ctx, routineMilestones(before.row, previous, after, checkIn.day));
}

/** The win a measurement earned by reaching its primary metric's target. */
export async function metricMilestoneWins(ctx: Ctx, metric: Metric, value: number): Promise<Win[]> {
  const milestone = metricTargetMilestone(metric, value);
  return milestone ? celebrate(ctx, [milestone]) : [];
}
