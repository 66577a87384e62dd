import { today, type Ctx } from '#core/context.js';
import { currentWeek } from '#core/plan/plan-queries.js';
import { addWeeks } from '#core/time/iso-week.js';
import { addDays } from '#core/time/plain-date.js';

/** A day option: YYYY-MM-DD, or today / tomorrow / yesterday in the actor's own calendar. */
export function dayArg(ctx: Ctx, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const words: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  const offset = words[value.trim().toLowerCase()];
  return offset === undefined ? value.trim() : addDays(today(ctx), offset);
}

/** A week option: YYYY-Www, or this / next / last. */
export function weekArg(ctx: Ctx, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const words: Record<string, number> = { this: 0, next: 1, last: -1 };
  const offset = words[value.trim().toLowerCase()];
  return offset === undefined ? value.trim().toUpperCase() : addWeeks(currentWeek(ctx), offset);
}

/** "Wed 18 Nov" for an ISO date. */
export function shortDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}
