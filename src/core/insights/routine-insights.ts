import { RoutineScoresSchema, RoutineStreaksSchema, type RoutineScoresInput, type RoutineStreaksInput } from '#contracts/insights.js';
import { today, type Ctx } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { routineProgress, type DailyScore, type RoutineProgress } from './routine-progress.js';
import type { Streak } from './streaks.js';

/*
 * The only files of insights/ that read the database: they load one routine's history and hand
 * it to the pure rules in routine-progress.ts.
 */

async function loadProgress(ctx: Ctx, routineId: string, until?: string): Promise<{ id: string; name: string; progress: RoutineProgress }> {
  const ws = ctx.actor.workspaceId;
  const routine = await ctx.db.selectFrom('routines').selectAll().where('workspaceId', '=', ws).where('id', '=', routineId).executeTakeFirst();
  if (!routine) throw notFound('routine', routineId);
  const [checkIns, pauses] = await Promise.all([
    ctx.db.selectFrom('checkIns').select(['day', 'status', 'value']).where('workspaceId', '=', ws).where('routineId', '=', routineId).execute(),
    ctx.db.selectFrom('routinePauses').select(['startDay', 'endDay']).where('workspaceId', '=', ws).where('routineId', '=', routineId).execute(),
  ]);
  const progress = routineProgress(routine, checkIns, pauses, { today: today(ctx), until });
  return { id: routine.id, name: routine.name, progress };
}

/** A score rounded to the 4 decimals Loop shows and exports. */
export const roundScore = (score: number): number => Math.round(score * 10_000) / 10_000;

export interface RoutineScores {
  routineId: string;
  name: string;
  /** One entry per day from `from` (default: the routine's first day) to `to` (default: today). */
  series: DailyScore[];
}

/** A routine's daily strength scores (Loop's algorithm), rounded to 4 decimals. */
export async function routineScores(ctx: Ctx, input: RoutineScoresInput): Promise<RoutineScores> {
  const data = parseInput(RoutineScoresSchema, input, 'score range');
  const { id, name, progress } = await loadProgress(ctx, data.routineId, data.to);
  const to = data.to ?? progress.today;
  const series = progress.series
    .filter((d) => (!data.from || d.date >= data.from) && d.date <= to)
    .map((d) => ({ date: d.date, score: roundScore(d.score) }));
  return { routineId: id, name, series };
}

export interface RoutineStreaks {
  routineId: string;
  name: string;
  current: number;
  best: number;
  /** Every streak up to today, newest first. */
  streaks: Streak[];
}

/** A routine's current and best streak and every streak it has had. */
export async function routineStreaks(ctx: Ctx, input: RoutineStreaksInput): Promise<RoutineStreaks> {
  const data = parseInput(RoutineStreaksSchema, input, 'routine');
  const { id, name, progress } = await loadProgress(ctx, data.routineId);
  return { routineId: id, name, current: progress.currentStreak, best: progress.bestStreak, streaks: progress.streaks };
}
