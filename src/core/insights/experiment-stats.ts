import { betaln, mean, normalCdf, quantileSorted, sampleBeta, seededRandom, welchDifference } from './stats.js';

/** Successes out of trials of one variant. */
export interface Counts {
  trials: number;
  successes: number;
}

/** Below this many trials in a variant, a comparison is reported as "not enough data". */
export const MIN_TRIALS = 10;
/** Below this many measurements before or during an experiment, no difference is reported. */
export const MIN_MEASUREMENTS = 3;

// Evan Miller's sum runs over one posterior's α; above this it switches to a normal approximation.
const EXACT_LIMIT = 100_000;

/**
 * P(rate of B > rate of A) with a uniform Beta(1, 1) prior on each rate, so the posteriors are
 * Beta(1 + successes, 1 + failures). Exact, by Evan Miller's closed form
 *   Σ_{i=0}^{αB−1} B(αA+i, βA+βB) / ((βB+i) · B(1+i, βB) · B(αA, βA)),
 * summed in log space over whichever posterior has the smaller α (P(B>A) = 1 − P(A>B): ties have
 * probability 0). Past 100,000 successes a normal approximation of the two posteriors is used.
 */
export function probabilityBBeatsA(a: Counts, b: Counts): number {
  const aA = a.successes + 1;
  const bA = a.trials - a.successes + 1;
  const aB = b.successes + 1;
  const bB = b.trials - b.successes + 1;
  if (Math.min(aA, aB) > EXACT_LIMIT) return normalApproximation(aA, bA, aB, bB);
  if (aB <= aA) return clamp01(millerSum(aA, bA, aB, bB));
  return clamp01(1 - millerSum(aB, bB, aA, bA));
}

function millerSum(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  const base = betaln(aA, bA);
  for (let i = 0; i < aB; i++) total += Math.exp(betaln(aA + i, bA + bB) - Math.log(bB + i) - betaln(1 + i, bB) - base);
  return total;
}

function normalApproximation(aA: number, bA: number, aB: number, bB: number): number {
  const moments = (x: number, y: number) => ({ m: x / (x + y), v: (x * y) / ((x + y) ** 2 * (x + y + 1)) });
  const A = moments(aA, bA);
  const B = moments(aB, bB);
  return normalCdf((B.m - A.m) / Math.sqrt(A.v + B.v));
}

const clamp01 = (p: number): number => Math.min(1, Math.max(0, p));

/** The relative lift of B over A, rate(B) / rate(A) − 1: posterior median and 95% credible interval. */
export interface Lift {
  median: number;
  low: number;
  high: number;
}

/**
 * The lift's posterior by Monte Carlo: `draws` pairs of rates from the two Beta posteriors, from a
 * seeded generator, so the same counts always give the same interval.
 */
export function relativeLift(a: Counts, b: Counts, options: { draws?: number; seed?: number } = {}): Lift {
  const draws = options.draws ?? 20_000;
  const random = seededRandom(options.seed ?? 20_261_122);
  const lifts = new Array<number>(draws);
  for (let k = 0; k < draws; k++) {
    const pA = sampleBeta(a.successes + 1, a.trials - a.successes + 1, random);
    const pB = sampleBeta(b.successes + 1, b.trials - b.successes + 1, random);
    lifts[k] = pB / pA - 1;
  }
  lifts.sort((x, y) => x - y);
  return { median: quantileSorted(lifts, 0.5), low: quantileSorted(lifts, 0.025), high: quantileSorted(lifts, 0.975) };
}

export interface VariantComparison {
  variant: string;
  control: string;
  /** P(this variant's rate > the control's). */
  probabilityBetter: number;
  /** Lift over the control; null when the control has no success yet (the ratio has no useful bounds). */
  lift: Lift | null;
  verdict: 'better' | 'worse' | 'unclear';
}

export type AbStats =
  | { status: 'not_enough_data'; minTrials: number; message: string }
  | { status: 'ok'; comparisons: VariantComparison[] };

/**
 * Compare every variant with the first one (the control). A variant is called better (or worse)
 * when the probability passes 95% (or falls under 5%); otherwise the test is still unclear.
 */
export function compareVariants(variants: ReadonlyArray<Counts & { name: string }>): AbStats {
  const [control, ...others] = variants;
  if (!control || others.length === 0) return { status: 'not_enough_data', minTrials: MIN_TRIALS, message: 'An A/B comparison needs two variants.' };
  const thin = variants.filter((v) => v.trials < MIN_TRIALS);
  if (thin.length > 0) {
    return {
      status: 'not_enough_data',
      minTrials: MIN_TRIALS,
      message: `Not enough data yet: every variant needs at least ${MIN_TRIALS} trials (${thin.map((v) => `${v.name} has ${v.trials}`).join(', ')}).`,
    };
  }
  const comparisons = others.map((v): VariantComparison => {
    const probabilityBetter = probabilityBBeatsA(control, v);
    return {
      variant: v.name,
      control: control.name,
      probabilityBetter,
      lift: control.successes > 0 ? relativeLift(control, v) : null,
      verdict: probabilityBetter >= 0.95 ? 'better' : probabilityBetter <= 0.05 ? 'worse' : 'unclear',
    };
  });
  return { status: 'ok', comparisons };
}

export type BeforeAfterStats =
  | { status: 'not_enough_data'; before: number; during: number; needed: number; message: string }
  | {
      status: 'ok';
      before: { count: number; mean: number };
      during: { count: number; mean: number };
      /** mean(during) − mean(before), with a 95% Welch interval. */
      difference: number;
      low: number;
      high: number;
      /** Which way the change went for the metric, given its direction; unclear when the interval contains 0. */
      verdict: 'better' | 'worse' | 'unclear';
    };

/** Measurements before vs during a personal experiment: difference of means with Welch's 95% interval. */
export function compareBeforeAfter(before: readonly number[], during: readonly number[], direction: 'up' | 'down'): BeforeAfterStats {
  const diff = before.length >= MIN_MEASUREMENTS && during.length >= MIN_MEASUREMENTS ? welchDifference(before, during) : null;
  if (!diff) {
    return {
      status: 'not_enough_data',
      before: before.length,
      during: during.length,
      needed: MIN_MEASUREMENTS,
      message: `Not enough data yet: it takes ${MIN_MEASUREMENTS} measurements before and ${MIN_MEASUREMENTS} during the experiment (there are ${before.length} and ${during.length}).`,
    };
  }
  const sign = direction === 'up' ? 1 : -1;
  const verdict = diff.low > 0 ? (sign > 0 ? 'better' : 'worse') : diff.high < 0 ? (sign > 0 ? 'worse' : 'better') : 'unclear';
  return {
    status: 'ok',
    before: { count: before.length, mean: mean(before) },
    during: { count: during.length, mean: mean(during) },
    difference: diff.difference,
    low: diff.low,
    high: diff.high,
    verdict,
  };
}
