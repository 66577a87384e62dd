import { isoWeekOf, weekEnd, weekStart } from '../time/iso-week.js';
import { addDays, daysBetween, endOfMonth, isoWeekday, startOfMonth, type IsoDate } from '../time/plain-date.js';
import { rruleOccurrencesPerPeriod, rruleOccursOn } from './rrule-schedule.js';

/*
 * Pure schedule rules: no I/O, no clock. Every answer is about calendar dates, so daylight saving
 * and time zones never enter; the caller has already turned "now" into the user's local day.
 */

export type Schedule =
  | { kind: 'daily' }
  | { kind: 'times'; times: number; periodDays: number }
  | { kind: 'weekdays'; weekdays: number[] }
  | { kind: 'rrule'; rrule: string };

/** The part of a routine the schedule rules read. */
export interface Scheduled {
  schedule: Schedule;
  startDay: IsoDate;
}

export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/** How often a habit repeats, as Loop Habit Tracker counts it: `numerator` times per `denominator` days. */
export interface Frequency {
  numerator: number;
  denominator: number;
}

/**
 * The period a "N times per period" routine counts its quota in. A 7-day period is the ISO week
 * (Monday–Sunday) and a 30-day period the calendar month, because that is how people read
 * "3 times a week" or "twice a month"; any other length runs in back-to-back blocks from the
 * routine's start day.
 */
export function periodOf(periodDays: number, startDay: IsoDate, day: IsoDate): Period {
  if (periodDays === 7) {
    const week = isoWeekOf(day);
    return { start: weekStart(week), end: weekEnd(week) };
  }
  if (periodDays === 30) return { start: startOfMonth(day), end: endOfMonth(day) };
  const index = Math.floor(daysBetween(startDay, day) / periodDays);
  const start = addDays(startDay, index * periodDays);
  return { start, end: addDays(start, periodDays - 1) };
}

/**
 * Whether the routine is due on `day`. Nothing is due before the start day. A "times" routine
 * is due every day of its period until its quota is met; `doneBefore` is the number of done or
 * minimum check-ins in that period strictly before `day` (so the day that meets the quota still
 * shows the routine, with its check-in). Pauses are not looked at here: see `isPaused`.
 */
export function isDue(routine: Scheduled, day: IsoDate, doneBefore = 0): boolean {
  if (day < routine.startDay) return false;
  const s = routine.schedule;
  switch (s.kind) {
    case 'daily':
      return true;
    case 'times':
      return doneBefore < s.times;
    case 'weekdays':
      return s.weekdays.includes(isoWeekday(day));
    case 'rrule':
      return rruleOccursOn(s.rrule, routine.startDay, day);
  }
}

/** Loop Habit Tracker writes equal terms as 1/1 (7 of 7 days is "every day"). */
function frequency(numerator: number, denominator: number): Frequency {
  return numerator === denominator ? { numerator: 1, denominator: 1 } : { numerator, denominator };
}

/**
 * The routine's frequency as Loop Habit Tracker understands it: daily 1/1, "N times per P days"
 * N/P, k weekdays k/7. A recurrence rule has no exact Loop equivalent, so it is approximated by
 * its long-run rate over its natural period (DAILY 1 day, or 7 when it picks weekdays; WEEKLY 7;
 * MONTHLY 30; YEARLY 365; each times INTERVAL): occurrences are counted over four years from the
 * start, ignoring COUNT and UNTIL, and rounded to a whole number per period (at least 1 when the
 * rule occurs at all). FREQ=WEEKLY;BYDAY=MO,WE,FR gives 3/7; FREQ=MONTHLY;BYMONTHDAY=1 gives 1/30.
 */
export function routineFrequency(routine: Scheduled): Frequency {
  const s = routine.schedule;
  switch (s.kind) {
    case 'daily':
      return frequency(1, 1);
    case 'times':
      return frequency(s.times, s.periodDays);
    case 'weekdays':
      return frequency(new Set(s.weekdays).size, 7);
    case 'rrule': {
      const { occurrences, periodDays } = rruleOccurrencesPerPeriod(s.rrule, routine.startDay);
      const n = occurrences > 0 ? Math.max(1, Math.round(occurrences)) : 0;
      return frequency(n, periodDays);
    }
  }
}

/** A pause covers its first and last day; one without a last day lasts until resumed. */
export function isPaused(pauses: ReadonlyArray<{ startDay: IsoDate; endDay: IsoDate | null }>, day: IsoDate): boolean {
  return pauses.some((p) => p.startDay <= day && (p.endDay === null || day <= p.endDay));
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A schedule in words: "every day", "3× per week", "Mon, Wed, Fri". */
export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'daily':
      return 'every day';
    case 'times': {
      const per = s.periodDays === 7 ? 'week' : s.periodDays === 30 ? 'month' : `${s.periodDays} days`;
      return `${s.times}× per ${per}`;
    }
    case 'weekdays':
      return s.weekdays.length === 7 ? 'every day' : s.weekdays.map((d) => WEEKDAY_NAMES[d - 1] ?? String(d)).join(', ');
    case 'rrule':
      return `rule ${s.rrule}`;
  }
}
