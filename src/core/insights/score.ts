import { EntryValue, type HabitRules } from './loop-entry.js';

const { YES_MANUAL, SKIP } = EntryValue;

/**
 * One day of exponential smoothing: the new score leans towards today's completion (0..1) by a
 * factor that depends on how often the habit is due, 0.5^(√frequency / 13), so a daily habit
 * reaches half strength after 13 perfect days and rarer habits move more slowly per day.
 */
export function scoreStep(frequency: number, previous: number, completion: number): number {
  const keep = Math.pow(0.5, Math.sqrt(frequency) / 13);
  return previous * keep + completion * (1 - keep);
}

/** How much of a numerical target a rolling sum (in real units) meets, 0..1. */
function numericalCompletion(rules: HabitRules, sum: number): number {
  const { target } = rules;
  if (rules.targetType === 'at_least') return target > 0 ? Math.min(1, sum / target) : 1;
  if (target > 0) return Math.min(1, Math.max(0, 1 - (sum - target) / target));
  return sum > 0 ? 0 : 1;
}

/**
 * Loop's strength score for consecutive days. `values` holds one computed entry value per day,
 * oldest first; the result holds the score at the end of each of those days.
 *
 * The day's completion is measured over a rolling window of the frequency's `denominator` days:
 * manual checks against `numerator` for yes/no habits (window and count doubled for non-daily
 * habits, which evens out irregular timing), or the sum of amounts against the target for
 * numerical ones. A skipped day leaves the score where it was.
 */
export function scoreSeries(rules: HabitRules, values: ArrayLike<number>): number[] {
  const atMost = rules.numerical && rules.targetType === 'at_most';
  return continueScores(rules, values, 0, atMost ? 1 : 0);
}

/** Days of values the score of a day looks back over (its own included): the rolling window. */
export function rollingDays(rules: HabitRules): number {
  const { numerator, denominator } = rules.frequency;
  return !rules.numerical && numerator / denominator < 1 ? 2 * denominator : denominator;
}

/**
 * The score series continued from a known score: `values[0..lead)` are the days before the known
 * one's day and only fill the rolling window (`lead` = `rollingDays(rules)` when continuing a
 * history that reaches back that far), `initial` is the score at the end of the last of them, and
 * the result holds the score at the end of each day from `values[lead]` on. Same arithmetic, in the
 * same order, as the whole series: the continued scores are equal to it bit for bit.
 */
export function continueScores(rules: HabitRules, values: ArrayLike<number>, lead: number, initial: number): number[] {
  const freq = rules.frequency.numerator / rules.frequency.denominator;
  let { numerator, denominator } = rules.frequency;
  if (!rules.numerical && freq < 1) {
    numerator *= 2;
    denominator *= 2;
  }
  const scores = new Array<number>(Math.max(0, values.length - lead));
  let previous = initial;
  // Integers (checks, or amounts in thousandths) keep the rolling sum exact however long it runs.
  let rolling = 0;
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    const leaving = k - denominator >= 0 ? values[k - denominator]! : undefined;
    const scored = k >= lead && value !== SKIP;
    if (rules.numerical) {
      // As in Loop, a SKIP (3) is added to a numerical window like an amount of 0.003.
      rolling += Math.max(0, value);
      if (leaving !== undefined) rolling -= Math.max(0, leaving);
      if (scored) previous = scoreStep(freq, previous, numericalCompletion(rules, rolling / 1000));
    } else {
      if (value === YES_MANUAL) rolling += 1;
      if (leaving === YES_MANUAL) rolling -= 1;
      if (scored) previous = scoreStep(freq, previous, Math.min(1, rolling / numerator));
    }
    if (k >= lead) scores[k - lead] = previous;
  }
  return scores;
}
