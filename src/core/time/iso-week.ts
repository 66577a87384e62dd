import { addDays, dayNumber, fromDayNumber, isoWeekday, parseIsoDate, type IsoDate } from './plain-date.js';

/** An ISO 8601 week, written "2026-W09". Weeks start on Monday; week 1 holds the year's first Thursday. */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

export function isoWeekOf(date: IsoDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = parseIsoDate(thursday).year;
  const jan1 = `${String(year).padStart(4, '0')}-01-01`;
  const week = Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

export function parseIsoWeek(week: string): { year: number; week: number } {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new RangeError(`"${week}" is not an ISO week in the form YYYY-Www (e.g. 2026-W09)`);
  const parsed = { year: Number(m[1]), week: Number(m[2]) };
  if (parsed.week < 1 || parsed.week > weeksInYear(parsed.year)) {
    throw new RangeError(`${parsed.year} has no week ${parsed.week}`);
  }
  return parsed;
}

export function isIsoWeek(week: string): boolean {
  try {
    parseIsoWeek(week);
    return true;
  } catch {
    return false;
  }
}

export function weeksInYear(year: number): number {
  const dec28 = `${String(year).padStart(4, '0')}-12-28`;
  return Number(isoWeekOf(dec28).slice(6));
}

/** The Monday of an ISO week. */
export function weekStart(week: IsoWeek): IsoDate {
  const { year, week: n } = parseIsoWeek(week);
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  const mondayOfWeek1 = dayNumber(jan4) - (isoWeekday(jan4) - 1);
  return fromDayNumber(mondayOfWeek1 + (n - 1) * 7);
}

export function weekEnd(week: IsoWeek): IsoDate {
  return addDays(weekStart(week), 6);
}

export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(addDays(weekStart(week), 7 * n));
}
