import type { IsoDate } from '../time/plain-date.js';

/**
 * One day of a habit in Loop Habit Tracker's own encoding. Keeping Loop's integers (and numerical
 * amounts as integer thousandths) lets rolling sums stay exact and every upstream case be checked
 * without translation; routines are mapped into this encoding in routine-progress.ts.
 */
export const EntryValue = {
  /** Nothing is known about the day. */
  UNKNOWN: -1,
  /** Not done although it was due. */
  NO: 0,
  /** Not done, but not due either: covered by the frequency (computed, never entered). */
  YES_AUTO: 1,
  /** Done, entered by the person. */
  YES_MANUAL: 2,
  /** Deliberately skipped: neither success nor failure. */
  SKIP: 3,
} as const;

export interface LoopEntry {
  date: IsoDate;
  /** An EntryValue for yes/no habits; the amount ×1000 for numerical ones (SKIP and UNKNOWN still apply). */
  value: number;
  note?: string;
}

/** "numerator times every denominator days". */
export interface Frequency {
  numerator: number;
  denominator: number;
}

export type TargetType = 'at_least' | 'at_most';

/** What the score and streak rules need to know about a habit. */
export interface HabitRules {
  frequency: Frequency;
  numerical: boolean;
  targetType: TargetType;
  /** The target in real units (2.0 miles is 2, not 2000). */
  target: number;
}

/** Loop treats n times in n days as daily. */
export function frequency(numerator: number, denominator: number): Frequency {
  return numerator === denominator ? { numerator: 1, denominator: 1 } : { numerator, denominator };
}
