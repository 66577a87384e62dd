import type { RoutineTable } from '#db/schema.js';
import { frequency, type Frequency } from '../insights/loop-entry.js';
import { isoWeekOf, weekEnd, weekStart } from '../time/iso-week.js';
import { addDays, daysBetween, eachDay, endOfMonth, isoWeekday, startOfMonth, type IsoDate } from '../time/plain-date.js';
import { normalizeRrule, rruleDaysBetween, rruleOccurrencesPerPeriod, rruleOccursOn } from './rrule-schedule.js';

/*
 * Pure schedule rules: no I/O, no clock. Every answer is about calendar dates, so daylight saving
 * and time zones never enter; the caller has already turned "now" into the user's local day.
 * Today, the routine views, the strength score and the reviews all ask these functions which
 * days a routine is due, so they cannot disagree.
 */

export type { Frequency };

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

/** The columns a routine's schedule is stored in. */
export type ScheduleColumns = Pick<RoutineTable, 'scheduleKind' | 'timesPerPeriod' | 'periodDays' | 'weekdays' | 'rrule'>;

const EVERY_DAY: Schedule = { kind: 'daily' };

/**
 * The schedule stored in a routine's columns. Schedules are checked when saved, but a row can
 * still come from an old backup or a hand-edited database; the one rule for those: a schedule
 * whose days cannot be read (a recurrence rule that fails `normalizeRrule`, no weekday in the
 * list, a quota that does not fit its period) is read as every day. The routine then shows up
 * rather than silently vanishing, and Today, the score and the reviews agree on it. Weekdays are
 * read as ISO digits however they are written ("1,3,5" or "[1,3,5]").
 */
export function toSchedule(row: ScheduleColumns): Schedule {
  switch (row.scheduleKind) {
    case 'times': {
      const times = row.timesPerPeriod ?? 0;
      const periodDays = row.periodDays ?? 0;
      const fits = Number.isInteger(times) && Number.isInteger(periodDays) && times >= 1 && periodDays >= times;
      return fits ? { kind: 'times', times, periodDays } : EVERY_DAY;
    }
    case 'weekdays': {
      const weekdays = [...new Set((row.weekdays ?? '').match(/[1-7]/g)?.map(Number) ?? [])].sort((a, b) => a - b);
      return weekdays.length > 0 ? { kind: 'weekdays', weekdays } : EVERY_DAY;
    }
    case 'rrule':
      try {
        return { kind: 'rrule', rrule: normalizeRrule(row.rrule ?? '') };
      } catch {
        return EVERY_DAY;
      }
    default:
      return EVERY_DAY;
  }
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

/**
 * The days from `from` to `to` on which the routine is due by the calendar alone, the same days
 * `isDue` answers one by one (none before the start day); null for a "times" routine, which may
 * be met on any day of its period, so no single day is owed.
 */
export function dueDays(routine: Scheduled, from: IsoDate, to: IsoDate): IsoDate[] | null {
  const s = routine.schedule;
  if (s.kind === 'times') return null;
  const start = routine.startDay > from ? routine.startDay : from;
  if (start > to) return [];
  switch (s.kind) {
    case 'daily':
      return eachDay(start, to);
    case 'weekdays':
      return eachDay(start, to).filter((d) => s.weekdays.includes(isoWeekday(d)));
    case 'rrule':
      return rruleDaysBetween(s.rrule, routine.startDay, start, to);
  }
}

/**
 * How often the routine is due, as a fraction Loop Habit Tracker would show: daily 1/1, "N times
 * per P days" N/P, k weekdays k/7. It is for people to read; the strength score scores weekday and
 * rule schedules as daily habits with their days off skipped (`scoringFrequency` in insights).
 * A recurrence rule has no exact Loop equivalent, so it is approximated by
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
