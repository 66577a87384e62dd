import { planOperations } from '#api/plan.ops.js';
import { addWeeks } from '#core/time/iso-week.js';
import { addDays } from '#core/time/plain-date.js';
import type { CliApp } from './app.js';

/**
 * Day and week options as people type them, turned into dates of the user's own calendar. Words
 * (today, tomorrow, yesterday; this, next, last) need the user's current day, which only the side
 * that knows their time zone can say: it is asked for once per command, locally or on the server.
 */
export interface CalendarArgs {
  /** YYYY-MM-DD, or today / tomorrow / yesterday; undefined stays undefined. */
  day(value: string | undefined): Promise<string | undefined>;
  /** YYYY-Www, or this / next / last; undefined stays undefined. */
  week(value: string | undefined): Promise<string | undefined>;
  today(): Promise<string>;
  currentWeek(): Promise<string>;
}

export function calendarArgs(app: CliApp): CalendarArgs {
  let current: Promise<{ day: string; week: string }> | undefined;
  const now = () => (current ??= app.call(planOperations.getCurrentDay, {}));
  const DAYS: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  const WEEKS: Record<string, number> = { this: 0, next: 1, last: -1 };
  return {
    async day(value) {
      if (value === undefined) return undefined;
      const offset = DAYS[value.trim().toLowerCase()];
      return offset === undefined ? value.trim() : addDays((await now()).day, offset);
    },
    async week(value) {
      if (value === undefined) return undefined;
      const offset = WEEKS[value.trim().toLowerCase()];
      return offset === undefined ? value.trim().toUpperCase() : addWeeks((await now()).week, offset);
    },
    today: async () => (await now()).day,
    currentWeek: async () => (await now()).week,
  };
}

/** "Wed 18 Nov" for an ISO date. */
export function shortDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}
