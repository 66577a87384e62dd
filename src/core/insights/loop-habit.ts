import { addDays, daysBetween, type IsoDate } from '../time/plain-date.js';
import { computeEntries } from './auto-checkmarks.js';
import { EntryValue, type HabitRules, type LoopEntry } from './loop-entry.js';
import { scoreSeries } from './score.js';
import { findStreaks, type SkipRule, type Streak } from './streaks.js';

/** Everything Loop derives from a habit's entries, over the days `from`..`to`. */
export interface HabitHistory {
  from: IsoDate;
  to: IsoDate;
  /** Known computed entries, newest first. */
  computed: LoopEntry[];
  /** One computed value per day from `from` to `to` (oldest first), UNKNOWN where nothing is known. */
  values: number[];
  /** The score at the end of each day from `from` to `to` (oldest first). */
  scores: number[];
  /** Newest first. */
  streaks: Streak[];
}

/** Spread known entries over every day of `from`..`to` (oldest first), UNKNOWN elsewhere. */
export function dailyValues(entries: readonly LoopEntry[], from: IsoDate, to: IsoDate): number[] {
  const size = Math.max(0, daysBetween(from, to) + 1);
  const values = new Array<number>(size).fill(EntryValue.UNKNOWN);
  for (const e of entries) {
    const k = daysBetween(from, e.date);
    if (k >= 0 && k < size) values[k] = e.value;
  }
  return values;
}

export interface RecomputeOptions {
  today: IsoDate;
  /** Days after today still computed (Loop looks 30 days ahead). */
  horizonDays?: number;
  /** First day computed; by default the oldest known computed entry (or today), as in Loop. */
  from?: IsoDate;
  skip?: SkipRule;
}

/**
 * Recompute a habit the way Loop does: computed entries from the original ones, then scores and
 * streaks from the oldest known computed day up to `today + horizonDays`.
 */
export function recomputeHabit(rules: HabitRules, original: readonly LoopEntry[], options: RecomputeOptions): HabitHistory {
  const computed = computeEntries(rules, original);
  const to = addDays(options.today, options.horizonDays ?? 30);
  let from = options.from ?? computed[computed.length - 1]?.date ?? options.today;
  if (from > to) from = to;
  const values = dailyValues(computed, from, to);
  return {
    from,
    to,
    computed,
    values,
    scores: scoreSeries(rules, values),
    streaks: findStreaks(rules, from, values, options.skip ?? 'counts'),
  };
}

/** The score at the end of `date`: 0 before the history starts or after it ends, as in Loop. */
export function scoreOn(history: HabitHistory, date: IsoDate): number {
  const k = daysBetween(history.from, date);
  return history.scores[k] ?? 0;
}
