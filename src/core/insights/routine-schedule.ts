import type { RoutineTable } from '#db/schema.js';
import { rruleDaysBetween } from '../routines/rrule-schedule.js';
import { isoWeekday, type IsoDate } from '../time/plain-date.js';
import { frequency, type Frequency } from './loop-entry.js';

export type RoutineSchedule = Pick<RoutineTable, 'scheduleKind' | 'timesPerPeriod' | 'periodDays' | 'weekdays' | 'rrule' | 'startDay'>;

/**
 * The Loop frequency of a routine. Loop knows only "n times in d days"; weekday and RFC 5545
 * schedules are scored as daily habits whose days off are skipped (see `scheduledDays`).
 */
export function routineFrequency(routine: RoutineSchedule): Frequency {
  if (routine.scheduleKind !== 'times') return frequency(1, 1);
  const times = routine.timesPerPeriod ?? 0;
  const days = routine.periodDays ?? 0;
  const valid = Number.isInteger(times) && Number.isInteger(days) && times >= 1 && days >= times;
  return valid ? frequency(times, days) : frequency(1, 1);
}

function parseWeekdays(list: string | null): Set<number> | null {
  const days = (list ?? '').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
  return days.length > 0 ? new Set(days) : null;
}

function rruleDays(rule: string | null, startDay: IsoDate, from: IsoDate, to: IsoDate): Set<IsoDate> | null {
  if (!rule?.trim()) return null;
  try {
    // The same occurrences the routine's own schedule shows as due.
    return new Set(rruleDaysBetween(rule, startDay, from, to));
  } catch {
    // A rule that cannot be read is treated as "every day" rather than hiding the routine's history.
    return null;
  }
}

/**
 * Whether each day is one the routine is due on: always, except for weekday and RFC 5545
 * schedules, where only the listed weekdays or the rule's occurrences are.
 */
export function scheduledDays(routine: RoutineSchedule, from: IsoDate, to: IsoDate): (day: IsoDate) => boolean {
  if (routine.scheduleKind === 'weekdays') {
    const weekdays = parseWeekdays(routine.weekdays);
    return weekdays ? (day) => weekdays.has(isoWeekday(day)) : () => true;
  }
  if (routine.scheduleKind === 'rrule') {
    const days = rruleDays(routine.rrule, routine.startDay, from, to);
    return days ? (day) => days.has(day) : () => true;
  }
  return () => true;
}
