import { ReviewSummaryInputSchema, type ReviewKind, type ReviewSummaryInput } from '#contracts/reflection.js';
import { nowIso, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { isoWeekday } from '../time/plain-date.js';
import { checkInStats } from './check-in-misses.js';
import { metricMovement, type MetricMovement } from './metric-movement.js';
import { periodRange, resolvePeriod, weeksOfMonth } from './review-period.js';
import { energyIn, lessonsIn, microGoalsIn, momentumIn, pulsesIn, tasksIn, winsIn } from './summary-sections.js';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Everything a review opens with, stored as JSON on the review. */
export interface ReviewSummary {
  kind: ReviewKind;
  period: string;
  from: string;
  to: string;
  generatedAt: string;
  tasks: { planned: number; done: number; skipped: number; carried: number; open: number; minutesDone: number };
  microGoals: { planned: number; done: number; dropped: number; open: number };
  wins: { count: number; titles: string[] };
  checkIns: { done: number; minimum: number; skipped: number; missed: number; mostMissed: Array<{ routineId: string; name: string; misses: number }> };
  metrics: MetricMovement[];
  energy: { days: number; averageEnergy: number | null; averageSleepHours: number | null };
  /**
   * Average daily momentum (0..1) over the period's days so far and over as many days just before
   * it, and the change between the two. Absent from summaries stored before it existed.
   */
  momentum: { average: number; previousAverage: number; change: number };
  pulses: Array<{ kind: string; question: string; average: number; count: number }>;
  lessons: { count: number; titles: string[] };
  patterns: {
    byWeekday: Array<{ weekday: number; name: string; missedCheckIns: number; skippedTasks: number }>;
    /** The weekday with the most missed check-ins and skipped tasks together, if any. */
    hardestWeekday: { weekday: number; name: string; misses: number } | null;
  };
}

/**
 * The facts of a week or a month: work planned and done, wins, misses, how each active goal's
 * primary metric moved, energy, momentum, pulses, lessons, and the weekday where things slip most.
 * Every query is bounded to the period's days, so the cost follows the period, not the history.
 */
export async function reviewSummary(ctx: Ctx, input: ReviewSummaryInput): Promise<ReviewSummary> {
  const data = parseInput(ReviewSummaryInputSchema, input, 'review period');
  const period = resolvePeriod(data.kind, data.period, today(ctx));
  const range = periodRange(data.kind, period);
  const weeks = data.kind === 'weekly' ? [period] : weeksOfMonth(period);

  const tasks = await tasksIn(ctx, range);
  const checkIns = await checkInStats(ctx, range);
  const byWeekday = WEEKDAYS.map((name, i) => ({ weekday: i + 1, name, missedCheckIns: 0, skippedTasks: 0 }));
  for (const [day, n] of checkIns.missesByDay) byWeekday[isoWeekday(day) - 1]!.missedCheckIns += n;
  for (const day of tasks.skippedDays) byWeekday[isoWeekday(day) - 1]!.skippedTasks++;
  const hardest = byWeekday
    .map((d) => ({ weekday: d.weekday, name: d.name, misses: d.missedCheckIns + d.skippedTasks }))
    .reduce<{ weekday: number; name: string; misses: number } | null>((best, d) => (d.misses > (best?.misses ?? 0) ? d : best), null);

  const { skippedDays: _skipped, ...taskCounts } = tasks;
  const { missesByDay: _byDay, ...checkInCounts } = checkIns;
  return {
    kind: data.kind,
    period,
    from: range.from,
    to: range.to,
    generatedAt: nowIso(ctx),
    tasks: taskCounts,
    microGoals: await microGoalsIn(ctx, weeks),
    wins: await winsIn(ctx, range),
    checkIns: checkInCounts,
    metrics: await metricMovement(ctx, range),
    energy: await energyIn(ctx, range),
    momentum: await momentumIn(ctx, range),
    pulses: await pulsesIn(ctx, range),
    lessons: await lessonsIn(ctx, range),
    patterns: { byWeekday, hardestWeekday: hardest },
  };
}
