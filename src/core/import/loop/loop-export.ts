import { AppError } from '../../errors.js';
import type { IsoDate } from '../../time/plain-date.js';

/** One habit as read from a Loop export, before it becomes a routine. */
export interface LoopHabit {
  /** 1-based order in Loop. */
  position: number;
  name: string;
  numerator: number;
  denominator: number;
  numerical: boolean;
  /** Null when the file does not say (Loop's older CSV formats carry no target). */
  targetType: 'at_least' | 'at_most' | null;
  target: number | null;
  unit: string;
  archived: boolean;
  reminderTime: string | null;
  /** Loop's encoding: YES_MANUAL 2, YES_AUTO 1, NO 0, SKIP 3, UNKNOWN −1, amounts ×1000. */
  entries: Array<{ date: IsoDate; value: number; note: string }>;
}

export interface LoopExport {
  source: 'csv' | 'db';
  /** A readable name of the format found, e.g. "Loop CSV export (v2.3.1 or later)". */
  format: string;
  habits: LoopHabit[];
  /** What could not be carried over, for people to read. */
  warnings: string[];
}

/** The error every unreadable or foreign file ends in: what was wrong and what is expected. */
export function notLoop(what: string, why: string): AppError {
  return new AppError(
    'validation',
    `${what} is not a Loop Habit Tracker export: ${why}. Expected a CSV export (the .zip from Loop's "Export as CSV", or its unzipped folder with Habits.csv) or a full backup (.db).`,
    [{ path: 'path', message: why }],
  );
}
