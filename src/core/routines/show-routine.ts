import { RoutineRefSchema, type RoutineRefInput } from '#contracts/systems.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { addDays } from '../time/plain-date.js';
import { dayStates, lookBackFrom, type DayState } from './day-states.js';
import { getRoutine, pausesOf, toCheckIn, type CheckIn, type Pause, type Routine } from './routine-queries.js';
import { routineFrequency, type Frequency } from './schedule.js';

export interface RoutineDetail {
  routine: Routine;
  frequency: Frequency;
  pauses: Pause[];
  /** The last `days` days up to today, oldest first. */
  recent: DayState[];
  /** The latest check-in, however old. */
  lastCheckIn: CheckIn | null;
}

/** A routine with its frequency, pauses and recent days (14 unless said), for the detail view. */
export async function showRoutine(ctx: Ctx, input: RoutineRefInput & { days?: number }): Promise<RoutineDetail> {
  const { routineId } = parseInput(RoutineRefSchema, input, 'routine');
  const days = Math.min(Math.max(Math.trunc(input.days ?? 14), 1), 366);
  const routine = await getRoutine(ctx, routineId);
  const to = today(ctx);
  const from = addDays(to, -(days - 1));
  const [pauses, rows, last] = await Promise.all([
    pausesOf(ctx, [routine.id]),
    ctx.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('routineId', '=', routine.id)
      .where('day', '>=', lookBackFrom(routine, from))
      .where('day', '<=', to)
      .execute(),
    ctx.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('routineId', '=', routine.id)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    routine,
    frequency: routineFrequency(routine),
    pauses,
    recent: dayStates(routine, pauses, rows.map(toCheckIn), from, to),
    lastCheckIn: last ? toCheckIn(last) : null,
  };
}
