import { createRequire } from 'node:module';
import type JStat from 'jstat';

/*
 * Small, pure statistics shared by the insights. jStat supplies the special functions (Student's t
 * quantiles, ln B); everything else is written out so each formula can be read next to its test.
 */

const require = createRequire(import.meta.url);
let loaded: typeof JStat | undefined;
// Loaded on first use: `goal show` and `experiment show` import these, but need a quantile only
// when there are enough measurements, and every CLI call pays for a module parsed at start-up.
const jStat = (): typeof JStat => (loaded ??= require('jstat') as typeof JStat);

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length > 0 ? sum / values.length : Number.NaN;
}

/** The unbiased sample variance (n − 1 in the denominator); NaN below two values. */
export function sampleVariance(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return ss / (values.length - 1);
}

/** The p-quantile of Student's t distribution with `dof` degrees of freedom. */
export function tQuantile(p: number, dof: number): number {
  return jStat().studentt.inv(p, dof);
}

export const betaln = (a: number, b: number): number => jStat().betaln(a, b);

/** The standard normal distribution function. */
export const normalCdf = (x: number): number => jStat().normal.cdf(x, 0, 1);

/** A difference of means with its 95% confidence interval. */
export interface MeanDifference {
  /** mean(b) − mean(a). */
  difference: number;
  low: number;
  high: number;
  /** Welch–Satterthwaite degrees of freedom (Infinity when both groups have no spread). */
  dof: number;
}

/**
 * Welch's t interval for mean(b) − mean(a): it does not assume equal variances, which two
 * groups of days or measurements seldom have. Needs at least two values in each group.
 */
export function welchDifference(a: readonly number[], b: readonly number[], confidence = 0.95): MeanDifference | null {
  if (a.length < 2 || b.length < 2) return null;
  const difference = mean(b) - mean(a);
  const va = sampleVariance(a) / a.length;
  const vb = sampleVariance(b) / b.length;
  const se = Math.sqrt(va + vb);
  // Two constant groups: the difference is exactly what was seen.
  if (se === 0) return { difference, low: difference, high: difference, dof: Number.POSITIVE_INFINITY };
  const dof = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile(1 - (1 - confidence) / 2, dof) * se;
  return { difference, low: difference - half, high: difference + half, dof };
}

/** A least-squares line y = intercept + slope·x with the standard error of its slope. */
export interface LineFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope (0 when the points lie exactly on the line). */
  slopeError: number;
  n: number;
  meanX: number;
  meanY: number;
}

/** Ordinary least squares; null below three points or when every x is the same. */
export function fitLine(points: ReadonlyArray<{ x: number; y: number }>): LineFit | null {
  const n = points.length;
  if (n < 3) return null;
  const meanX = mean(points.map((p) => p.x));
  const meanY = mean(points.map((p) => p.y));
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (const p of points) sse += (p.y - intercept - slope * p.x) ** 2;
  return { slope, intercept, slopeError: Math.sqrt(sse / (n - 2) / sxx), n, meanX, meanY };
}

/** A small, fast, seedable generator (mulberry32) so Monte Carlo results repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function standardNormal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm away from 0.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw by Marsaglia and Tsang's method (shape ≥ 1, as every posterior here is). */
export function sampleGamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, random: () => number): number {
  const x = sampleGamma(a, random);
  return x / (x + sampleGamma(b, random));
}

/** The q-quantile of sorted values, linearly interpolated (R's type 7). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}
