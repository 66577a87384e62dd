import { eachDay, type IsoDate } from '../time/plain-date.js';
import { isDue, isPaused, periodOf, type Scheduled } from './schedule.js';

type Status = 'done' | 'minimum' | 'skipped' | 'missed';

/** What one day of a routine looked like: due or not, paused or not, and its check-in. */
export interface DayState {
  day: IsoDate;
  due: boolean;
  paused: boolean;
  status: Status | null;
}

/** Done and minimum both keep the promise; skipped and missed do not. */
export const keepsPromise = (status: Status | null | undefined): boolean => status === 'done' || status === 'minimum';

/** The first day whose check-ins `dayStates` needs to answer for `from` (a "times" quota looks back to its period's start). */
export function lookBackFrom(routine: Scheduled, from: IsoDate): IsoDate {
  const s = routine.schedule;
  return s.kind === 'times' ? periodOf(s.periodDays, routine.startDay, from).start : from;
}

/**
 * Each day from `from` to `to` of a routine, from its schedule, pauses and check-ins (pure). For a
 * "times" routine the check-ins must reach back to `lookBackFrom(routine, from)`.
 */
export function dayStates(
  routine: Scheduled,
  pauses: ReadonlyArray<{ startDay: IsoDate; endDay: IsoDate | null }>,
  checkIns: ReadonlyArray<{ day: IsoDate; status: Status }>,
  from: IsoDate,
  to: IsoDate,
): DayState[] {
  const byDay = new Map(checkIns.map((c) => [c.day, c.status]));
  const s = routine.schedule;
  return eachDay(from, to).map((day) => {
    let doneBefore = 0;
    if (s.kind === 'times') {
      const { start } = periodOf(s.periodDays, routine.startDay, day);
      doneBefore = checkIns.filter((c) => c.day >= start && c.day < day && keepsPromise(c.status)).length;
    }
    const paused = isPaused(pauses, day);
    return { day, due: !paused && isDue(routine, day, doneBefore), paused, status: byDay.get(day) ?? null };
  });
}
