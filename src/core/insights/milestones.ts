import type { IsoDate } from '../time/plain-date.js';
import type { Streak } from './streaks.js';

/**
 * A milestone worth a win. `key` is deterministic, so the same milestone can only ever make one
 * win (wins are unique per source and source id), however often the check-in is repeated.
 */
export interface Milestone {
  key: string;
  title: string;
}

/** A new best streak is celebrated from this length on. */
export const MIN_BEST_STREAK = 7;
/** Strength scores whose upward crossing is celebrated. */
export const STRENGTH_THRESHOLDS = [0.5, 0.8] as const;

export interface ProgressShape {
  streaks: readonly Streak[];
  /** The strength score at the end of today. */
  score: number;
}

// Win titles are single lines of at most 200 characters; long names are shortened.
const nameFor = (name: string): string => (name.length > 120 ? `${name.slice(0, 119)}…` : name);

/**
 * The milestones a check-in on `day` earned, from the routine's progress before and after it:
 * - a new best streak: the streak holding `day` grows past every other streak (and reaches 7
 *   days) with this check-in. It is celebrated once, when it breaks the record, not every day it
 *   keeps growing afterwards;
 * - the strength score crossing 50% or 80% upwards.
 */
export function routineMilestones(
  routine: { id: string; name: string },
  before: ProgressShape,
  after: ProgressShape,
  day: IsoDate,
): Milestone[] {
  const out: Milestone[] = [];
  const name = nameFor(routine.name);
  const streak = after.streaks.find((s) => s.start <= day && day <= s.end);
  if (streak) {
    const inside = (s: Streak) => s.start >= streak.start && s.end <= streak.end;
    const record = Math.max(0, ...before.streaks.filter((s) => !inside(s)).map((s) => s.length));
    const already = Math.max(0, ...before.streaks.filter(inside).map((s) => s.length));
    const needed = Math.max(record + 1, MIN_BEST_STREAK);
    if (streak.length >= needed && already < needed) {
      out.push({ key: `routine:${routine.id}:best-streak:${streak.length}`, title: `${name}: new best streak of ${streak.length} days` });
    }
  }
  for (const threshold of STRENGTH_THRESHOLDS) {
    if (before.score < threshold && after.score >= threshold) {
      const percent = Math.round(threshold * 100);
      out.push({ key: `routine:${routine.id}:strength:${percent}`, title: `${name}: strength reached ${percent}%` });
    }
  }
  return out;
}

/** The milestone of a measurement that reaches its primary metric's target (direction respected). */
export function metricTargetMilestone(
  metric: { id: string; name: string; unit: string; direction: 'up' | 'down'; primary: boolean; target: number | null },
  value: number,
): Milestone | null {
  if (!metric.primary || metric.target === null) return null;
  const reached = metric.direction === 'up' ? value >= metric.target : value <= metric.target;
  if (!reached) return null;
  const unit = metric.unit ? ` ${metric.unit}` : '';
  return { key: `metric:${metric.id}:target:${metric.target}`, title: `${nameFor(metric.name)} reached its target of ${metric.target}${unit}` };
}
