import { dayNumber, fromDayNumber, type IsoDate } from '../time/plain-date.js';
import { EntryValue, type HabitRules } from './loop-entry.js';
import type { CheckInShape, PauseShape, RoutineShape } from './routine-progress.js';
import { walkStreak, windowRules, windowValues, type RoutineNow, type WindowRules } from './routine-window.js';
import { continueScores, scoreSeries } from './score.js';
import { isSuccess } from './streaks.js';

/*
 * Score checkpoints (docs/decisions/006-score-checkpoints.md): a routine's exact strength score, and
 * the streak running through it, at the end of a recent day. Loop's score is a recurrence over the
 * days, so today's score follows exactly from the checkpoint's and the values of the days since,
 * plus one rolling window of days before it. Pure: the storage is in routines/score-checkpoints.ts.
 */

/** The exact state of a routine's score and streak at the end of `day`. */
export interface ScoreCheckpoint {
  day: IsoDate;
  score: number;
  /** The streak running through `day` (0 when `day` broke it); null when `tracksStreak` is false. */
  streak: number | null;
  /**
   * The longest streak closed by `day`: every streak before the one running through it (0 when
   * there is none), so a check-in after `day` can tell a new record without the whole history
   * (check-in-milestones.ts). Null when `streak` is; absent or null: not known, Today needs
   * only `streak`.
   */
  bestStreak?: number | null;
}

/** The streak running through a day, and the longest streak closed by it (see `ScoreCheckpoint`). */
export interface StreakState {
  streak: number;
  best: number;
}

/**
 * `carry` (the state at the end of the day before index `start`) walked forward over the days at
 * `start`..`end` of `values`: skipped days bridge a streak, as in `findStreaks(…, 'bridges')`, and
 * a day that is neither skipped nor a success closes it.
 */
export function streakState(rules: HabitRules, values: ArrayLike<number>, start: number, end: number, carry: StreakState): StreakState {
  let { streak, best } = carry;
  for (let k = start; k <= end; k++) {
    const value = values[k]!;
    if (value === EntryValue.SKIP) continue;
    if (isSuccess(rules, value)) streak++;
    else {
      if (streak > best) best = streak;
      streak = 0;
    }
  }
  return { streak, best };
}

/** A checkpoint is kept this many days behind today, so recent back-dated check-ins leave it be. */
export const CHECKPOINT_LAG_DAYS = 7;
/** It moves forward once it is this much further behind, so Today rarely writes. */
export const CHECKPOINT_STEP_DAYS = 14;

/**
 * Whether a day's value, hence the streak through it, is settled by the check-ins up to that day.
 * Not for yes/no routines counted per period: Loop's automatic check-marks slide older intervals
 * back to touch newer ones, so a check-in today can move marks far back, and their streak is read
 * from a window instead (routine-window.ts). Their score never depends on automatic marks.
 */
export function tracksStreak(w: Pick<WindowRules, 'rules'>): boolean {
  return w.rules.numerical || w.rules.frequency.denominator === 1;
}

/** Where the checkpoint belongs for `today`; null when the routine is too young to have one. */
export function checkpointDayFor(routine: RoutineShape, today: IsoDate): IsoDate | null {
  const day = dayNumber(today) - CHECKPOINT_LAG_DAYS;
  // The rolling window before the checkpoint must lie within the routine's days.
  return day - windowRules(routine).rollingDays + 1 >= dayNumber(routine.startDay) ? fromDayNumber(day) : null;
}

/**
 * The first day of check-ins to read to continue from `stored` to `today`: its rolling window,
 * and for a streak read from a window, a first window of its own. Null when `stored` cannot be
 * used for `today` (it is not before today, or it lacks what this routine needs).
 */
export function checkpointReadFrom(routine: RoutineShape, stored: ScoreCheckpoint, today: IsoDate): IsoDate | null {
  const w = windowRules(routine);
  const last = dayNumber(today);
  const day = dayNumber(stored.day);
  const lead = day - w.rollingDays + 1;
  if (day >= last || lead < dayNumber(routine.startDay)) return null;
  if (tracksStreak(w)) return stored.streak === null ? null : fromDayNumber(lead);
  return fromDayNumber(Math.min(lead, last - (w.autoDays + w.rollingDays + 7)));
}

/** Today's score (exact) and streak, and the checkpoint to store when it should move (else null). */
export interface CheckpointProgress {
  score: number;
  /** Null when the streak must be read from a window (`tracksStreak` is false). */
  currentStreak: number | null;
  next: ScoreCheckpoint | null;
}

/**
 * Continue from `stored`: `checkIns` holds every check-in from `from` (as given by
 * `checkpointReadFrom`) through `today`.
 */
export function progressFromCheckpoint(
  routine: RoutineShape,
  checkIns: readonly CheckInShape[],
  pauses: readonly PauseShape[],
  options: { today: IsoDate; from: IsoDate; stored: ScoreCheckpoint },
): CheckpointProgress {
  const { stored } = options;
  const w = windowRules(routine);
  const first = dayNumber(options.from);
  const last = dayNumber(options.today);
  const values = windowValues(routine, w, checkIns, pauses, first, last);
  const at = dayNumber(stored.day) - first;
  const lead = at - w.rollingDays + 1;
  // scores[j] is the score at the end of the day at index at + 1 + j.
  const scores = continueScores(w.rules, values.subarray(lead), w.rollingDays, stored.score);
  const streakTo = (end: number, open: boolean): number | null => {
    if (!tracksStreak(w)) return null;
    const walked = walkStreak(w.rules, values, { end, stop: at + 1, open });
    return walked.brokeAt === null ? walked.length + stored.streak! : walked.length;
  };

  let next: ScoreCheckpoint | null = null;
  const moveTo = last - CHECKPOINT_LAG_DAYS;
  if (moveTo - (first + at) > CHECKPOINT_STEP_DAYS) {
    const known = tracksStreak(w) && stored.bestStreak !== undefined && stored.bestStreak !== null;
    const bestStreak = known ? streakState(w.rules, values, at + 1, moveTo - first, { streak: stored.streak!, best: stored.bestStreak! }).best : null;
    next = { day: fromDayNumber(moveTo), score: scores[moveTo - first - at - 1]!, streak: streakTo(moveTo - first, false), bestStreak };
  }
  return { score: scores[scores.length - 1]!, currentStreak: streakTo(last - first, true), next };
}

/**
 * Today's exact streak and score from the whole history (`checkIns` holds every check-in up to
 * today), and the checkpoint to store for later reads (null when the routine is too young).
 */
export function progressFromStart(
  routine: RoutineShape,
  checkIns: readonly CheckInShape[],
  pauses: readonly PauseShape[],
  today: IsoDate,
): { now: RoutineNow; checkpoint: ScoreCheckpoint | null } {
  const w = windowRules(routine);
  const last = dayNumber(today);
  let first = dayNumber(routine.startDay);
  for (const c of checkIns) first = Math.min(first, dayNumber(c.day));
  if (first > last) return { now: { currentStreak: 0, score: 0 }, checkpoint: null };
  const values = windowValues(routine, w, checkIns, pauses, first, last);
  const scores = scoreSeries(w.rules, values);
  const now = { currentStreak: walkStreak(w.rules, values).length, score: scores[scores.length - 1] ?? 0 };
  const day = checkpointDayFor(routine, today);
  if (day === null) return { now, checkpoint: null };
  return { now, checkpoint: checkpointOf(w, values, scores, dayNumber(day) - first, day) };
}

/**
 * The exact checkpoint at the end of `day`, from the whole history (`checkIns` holds every
 * check-in up to `day`; later ones are ignored). Null when the rolling window before `day` reaches
 * before the routine's start (`checkpointDayFor`'s condition), or `day` is before its history.
 */
export function checkpointFromStart(routine: RoutineShape, checkIns: readonly CheckInShape[], pauses: readonly PauseShape[], day: IsoDate): ScoreCheckpoint | null {
  const w = windowRules(routine);
  const last = dayNumber(day);
  if (last - w.rollingDays + 1 < dayNumber(routine.startDay)) return null;
  let first = dayNumber(routine.startDay);
  for (const c of checkIns) first = Math.min(first, dayNumber(c.day));
  // Automatic check-marks after `day` could reach back before it, but they only change streaks,
  // which are not checkpointed for such routines; scores never depend on them.
  const values = windowValues(routine, w, checkIns, pauses, first, last);
  return checkpointOf(w, values, scoreSeries(w.rules, values), last - first, day);
}

function checkpointOf(w: WindowRules, values: Float64Array, scores: readonly number[], at: number, day: IsoDate): ScoreCheckpoint {
  if (!tracksStreak(w)) return { day, score: scores[at]!, streak: null, bestStreak: null };
  const { streak, best } = streakState(w.rules, values, 0, at, { streak: 0, best: 0 });
  return { day, score: scores[at]!, streak, bestStreak: best };
}
