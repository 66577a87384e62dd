import { RoutinesDueSchema, type RoutinesDueInput } from '#contracts/systems.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { dayStates, keepsPromise, lookBackFrom } from './day-states.js';
import { listRoutines } from './list-routines.js';
import { pausesOf, toCheckIn, type CheckIn, type Routine } from './routine-queries.js';
import { periodOf } from './schedule.js';

export interface DueRoutine {
  routine: Routine;
  /** That day's check-in, if there is one already. */
  checkIn: CheckIn | null;
  /** For "N times per period" routines: the quota and how much of it is done, that day included. */
  quota: { done: number; times: number; periodStart: string; periodEnd: string } | null;
}

/**
 * The routines due on a day (today unless said): started, not archived, not paused, and due by
 * their schedule, each with that day's check-in. The order is the routines' own.
 */
export async function routinesDue(ctx: Ctx, input: RoutinesDueInput = {}): Promise<DueRoutine[]> {
  const data = parseInput(RoutinesDueSchema, input, 'day');
  const day = data.day ?? today(ctx);
  const routines = (await listRoutines(ctx)).filter((r) => r.startDay <= day);
  if (routines.length === 0) return [];
  const ids = routines.map((r) => r.id);
  const from = routines.map((r) => lookBackFrom(r, day)).reduce((a, b) => (a < b ? a : b));
  const [pauses, checkInRows] = await Promise.all([
    pausesOf(ctx, ids),
    ctx.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('routineId', 'in', ids)
      .where('day', '>=', from)
      .where('day', '<=', day)
      .execute(),
  ]);
  const checkIns = checkInRows.map(toCheckIn);
  const due: DueRoutine[] = [];
  for (const routine of routines) {
    const own = checkIns.filter((c) => c.routineId === routine.id);
    const [state] = dayStates(routine, pauses.filter((p) => p.routineId === routine.id), own, day, day);
    if (!state?.due) continue;
    const s = routine.schedule;
    let quota: DueRoutine['quota'] = null;
    if (s.kind === 'times') {
      const period = periodOf(s.periodDays, routine.startDay, day);
      const done = own.filter((c) => c.day >= period.start && keepsPromise(c.status)).length;
      quota = { done, times: s.times, periodStart: period.start, periodEnd: period.end };
    }
    due.push({ routine, checkIn: own.find((c) => c.day === day) ?? null, quota });
  }
  return due;
}
