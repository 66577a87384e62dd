import type { CheckInTable, RoutinePauseTable, RoutineTable } from '#db/schema.js';
import { dueDays, routineFrequency, toSchedule, type ScheduleColumns, type Scheduled } from '../routines/schedule.js';
import { addDays, daysBetween, eachDay, type IsoDate } from '../time/plain-date.js';
import { computeEntries } from './auto-checkmarks.js';
import { EntryValue, frequency, type Frequency, type HabitRules, type LoopEntry } from './loop-entry.js';
import { dailyValues } from './loop-habit.js';
import { scoreSeries } from './score.js';
import { findStreaks, type Streak } from './streaks.js';

export type RoutineShape = ScheduleColumns & Pick<RoutineTable, 'startDay' | 'targetKind' | 'targetValue'>;
export type CheckInShape = Pick<CheckInTable, 'day' | 'status' | 'value'>;
export type PauseShape = Pick<RoutinePauseTable, 'startDay' | 'endDay'>;

export interface DailyScore {
  date: IsoDate;
  score: number;
}

export interface RoutineProgress {
  today: IsoDate;
  /** The streak still alive today (a day not yet checked in does not end it), else 0. */
  currentStreak: number;
  bestStreak: number;
  /** The strength score at the end of today, 0..1. */
  score: number;
  /** One score per day from the routine's first day to `until` (today by default). */
  series: DailyScore[];
  /** Every streak up to today, newest first. */
  streaks: Streak[];
}

const scheduled = (routine: RoutineShape): Scheduled => ({ schedule: toSchedule(routine), startDay: routine.startDay });

/**
 * The frequency a routine is scored with. Loop knows only "n times in d days", so weekday and
 * RFC 5545 schedules are scored as daily habits whose days off are skipped (see `routineEntries`)
 * rather than by their average rate, which would let a Monday count for a missed Wednesday.
 */
export function scoringFrequency(routine: Scheduled): Frequency {
  const kind = routine.schedule.kind;
  return kind === 'weekdays' || kind === 'rrule' ? frequency(1, 1) : routineFrequency(routine);
}

/** The Loop rules a routine is scored by: its frequency, and its numerical target if it has one. */
export function routineRules(routine: RoutineShape): HabitRules {
  const numerical = routine.targetKind !== 'none' && routine.targetValue !== null && Number.isFinite(routine.targetValue);
  return {
    frequency: scoringFrequency(scheduled(routine)),
    numerical,
    targetType: routine.targetKind === 'at_most' ? 'at_most' : 'at_least',
    target: numerical ? routine.targetValue! : 0,
  };
}

const thousandths = (amount: number): number => Math.round(amount * 1000);

/** A check-in in Loop's encoding. "minimum" is as good as "done" for scores and streaks. */
export function checkInValue(rules: HabitRules, checkIn: CheckInShape): number {
  if (checkIn.status === 'skipped') return EntryValue.SKIP;
  if (!rules.numerical) return checkIn.status === 'missed' ? EntryValue.NO : EntryValue.YES_MANUAL;
  const { target, targetType } = rules;
  const amount = checkIn.value;
  if (checkIn.status === 'missed') {
    // Without an amount, a miss earns nothing: 0 against "at least", twice the limit against "at most".
    return thousandths(amount ?? (targetType === 'at_least' ? 0 : 2 * target));
  }
  if (amount === null) return thousandths(target);
  if (checkIn.status === 'done') return thousandths(amount);
  return thousandths(targetType === 'at_least' ? Math.max(amount, target) : Math.min(amount, target));
}

/**
 * The routine's days from `from` to `to` as Loop entries: its check-ins, SKIP on days it is not
 * due (weekday and RFC 5545 schedules) and SKIP on every paused day, whatever was checked in.
 */
export function routineEntries(routine: RoutineShape, checkIns: readonly CheckInShape[], pauses: readonly PauseShape[], from: IsoDate, to: IsoDate): LoopEntry[] {
  const rules = routineRules(routine);
  const byDay = new Map<IsoDate, number>();
  for (const c of checkIns) if (c.day >= from && c.day <= to) byDay.set(c.day, checkInValue(rules, c));
  const due = dueDays(scheduled(routine), from, to);
  if (due) {
    const dueSet = new Set(due);
    for (const day of eachDay(from, to)) if (!byDay.has(day) && !dueSet.has(day)) byDay.set(day, EntryValue.SKIP);
  }
  for (const p of pauses) {
    const start = p.startDay > from ? p.startDay : from;
    const end = p.endDay === null || p.endDay > to ? to : p.endDay;
    if (start <= end) for (const day of eachDay(start, end)) byDay.set(day, EntryValue.SKIP);
  }
  return [...byDay].map(([date, value]) => ({ date, value }));
}

/**
 * Streaks and strength score of a routine, computed with Loop Habit Tracker's rules on its
 * check-ins. Paused days freeze both: the score stays put and a streak neither breaks nor grows.
 * `until` (default today) lets the score series run past today, as if nothing more were checked in.
 */
export function routineProgress(
  routine: RoutineShape,
  checkIns: readonly CheckInShape[],
  pauses: readonly PauseShape[],
  options: { today: IsoDate; until?: IsoDate },
): RoutineProgress {
  const { today } = options;
  const until = options.until && options.until > today ? options.until : today;
  let first = routine.startDay;
  for (const c of checkIns) if (c.day < first) first = c.day;
  if (first > until) return { today, currentStreak: 0, bestStreak: 0, score: 0, series: [], streaks: [] };

  const rules = routineRules(routine);
  const computed = computeEntries(rules, routineEntries(routine, checkIns, pauses, first, until));
  // Loop may slide an automatic window back before the first check; a routine's history starts on
  // its first day, so nothing earlier counts (scores are unaffected: they only count manual checks).
  const from = first;
  const values = dailyValues(computed, from, until);
  const scores = scoreSeries(rules, values);

  const todayIndex = daysBetween(from, today);
  const throughToday = values.slice(0, todayIndex + 1);
  const streaks = findStreaks(rules, from, throughToday, 'bridges');
  let series: DailyScore[] | undefined;
  return {
    today,
    currentStreak: currentStreak(streaks[0], throughToday, from),
    bestStreak: streaks.reduce((best, s) => Math.max(best, s.length), 0),
    score: scores[todayIndex] ?? 0,
    // Dated only when read: Today needs the score, not years of dated points.
    get series() {
      return (series ??= scores.map((score, k) => ({ date: addDays(from, k), score })));
    },
    streaks,
  };
}

// The newest streak is still current when every day after it is skipped or paused, or is today
// with nothing entered yet.
function currentStreak(newest: Streak | undefined, values: readonly number[], from: IsoDate): number {
  if (!newest) return 0;
  const last = values.length - 1;
  for (let k = daysBetween(from, newest.end) + 1; k <= last; k++) {
    const value = values[k];
    if (value === EntryValue.SKIP) continue;
    if (k === last && value === EntryValue.UNKNOWN) continue;
    return 0;
  }
  return newest.length;
}
