import { routineFrequency, toSchedule, type Schedule } from '../routines/schedule.js';
import { rruleDaysBetween } from '../routines/rrule-schedule.js';
import {
  daysInMonth,
  dayNumber,
  fromDayNumber,
  parseIsoDate,
  type IsoDate,
} from '../time/plain-date.js';
import { EntryValue, type HabitRules } from './loop-entry.js';
import {
  checkInValue,
  routineRules,
  type CheckInShape,
  type PauseShape,
  type RoutineShape,
} from './routine-progress.js';
import { rollingDays, scoreSeries } from './score.js';
import { isSuccess } from './streaks.js';

const { UNKNOWN, YES_AUTO, YES_MANUAL, SKIP } = EntryValue;

/** What Today shows of a routine's progress. */
export interface RoutineNow {
  /** Same as `routineProgress(...).currentStreak` on the whole history. */
  currentStreak: number;
  /** `routineProgress(...).score` on the whole history, to within 5·10⁻⁵. */
  score: number;
}

/** The result of one window: exact, or how far back to read next (null: everything). */
export type WindowOutcome =
  { exact: true; progress: RoutineNow } | { exact: false; readFrom: IsoDate | null };

/** Today's score may differ from the full-history score by less than this. */
export const SCORE_TOLERANCE = 5e-5;

/** The per-routine constants of the window arithmetic. */
export interface WindowRules {
  rules: HabitRules;
  /** Scored (non-skipped) days with exact completions that make the window's unknown start negligible. */
  settlingDays: number;
  /** Days the completion of a day looks back over (the rolling window of the score). */
  rollingDays: number;
  /** Days at the window's start whose automatic check-marks may depend on earlier check-ins. */
  autoDays: number;
  /** Share of calendar days that are due (weekday and rule schedules skip the others). */
  dueShare: number;
  schedule: Schedule;
}

/**
 * Why a window is enough. Loop's score is an exponential smoothing, s_k = m·s_(k−1) + (1 − m)·c_k on
 * every day that is not skipped (a skipped or paused day leaves it as it is), with
 * m = 0.5^(√f / 13) for a frequency f. Two runs fed the same completions c_k but started from
 * different scores (both in [0, 1]) differ by at most m^N after N such days. Starting from 0 at a
 * window's first day therefore changes today's score by at most m^N, N being the scored days whose
 * completion is already exact: those at least one rolling window (`rollingDays`) after the first
 * day read. N ≥ W with W = ⌊ln(5·10⁻⁵) / ln m⌋ + 1 gives m^N < 5·10⁻⁵, so the score is exact to 4
 * decimals: 186 scored days for a daily routine, 284 for 3 a week, 492 for once a week.
 */
export function windowRules(routine: RoutineShape): WindowRules {
  const rules = routineRules(routine);
  const { numerator, denominator } = rules.frequency;
  const f = numerator / denominator;
  const m = Math.pow(0.5, Math.sqrt(f) / 13);
  const settlingDays = Math.floor(Math.log(SCORE_TOLERANCE) / Math.log(m)) + 1;
  // A window of automatic check-marks lasts `denominator` days, or a calendar month (at most 31).
  const intervalDays = denominator === 30 || denominator === 31 ? 31 : denominator;
  const autoDays = rules.numerical || denominator === 1 ? 0 : intervalDays - 1;
  const schedule = toSchedule(routine);
  let dueShare = 1;
  if (schedule.kind === 'weekdays' || schedule.kind === 'rrule') {
    const due = routineFrequency({ schedule, startDay: routine.startDay });
    dueShare = Math.min(1, Math.max(1 / 31, due.numerator / due.denominator));
  }
  return { rules, settlingDays, rollingDays: rollingDays(rules), autoDays, dueShare, schedule };
}

/**
 * Today's streak and score of a routine from a window of its history: `checkIns` holds every
 * check-in from `from` through `today`, or every check-in up to `today` when `from` is null. The
 * result is `exact` when it equals what the whole history gives (the current streak exactly, the
 * score to `SCORE_TOLERANCE`); otherwise it says how far back to read: twice as far.
 *
 * The streak is exact once it is seen to break on a day whose value does not depend on earlier
 * check-ins: from `autoDays` after the window's start, as Loop's automatic check-marks are built
 * from check-ins up to one interval earlier. Works on day numbers, not date strings: this runs for
 * every routine on every Today.
 */
export function windowOutcome(
  routine: RoutineShape,
  checkIns: readonly CheckInShape[],
  pauses: readonly PauseShape[],
  options: { today: IsoDate; from: IsoDate | null; needScore?: boolean },
): WindowOutcome {
  const w = windowRules(routine);
  const last = dayNumber(options.today);
  const complete = options.from === null;
  // A window reaching the start may miss check-ins entered before it: only the whole history will do.
  if (!complete && options.from! <= routine.startDay) return { exact: false, readFrom: null };
  let first = complete ? dayNumber(routine.startDay) : dayNumber(options.from!);
  if (complete) for (const c of checkIns) first = Math.min(first, dayNumber(c.day));
  if (first > last) return { exact: true, progress: { currentStreak: 0, score: 0 } };

  const values = windowValues(routine, w, checkIns, pauses, first, last);
  const scores = scoreSeries(w.rules, values);
  const score = scores[scores.length - 1] ?? 0;
  const streak = walkStreak(w.rules, values);
  if (complete) return { exact: true, progress: { currentStreak: streak.length, score } };

  let scored = 0;
  for (let k = w.rollingDays - 1; k < values.length; k++) if (values[k] !== SKIP) scored++;
  const streakExact = streak.brokeAt !== null && streak.brokeAt >= w.autoDays;
  // Without `needScore` (the score comes from a checkpoint) only the streak has to be exact.
  if ((scored >= w.settlingDays || options.needScore === false) && streakExact)
    return { exact: true, progress: { currentStreak: streak.length, score } };
  const readFrom = last - 2 * (last - first + 1);
  return {
    exact: false,
    readFrom: readFrom <= dayNumber(routine.startDay) ? null : fromDayNumber(readFrom),
  };
}

/**
 * One Loop value per day from `first` to `last` (day numbers), the same `routineProgress` computes:
 * check-ins, SKIP on days not due and on paused days, then Loop's automatic check-marks.
 */
export function windowValues(
  routine: RoutineShape,
  w: WindowRules,
  checkIns: readonly CheckInShape[],
  pauses: readonly PauseShape[],
  first: number,
  last: number,
): Float64Array {
  const size = last - first + 1;
  const values = new Float64Array(size).fill(UNKNOWN);
  const entered = new Uint8Array(size);
  for (const c of checkIns) {
    const k = dayNumber(c.day) - first;
    if (k >= 0 && k < size) {
      values[k] = checkInValue(w.rules, c);
      entered[k] = 1;
    }
  }
  markDaysOff(routine, w.schedule, values, entered, first, last);
  for (const p of pauses) {
    const start = Math.max(first, dayNumber(p.startDay));
    const end = p.endDay === null ? last : Math.min(last, dayNumber(p.endDay));
    for (let n = start; n <= end; n++) values[n - first] = SKIP;
  }
  if (!w.rules.numerical && w.rules.frequency.denominator > 1)
    markAutomatic(w.rules, values, first);
  return values;
}

// Days not due by the calendar (and, for calendar schedules, days before the start) are skipped
// unless something was checked in on them; quota schedules owe no particular day.
function markDaysOff(
  routine: RoutineShape,
  schedule: Schedule,
  values: Float64Array,
  entered: Uint8Array,
  first: number,
  last: number,
): void {
  if (schedule.kind === 'times') return;
  const start = Math.max(first, dayNumber(routine.startDay));
  const due = new Uint8Array(values.length);
  if (schedule.kind === 'daily') due.fill(1, Math.max(0, start - first));
  else if (schedule.kind === 'weekdays') {
    const days = new Set(schedule.weekdays);
    // 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
    for (let n = start; n <= last; n++)
      if (days.has(((((n + 3) % 7) + 7) % 7) + 1)) due[n - first] = 1;
  } else if (start <= last) {
    for (const day of rruleDaysBetween(
      schedule.rrule,
      routine.startDay,
      fromDayNumber(start),
      fromDayNumber(last),
    ))
      due[dayNumber(day) - first] = 1;
  }
  for (let k = 0; k < values.length; k++) if (!due[k] && !entered[k]) values[k] = SKIP;
}

// Loop's automatic check-marks (auto-checkmarks.ts) on day indexes: every run of `numerator` checks
// within an interval opens one, older intervals slide back to touch newer ones, and days inside
// an interval count as done unless checked or skipped.
function markAutomatic(rules: HabitRules, values: Float64Array, first: number): void {
  const { numerator, denominator } = rules.frequency;
  const checks: number[] = [];
  for (let k = values.length - 1; k >= 0; k--) if (values[k] === YES_MANUAL) checks.push(k);
  const inside = new Uint8Array(values.length);
  let newerBegin = Number.POSITIVE_INFINITY;
  for (let i = numerator - 1; i < checks.length; i++) {
    const begin = checks[i]!;
    const center = checks[i - numerator + 1]!;
    const size = intervalLength(denominator, begin + first);
    if (center - begin >= size) continue;
    const end = begin + size - 1;
    const overlap = newerBegin - end;
    const shift = overlap > 0 ? 0 : Math.min(end - center, 1 - overlap);
    const from = Math.max(0, begin - shift);
    const to = Math.min(values.length - 1, end - shift);
    for (let k = from; k <= to; k++) inside[k] = 1;
    newerBegin = begin - shift;
  }
  for (let k = 0; k < values.length; k++) {
    if (inside[k] && values[k] !== SKIP && values[k] !== YES_MANUAL) values[k] = YES_AUTO;
  }
}

// As auto-checkmarks.ts: "once a month" intervals last a calendar month, looking ahead on a month's last day.
function intervalLength(denominator: number, beginDay: number): number {
  if (denominator !== 30 && denominator !== 31) return denominator;
  const { year, month, day } = parseIsoDate(fromDayNumber(beginDay));
  const length = daysInMonth(year, month);
  if (day !== length) return length;
  return month === 12 ? daysInMonth(year + 1, 1) : daysInMonth(year, month + 1);
}

/**
 * The streak read backwards from the day at `end` (the last day unless said) down to `stop`:
 * skipped days bridge it, and the last day when it is today (`open`) does not end it while nothing
 * is entered. `brokeAt` is the index of the day that ended it, null when it runs down to `stop`.
 */
export function walkStreak(
  rules: HabitRules,
  values: Float64Array,
  options: { end?: number; stop?: number; open?: boolean } = {},
): { length: number; brokeAt: number | null } {
  const { end = values.length - 1, stop = 0, open = true } = options;
  let length = 0;
  for (let k = end; k >= stop; k--) {
    const value = values[k]!;
    if (value === SKIP || (open && k === end && value === UNKNOWN)) continue;
    if (!isSuccess(rules, value)) return { length, brokeAt: k };
    length++;
  }
  return { length, brokeAt: null };
}

/** A routine waiting for its window to settle. */
export interface WindowItem {
  id: string;
  routine: RoutineShape;
  pauses: readonly PauseShape[];
  /** The check-ins read so far: from `from` through today (everything up to today when null). */
  checkIns: CheckInShape[];
  from: IsoDate | null;
  /** False when the score is known otherwise (a checkpoint): only the streak has to settle. */
  needScore?: boolean;
}

/** Check-ins to read for a routine: from `from` (or the beginning) up to the day before `before`. */
export interface WindowRead {
  id: string;
  from: IsoDate | null;
  before: IsoDate;
}

/**
 * Today's streak and score for every routine, widening each window (reading older check-ins in
 * chunks, batched across routines by `read`) until it is exact. A long current streak or a long
 * pause costs its own length, not the whole history.
 */
export async function settleWindows(
  items: readonly WindowItem[],
  today: IsoDate,
  read: (reads: WindowRead[]) => Promise<Map<string, CheckInShape[]>>,
): Promise<Map<string, RoutineNow>> {
  const out = new Map<string, RoutineNow>();
  let pending = items.map((item) => ({ ...item }));
  while (pending.length > 0) {
    const reads: WindowRead[] = [];
    const next: typeof pending = [];
    for (const item of pending) {
      const outcome = windowOutcome(item.routine, item.checkIns, item.pauses, {
        today,
        from: item.from,
        needScore: item.needScore,
      });
      if (outcome.exact) out.set(item.id, outcome.progress);
      else {
        reads.push({ id: item.id, from: outcome.readFrom, before: item.from! });
        next.push({ ...item, from: outcome.readFrom });
      }
    }
    if (reads.length === 0) break;
    const older = await read(reads);
    for (const item of next) item.checkIns = [...(older.get(item.id) ?? []), ...item.checkIns];
    pending = next;
  }
  return out;
}
