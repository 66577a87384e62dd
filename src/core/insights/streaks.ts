import { addDays, type IsoDate } from '../time/plain-date.js';
import { EntryValue, type HabitRules } from './loop-entry.js';

/** A run of successful days; `length` counts the successful days in it. */
export interface Streak {
  start: IsoDate;
  end: IsoDate;
  length: number;
}

/**
 * How SKIP days take part in a streak. Loop counts them as successful days (`counts`); routines
 * let them bridge a streak without adding to its length (`bridges`), like paused days.
 */
export type SkipRule = 'counts' | 'bridges';

/** Whether a computed entry value keeps a streak going. */
export function isSuccess(rules: HabitRules, value: number): boolean {
  if (!rules.numerical) return value > 0;
  if (rules.targetType === 'at_least') return value / 1000 >= rules.target;
  return value !== EntryValue.UNKNOWN && value / 1000 <= rules.target;
}

/**
 * The streaks of consecutive days, newest first. `values` holds one computed entry value per day,
 * oldest first, starting on `from`.
 */
export function findStreaks(rules: HabitRules, from: IsoDate, values: ArrayLike<number>, skip: SkipRule = 'counts'): Streak[] {
  const found: Array<{ first: number; last: number; length: number }> = [];
  let open: { first: number; last: number; length: number } | null = null;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    if (skip === 'bridges' && value === EntryValue.SKIP) continue;
    if (isSuccess(rules, value)) {
      if (open) {
        open.last = k;
        open.length += 1;
      } else {
        open = { first: k, last: k, length: 1 };
      }
    } else if (open) {
      found.push(open);
      open = null;
    }
  }
  if (open) found.push(open);
  return found.reverse().map((s) => ({ start: addDays(from, s.first), end: addDays(from, s.last), length: s.length }));
}

/**
 * The `limit` longest streaks (on equal length the one that ended later wins), newest first.
 */
export function bestStreaks(streaks: readonly Streak[], limit: number): Streak[] {
  const byLength = [...streaks].sort((a, b) => b.length - a.length || (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
  return byLength.slice(0, Math.max(0, limit)).sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
}
