/* Calendar days (YYYY-MM-DD) and ISO weeks (YYYY-Www) as plain strings, computed in UTC so the
   browser's own time zone never shifts a day. Used by the Week and Goals views. */

const DAY_MS = 86_400_000;

function toDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);
}

/** The ISO week a day belongs to. */
export function weekOf(day: string): string {
  const date = toDate(day);
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the ISO year.
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week. */
export function weekStart(week: string): string {
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS;
  return toDay(new Date(monday1 + (n - 1) * 7 * DAY_MS));
}

export function addWeeks(week: string, n: number): string {
  return weekOf(addDays(weekStart(week), n * 7));
}

export const isWeek = (value: string): boolean => /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(value);

const short = (day: string, options: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(toDate(day));

/** "3 Mar" */
export function shortDay(day: string): string {
  return short(day, { day: 'numeric', month: 'short' });
}

/** "Mon 3 Mar" */
export function weekdayDay(day: string): string {
  return short(day, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "3 Mar 2026" */
export function longDay(day: string): string {
  return short(day, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Mar 3 – 9", "3–9 Mar" or "28 Feb – 6 Mar" (by locale) for a week's Monday to Sunday. */
export function weekRange(week: string): string {
  const start = weekStart(week);
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).formatRange(toDate(start), toDate(addDays(start, 6)));
}
