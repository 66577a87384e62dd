import fc from 'fast-check';
import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compareBeforeAfter, compareVariants, probabilityBBeatsA, relativeLift } from './experiment-stats.js';

const counts = (successes: number, trials: number) => ({ successes, trials });

// P(pB > pA) = ∫ f_B(x) F_A(x) dx by the midpoint rule, as an independent check of the closed form.
type BetaFns = { beta: { pdf(x: number, a: number, b: number): number; cdf(x: number, a: number, b: number): number } };
function integrated(a: { successes: number; trials: number }, b: { successes: number; trials: number }): number {
  const { beta } = jStat as unknown as BetaFns;
  const steps = 20_000;
  let sum = 0;
  for (let k = 0; k < steps; k++) {
    const x = (k + 0.5) / steps;
    sum += beta.pdf(x, b.successes + 1, b.trials - b.successes + 1) * beta.cdf(x, a.successes + 1, a.trials - a.successes + 1);
  }
  return sum / steps;
}

describe('P(B beats A), beta-binomial with a uniform prior', () => {
  it('matches closed-form values', () => {
    // No data on either side: a coin toss.
    expect(probabilityBBeatsA(counts(0, 0), counts(0, 0))).toBeCloseTo(0.5, 12);
    // Beta(k, 1) against a uniform rate: k / (k + 1).
    expect(probabilityBBeatsA(counts(0, 0), counts(1, 1))).toBeCloseTo(2 / 3, 12);
    expect(probabilityBBeatsA(counts(0, 0), counts(4, 4))).toBeCloseTo(5 / 6, 12);
    // Beta(2, 1) against Beta(1, 2): 5/6.
    expect(probabilityBBeatsA(counts(0, 1), counts(1, 1))).toBeCloseTo(5 / 6, 12);
  });

  it('agrees with numeric integration of the posteriors', () => {
    expect(probabilityBBeatsA(counts(2, 9), counts(5, 9))).toBeCloseTo(0.9150988, 6);
    expect(probabilityBBeatsA(counts(20, 100), counts(30, 100))).toBeCloseTo(0.9476031, 6);
    expect(probabilityBBeatsA(counts(30, 100), counts(20, 100))).toBeCloseTo(1 - 0.9476031, 6);
  });

  it('stays a probability, complements its mirror and matches integration (property)', () => {
    const variant = fc.integer({ min: 0, max: 60 }).chain((trials) => fc.record({ trials: fc.constant(trials), successes: fc.integer({ min: 0, max: trials }) }));
    fc.assert(fc.property(variant, variant, (a, b) => {
      const p = probabilityBBeatsA(a, b);
      const q = probabilityBBeatsA(b, a);
      return p >= 0 && p <= 1 && Math.abs(p + q - 1) < 1e-9 && Math.abs(p - integrated(a, b)) < 1e-4;
    }), { seed: 1122, numRuns: 40 });
  });

  it('handles very large counts through the normal approximation', () => {
    const p = probabilityBBeatsA(counts(200_000, 1_000_000), counts(201_000, 1_000_000));
    expect(p).toBeGreaterThan(0.94);
    expect(p).toBeLessThan(0.97);
  });
});

describe('relative lift', () => {
  it('gives the same interval for the same counts, around the observed lift', () => {
    const a = counts(40, 200);
    const b = counts(60, 200);
    const lift = relativeLift(a, b);
    expect(relativeLift(a, b)).toEqual(lift);
    // Observed 0.30 / 0.20 − 1 = 50%; the posterior median sits close to it.
    expect(lift.median).toBeGreaterThan(0.4);
    expect(lift.median).toBeLessThan(0.55);
    expect(lift.low).toBeLessThan(lift.median);
    expect(lift.high).toBeGreaterThan(lift.median);
    expect(lift.low).toBeGreaterThan(0);
  });
});

describe('compareVariants', () => {
  it('says "not enough data" below 10 trials per variant', () => {
    const r = compareVariants([{ name: 'Control', ...counts(1, 4) }, { name: 'Short', ...counts(3, 12) }]);
    expect(r).toMatchObject({ status: 'not_enough_data', message: expect.stringMatching(/at least 10 trials \(Control has 4\)/) });
    expect(compareVariants([{ name: 'Only', ...counts(5, 50) }])).toMatchObject({ status: 'not_enough_data' });
  });

  it('compares each variant with the first one', () => {
    const r = compareVariants([{ name: 'A', ...counts(20, 100) }, { name: 'B', ...counts(30, 100) }, { name: 'C', ...counts(5, 100) }]);
    if (r.status !== 'ok') throw new Error('expected a comparison');
    expect(r.comparisons.map((c) => [c.variant, c.control, c.verdict])).toEqual([['B', 'A', 'unclear'], ['C', 'A', 'worse']]);
    expect(r.comparisons[0]!.probabilityBetter).toBeCloseTo(0.9476031, 6);
  });
});

describe('before / after a personal experiment', () => {
  it('reports the difference of means with a Welch interval, in the metric direction', () => {
    const up = compareBeforeAfter([1, 2, 3], [2, 3, 4], 'up');
    expect(up).toMatchObject({ status: 'ok', difference: 1, verdict: 'unclear', before: { count: 3, mean: 2 }, during: { count: 3, mean: 3 } });
    const clear = compareBeforeAfter([10, 11, 12, 11], [6, 5, 7, 6], 'down');
    expect(clear).toMatchObject({ status: 'ok', difference: -5, verdict: 'better' });
    expect(compareBeforeAfter([10, 11, 12, 11], [6, 5, 7, 6], 'up')).toMatchObject({ verdict: 'worse' });
  });

  it('needs three measurements on each side', () => {
    expect(compareBeforeAfter([1, 2], [3, 4, 5], 'up')).toMatchObject({ status: 'not_enough_data', before: 2, during: 3, message: expect.stringMatching(/3 measurements before and 3 during/) });
  });
});
