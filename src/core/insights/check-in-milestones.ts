import { dayNumber, fromDayNumber, type IsoDate } from '../time/plain-date.js';
import { EntryValue } from './loop-entry.js';
import { routineMilestones, type Milestone, type ProgressShape } from './milestones.js';
import { routineProgress, type CheckInShape, type PauseShape, type RoutineShape } from './routine-progress.js';
import { windowRules, windowValues, type WindowRules } from './routine-window.js';
import {
  CHECKPOINT_LAG_DAYS,
  CHECKPOINT_STEP_DAYS,
  checkpointFromStart,
  checkpointReadFrom,
  progressFromStart,
  streakState,
  tracksStreak,
  type ScoreCheckpoint,
} from './score-checkpoint.js';
import { continueScores } from './score.js';
import { findStreaks, type Streak } from './streaks.js';

/*
 * The milestones a check-in earns (milestones.ts: a new best streak, the strength score crossing
 * 50 % or 80 % upwards), without replaying the routine's whole history on every check-in. The
 * score before and after the check-in continues from a score checkpoint (score-checkpoint.ts);
 * the streaks come from the days after it, plus the streak running through it and the longest
 * streak closed by it, both stored with the checkpoint. Same arithmetic as the whole history's, so
 * the milestones are the same (check-in-milestones.test.ts proves it on random histories).
 *
 * Not bounded, and computed from the whole history as before:
 * - "N times per period" yes/no routines: Loop's automatic check-marks slide older intervals back,
 *   so one check-in can move streaks anywhere in the past (decision 006);
 * - a routine whose rolling window of days before the checkpoint would reach before its start
 *   (younger than about a week plus its rolling window: its history is short anyway).
 * A check-in on or before the checkpoint's day (back-dated by more than a week) reads the whole
 * history once, continues from a checkpoint made from it just before that day, and stores a new
 * checkpoint for the next check-ins.
 */

/** A routine as the milestones need it. */
export type MilestoneRoutine = RoutineShape & { id: string; name: string };

/** What a check-in earned, and the checkpoint to store with it (null: leave the stored one be). */
export interface CheckInJudgement {
  milestones: Milestone[];
  checkpoint: ScoreCheckpoint | null;
}

/**
 * The first day of check-ins to read to judge a check-in on `day` from `stored`, or null when it
 * cannot be judged from it (and the whole history must be read).
 */
export function milestoneReadFrom(routine: RoutineShape, stored: ScoreCheckpoint | null, day: IsoDate, today: IsoDate): IsoDate | null {
  if (!stored || !usable(windowRules(routine), stored) || day <= stored.day) return null;
  return checkpointReadFrom(routine, stored, today);
}

const usable = (w: WindowRules, stored: ScoreCheckpoint): boolean =>
  tracksStreak(w) && stored.streak !== null && stored.bestStreak !== undefined && stored.bestStreak !== null;

/**
 * Judge a check-in from a stored checkpoint: `before` holds every check-in from `from` (as given
 * by `milestoneReadFrom`) through today, as they were before `checkIn` replaced its day's.
 * The checkpoint returned is the stored one moved forward, when it is due to move (as Today does).
 */
export function judgeFromCheckpoint(
  routine: MilestoneRoutine,
  before: readonly CheckInShape[],
  checkIn: CheckInShape,
  pauses: readonly PauseShape[],
  options: { today: IsoDate; from: IsoDate; stored: ScoreCheckpoint },
): CheckInJudgement {
  return judge(routine, before, checkIn, pauses, { ...options, moveAfter: CHECKPOINT_STEP_DAYS });
}

/**
 * Judge a check-in from the whole history (`before` holds every check-in up to today, as they were
 * before `checkIn`), and give the checkpoint to store for the next ones (null: none can be made).
 */
export function judgeFromStart(
  routine: MilestoneRoutine,
  before: readonly CheckInShape[],
  checkIn: CheckInShape,
  pauses: readonly PauseShape[],
  today: IsoDate,
): CheckInJudgement {
  const w = windowRules(routine);
  if (tracksStreak(w)) {
    // A checkpoint the check-in does not reach: a week back, or the day before a back-dated one.
    const at = Math.min(dayNumber(checkIn.day) - 1, dayNumber(today) - CHECKPOINT_LAG_DAYS);
    const stored = checkpointFromStart(routine, before, pauses, fromDayNumber(at));
    const from = stored && checkpointReadFrom(routine, stored, today);
    if (stored && from) {
      const judged = judge(routine, before, checkIn, pauses, { today, from, stored, moveAfter: 0 });
      return { milestones: judged.milestones, checkpoint: judged.checkpoint ?? stored };
    }
  }
  return judgeWhole(routine, before, checkIn, pauses, today);
}

/**
 * The reference: both states' progress on the whole history, as `routineProgress` computes it,
 * and today's checkpoint of the state after the check-in.
 */
export function judgeWhole(
  routine: MilestoneRoutine,
  before: readonly CheckInShape[],
  checkIn: CheckInShape,
  pauses: readonly PauseShape[],
  today: IsoDate,
): CheckInJudgement {
  const after = replaced(before, checkIn);
  const previous = routineProgress(routine, before, pauses, { today });
  const next = routineProgress(routine, after, pauses, { today });
  return {
    milestones: routineMilestones(routine, previous, next, checkIn.day),
    checkpoint: progressFromStart(routine, after, pauses, today).checkpoint,
  };
}

const replaced = (checkIns: readonly CheckInShape[], checkIn: CheckInShape): CheckInShape[] => [
  ...checkIns.filter((c) => c.day !== checkIn.day),
  checkIn,
];

function judge(
  routine: MilestoneRoutine,
  before: readonly CheckInShape[],
  checkIn: CheckInShape,
  pauses: readonly PauseShape[],
  options: { today: IsoDate; from: IsoDate; stored: ScoreCheckpoint; moveAfter: number },
): CheckInJudgement {
  const { stored } = options;
  const w = windowRules(routine);
  const first = dayNumber(options.from);
  const last = dayNumber(options.today);
  const at = dayNumber(stored.day) - first;
  const carry = { streak: stored.streak!, best: stored.bestStreak! };
  const state = (checkIns: readonly CheckInShape[]) => {
    const values = windowValues(routine, w, checkIns, pauses, first, last);
    // scores[j] is the score at the end of the day at index at + 1 + j; the last one is today's.
    const scores = continueScores(w.rules, values.subarray(at - w.rollingDays + 1), w.rollingDays, stored.score);
    return { values, scores, progress: { score: scores[scores.length - 1]!, streaks: windowStreaks(w, values, at, first, stored.day, carry) } };
  };
  const previous = state(before);
  const next = state(replaced(before, checkIn));

  let checkpoint: ScoreCheckpoint | null = null;
  const moveTo = last - CHECKPOINT_LAG_DAYS;
  if (moveTo - (first + at) > options.moveAfter) {
    const k = moveTo - first;
    const { streak, best } = streakState(w.rules, next.values, at + 1, k, carry);
    checkpoint = { day: fromDayNumber(moveTo), score: next.scores[k - at - 1]!, streak, bestStreak: best };
  }
  return { milestones: routineMilestones(routine, previous.progress, next.progress, checkIn.day), checkpoint };
}

/**
 * Streaks that stand for the whole history's as far as `routineMilestones` can tell: the streaks
 * after the checkpoint's day (the oldest one joined to the streak running through that day when
 * nothing broke it in between), the streak running through it, and the longest one closed by it.
 * The days before the checkpoint are not known, so those streaks get stand-in dates, in the same
 * order as the real ones and all before the check-in's day: the checkpoint's day for the start of
 * the streak running through it, and an earlier day for the closed record.
 */
function windowStreaks(w: WindowRules, values: Float64Array, at: number, first: number, checkpointDay: IsoDate, carry: { streak: number; best: number }): ProgressShape['streaks'] {
  const today = values.length - 1;
  const streaks: Streak[] = findStreaks(w.rules, fromDayNumber(first + at + 1), values.subarray(at + 1, today + 1), 'bridges');
  if (carry.streak > 0) {
    let k = at + 1;
    while (k <= today && values[k] === EntryValue.SKIP) k++; // skipped days bridge it
    const oldest = streaks[streaks.length - 1];
    if (oldest && k <= today && oldest.start === fromDayNumber(first + k)) {
      streaks[streaks.length - 1] = { start: checkpointDay, end: oldest.end, length: oldest.length + carry.streak };
    } else {
      streaks.push({ start: checkpointDay, end: checkpointDay, length: carry.streak });
    }
  }
  if (carry.best > 0) streaks.push({ start: '0000-01-01', end: '0000-01-01', length: carry.best });
  return streaks;
}
