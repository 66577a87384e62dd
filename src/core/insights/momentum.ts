import { dayStates } from '../routines/day-states.js';
import { isPaused, periodOf, type Schedule } from '../routines/schedule.js';
import { addDays, daysBetween, eachDay, type IsoDate } from '../time/plain-date.js';

/**
 * Momentum: one number in [0, 1] that says how much of what you set out to do you have been
 * doing lately. See docs/decisions/003-momentum.md.
 *
 * Each day gets a completion c = points / count over the things it counted:
 *   - tasks planned for the day: done 1, skipped 0, still planned once the day is over 0
 *     (a carried task counts on the day it was carried to, not the day it left);
 *   - routines due that day: done 1, minimum 0.5, missed 0, nothing checked in once the day is
 *     over 0; a deliberate skip and a paused day count nothing. "N times per period" routines are
 *     never due on a particular day: each done (1) or minimum (0.5) check-in counts on its day, and
 *     every check-in still missing when the period is over counts 0 on its last day.
 * Today counts only what is settled (a task not done yet, a routine not checked in yet waits).
 *
 * Momentum is the exponential smoothing of the completions, like Loop Habit Tracker's score:
 *   m_d = m_{d−1} · k + c_d · (1 − k),  k = 0.5^(1/7),
 * a half-life of 7 days: the weight of what you did a week ago has halved. A day with nothing
 * counted leaves momentum where it was (a rest day is no failure). It starts at 0.
 */
export const HALF_LIFE_DAYS = 7;
export const KEEP = Math.pow(0.5, 1 / HALF_LIFE_DAYS);
/**
 * The days loaded before the window so that its first day is not measured from a cold start:
 * after 4 half-lives the unknown earlier history weighs at most 0.5^4 ≈ 6%.
 */
export const WARM_UP_DAYS = 4 * HALF_LIFE_DAYS;
/** Change over the last 7 days below which the trend is "steady". */
export const TREND_THRESHOLD = 0.05;

export interface DayTally {
  day: IsoDate;
  /** Sum of the counted items' points (1 done, 0.5 minimum, 0 missed). */
  points: number;
  /** How many items were counted. */
  count: number;
}

export interface MomentumDay extends DayTally {
  /** The day's completion, points / count; null when nothing was counted. */
  completion: number | null;
  /** Momentum at the end of the day. */
  value: number;
}

export interface Trend {
  /** Momentum today minus momentum 7 days earlier. */
  change: number;
  direction: 'up' | 'down' | 'steady';
}

/** One smoothing step; a day with nothing counted keeps the previous value. */
export function momentumStep(previous: number, tally: Pick<DayTally, 'points' | 'count'>): number {
  if (tally.count <= 0) return previous;
  return previous * KEEP + (tally.points / tally.count) * (1 - KEEP);
}

/** Momentum at the end of each tallied day (consecutive days, oldest first), from `initial`. */
export function momentumSeries(tallies: readonly DayTally[], initial = 0): MomentumDay[] {
  let value = initial;
  return tallies.map((t) => {
    value = momentumStep(value, t);
    return { ...t, completion: t.count > 0 ? t.points / t.count : null, value };
  });
}

/** How momentum moved over the last `days` days of a series. */
export function trendOf(series: readonly MomentumDay[], days = 7): Trend {
  const last = series[series.length - 1];
  const earlier = series[series.length - 1 - days];
  const change = last && earlier ? last.value - earlier.value : 0;
  return { change, direction: change >= TREND_THRESHOLD ? 'up' : change <= -TREND_THRESHOLD ? 'down' : 'steady' };
}

type CheckInStatus = 'done' | 'minimum' | 'skipped' | 'missed';

export interface MomentumRoutine {
  schedule: Schedule;
  startDay: IsoDate;
  /** The first day it no longer counts (the day it was archived), or null. */
  endDay: IsoDate | null;
  pauses: ReadonlyArray<{ startDay: IsoDate; endDay: IsoDate | null }>;
  /** Its check-ins, reaching back to the start of the period holding `from` for quota routines. */
  checkIns: ReadonlyArray<{ day: IsoDate; status: CheckInStatus }>;
}

const POINTS: Record<CheckInStatus, number | null> = { done: 1, minimum: 0.5, missed: 0, skipped: null };

/** The tally of every day from `from` to `to` (see the rules above). */
export function tallyDays(
  tasks: ReadonlyArray<{ day: IsoDate; status: 'planned' | 'done' | 'skipped' | 'carried' }>,
  routines: readonly MomentumRoutine[],
  range: { from: IsoDate; to: IsoDate; today: IsoDate },
): DayTally[] {
  const { from, to, today } = range;
  const tallies = eachDay(from, to).map((day) => ({ day, points: 0, count: 0 }));
  const add = (day: IsoDate, points: number, count = 1) => {
    const t = tallies[daysBetween(from, day)];
    if (!t) return;
    t.points += points;
    t.count += count;
  };
  for (const t of tasks) {
    if (t.status === 'done') add(t.day, 1);
    else if (t.status === 'skipped' || (t.status === 'planned' && t.day < today)) add(t.day, 0);
  }
  for (const r of routines) {
    const last = r.endDay && addDays(r.endDay, -1) < to ? addDays(r.endDay, -1) : to;
    const first = r.startDay > from ? r.startDay : from;
    if (first > last) continue;
    if (r.schedule.kind === 'times') tallyQuota(r, r.schedule, first, last, today, add);
    else tallyDue(r, first, last, today, add);
  }
  return tallies;
}

function tallyDue(r: MomentumRoutine, first: IsoDate, last: IsoDate, today: IsoDate, add: (day: IsoDate, points: number) => void): void {
  for (const state of dayStates(r, r.pauses, r.checkIns, first, last)) {
    if (!state.due) continue;
    const points = state.status ? POINTS[state.status] : state.day < today ? 0 : null;
    if (points !== null) add(state.day, points);
  }
}

function tallyQuota(
  r: MomentumRoutine,
  s: { times: number; periodDays: number },
  first: IsoDate,
  last: IsoDate,
  today: IsoDate,
  add: (day: IsoDate, points: number, count?: number) => void,
): void {
  for (const c of r.checkIns) {
    const points = POINTS[c.status];
    if (c.day >= first && c.day <= last && points !== null && points > 0 && !isPaused(r.pauses, c.day)) add(c.day, points);
  }
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const period = periodOf(s.periodDays, r.startDay, day);
    if (period.end !== day || day >= today || period.start < r.startDay) continue;
    // A pause inside the period suspends its quota.
    if (eachDay(period.start, period.end).some((d) => isPaused(r.pauses, d))) continue;
    const kept = r.checkIns.filter((c) => c.day >= period.start && c.day <= period.end && (c.status === 'done' || c.status === 'minimum')).length;
    const short = Math.max(0, s.times - kept);
    if (short > 0) add(day, 0, short);
  }
}
