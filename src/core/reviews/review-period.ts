import type { ReviewKind } from '#contracts/reflection.js';
import { AppError } from '../errors.js';
import { addWeeks, isIsoWeek, isoWeekOf, weekEnd, weekStart } from '../time/iso-week.js';
import { addDays, endOfMonth, isIsoDate, type IsoDate } from '../time/plain-date.js';

export type { ReviewKind };

export interface PeriodRange {
  from: IsoDate;
  to: IsoDate;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The period a day belongs to: its ISO week ("2026-W47") or its month ("2026-11"). */
export function periodOf(kind: ReviewKind, day: IsoDate): string {
  return kind === 'weekly' ? isoWeekOf(day) : day.slice(0, 7);
}

export function isPeriod(kind: ReviewKind, period: string): boolean {
  return kind === 'weekly' ? isIsoWeek(period) : MONTH.test(period);
}

/** First and last calendar day of a period, both included. */
export function periodRange(kind: ReviewKind, period: string): PeriodRange {
  if (!isPeriod(kind, period)) throw badPeriod(kind, period);
  if (kind === 'weekly') return { from: weekStart(period), to: weekEnd(period) };
  const from = `${period}-01`;
  return { from, to: endOfMonth(from) };
}

/** The ISO weeks counted in a month: those whose Thursday falls in it (so each week belongs to one month). */
export function weeksOfMonth(month: string): string[] {
  const { from, to } = periodRange('monthly', month);
  const weeks: string[] = [];
  for (let week = isoWeekOf(from); weekStart(week) <= to; week = addWeeks(week, 1)) {
    if (addDays(weekStart(week), 3).slice(0, 7) === month) weeks.push(week);
  }
  return weeks;
}

/**
 * Turn what a person typed into a period: nothing or "current" is the period holding today,
 * "last" the one before, a date the period holding it, otherwise a week or month as written.
 * Periods that have not started yet are refused: there is nothing to look back on.
 */
export function resolvePeriod(kind: ReviewKind, input: string | undefined, today: IsoDate): string {
  const value = (input ?? 'current').trim();
  let period: string;
  if (value === 'current' || value === 'this') period = periodOf(kind, today);
  else if (value === 'last' || value === 'previous') {
    period = kind === 'weekly' ? addWeeks(isoWeekOf(today), -1) : periodOf(kind, addDays(`${today.slice(0, 7)}-01`, -1));
  } else if (isIsoDate(value)) period = periodOf(kind, value);
  else period = value.toUpperCase().replace(/^(\d{4})-w/i, '$1-W');
  if (!isPeriod(kind, period)) throw badPeriod(kind, value);
  if (periodRange(kind, period).from > today) {
    throw new AppError('validation', `${period} has not started yet, so there is nothing to review. Review the current or an earlier ${kind === 'weekly' ? 'week' : 'month'}.`, [
      { path: 'period', message: 'must not be in the future' },
    ]);
  }
  return period;
}

function badPeriod(kind: ReviewKind, value: string): AppError {
  const example = kind === 'weekly' ? 'a week such as 2026-W47' : 'a month such as 2026-11';
  const message = `"${value}" is not a ${kind === 'weekly' ? 'week' : 'month'}; give ${example}, a date, "current" or "last".`;
  return new AppError('validation', message, [{ path: 'period', message }]);
}
