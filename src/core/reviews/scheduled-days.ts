import rrule from 'rrule';
import { eachDay, isoWeekday, type IsoDate } from '../time/plain-date.js';

const { RRule, RRuleSet, rrulestr } = rrule;

/** The schedule fields of a routine row that decide which days it is due. */
export interface RoutineSchedule {
  scheduleKind: 'daily' | 'times' | 'weekdays' | 'rrule';
  weekdays: string | null;
  rrule: string | null;
  startDay: IsoDate;
}

/** Guard against rules such as FREQ=SECONDLY: a month never holds more than 31 due days. */
const MAX_OCCURRENCES = 400;

/**
 * The days in [from, to] on which a routine is due, or null when its schedule does not tie it to
 * days ("3 times per week" can be met on any day, so an empty day is not a miss). Pure: no I/O,
 * no clock. An RFC 5545 rule that cannot be read yields no due days rather than an error, so one
 * bad rule never breaks a review.
 */
export function scheduledDays(routine: RoutineSchedule, from: IsoDate, to: IsoDate): IsoDate[] | null {
  const start = routine.startDay > from ? routine.startDay : from;
  if (start > to) return [];
  switch (routine.scheduleKind) {
    case 'daily':
      return eachDay(start, to);
    case 'weekdays': {
      // Stored as "1,3,5" or "[1,3,5]" (ISO weekdays); read the digits either way.
      const wanted = new Set((routine.weekdays ?? '').match(/[1-7]/g)?.map(Number) ?? []);
      return eachDay(start, to).filter((d) => wanted.has(isoWeekday(d)));
    }
    case 'rrule':
      return rruleDays(routine.rrule ?? '', routine.startDay, start, to);
    case 'times':
      return null;
  }
}

function rruleDays(text: string, dtstart: IsoDate, from: IsoDate, to: IsoDate): IsoDate[] {
  if (!text.trim()) return [];
  try {
    const rule = rrulestr(text, { dtstart: new Date(`${dtstart}T00:00:00Z`) });
    // A rule finer than a day is due every day; expanding it second by second from its start could take minutes.
    const rules = rule instanceof RRuleSet ? rule.rrules() : [rule];
    if (rules.some((r) => r.options.freq > RRule.DAILY)) return eachDay(from, to);
    const occurrences = rule.between(new Date(`${from}T00:00:00Z`), new Date(`${to}T23:59:59Z`), true, (_d, i) => i < MAX_OCCURRENCES);
    // Dates are read in UTC, the "floating" time the rule was expanded in.
    return [...new Set(occurrences.map((d) => d.toISOString().slice(0, 10)))].filter((d) => d >= from && d <= to);
  } catch {
    return [];
  }
}
