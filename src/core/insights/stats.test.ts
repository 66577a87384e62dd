import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLine, mean, quantileSorted, sampleBeta, sampleVariance, seededRandom, tQuantile, welchDifference } from './stats.js';

describe('statistics helpers', () => {
  it('gives the textbook Student t quantiles', () => {
    // Printed t tables: 12.706 (1), 2.776 (4), 2.228 (10), 2.042 (30).
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.0423, 4);
  });

  it('computes mean and sample variance', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(sampleVariance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(sampleVariance([7])).toBeNaN();
  });

  it("builds Welch's interval by hand-checked numbers", () => {
    // Equal spread and size: se = √(2/3), 4 degrees of freedom, t = 2.776445.
    const even = welchDifference([1, 2, 3], [2, 3, 4])!;
    expect(even.difference).toBe(1);
    expect(even.dof).toBeCloseTo(4, 10);
    expect(even.low).toBeCloseTo(1 - 2.776445 * Math.sqrt(2 / 3), 5);
    expect(even.high).toBeCloseTo(1 + 2.776445 * Math.sqrt(2 / 3), 5);
    // Unequal spreads: Welch–Satterthwaite gives 75/17 degrees of freedom.
    const uneven = welchDifference([1, 2, 3, 4], [3, 5, 7, 9])!;
    expect(uneven.difference).toBe(3.5);
    expect(uneven.dof).toBeCloseTo(75 / 17, 10);
    expect(welchDifference([1], [2, 3])).toBeNull();
    expect(welchDifference([2, 2], [5, 5])).toEqual({ difference: 3, low: 3, high: 3, dof: Number.POSITIVE_INFINITY });
  });

  it('fits a least-squares line with the standard error of its slope', () => {
    const fit = fitLine([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 2 }, { x: 3, y: 5 }])!;
    expect(fit.slope).toBeCloseTo(1.1, 12);
    expect(fit.intercept).toBeCloseTo(1.1, 12);
    expect(fit.slopeError).toBeCloseTo(Math.sqrt(0.27), 12);
    expect(fitLine([{ x: 0, y: 1 }, { x: 1, y: 2 }])).toBeNull();
    expect(fitLine([{ x: 2, y: 1 }, { x: 2, y: 2 }, { x: 2, y: 3 }])).toBeNull();
  });

  it('repeats a seeded sequence and draws Beta values with the right mean', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
    const random = seededRandom(42);
    const draws = Array.from({ length: 20_000 }, () => sampleBeta(3, 7, random));
    expect(mean(draws)).toBeCloseTo(0.3, 2);
    expect(draws.every((d) => d > 0 && d < 1)).toBe(true);
  });

  it('interpolates quantiles of sorted values', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
  });

  it('keeps every seeded draw inside [0, 1)', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, random).every((u) => u >= 0 && u < 1);
    }), { seed: 2026, numRuns: 100 });
  });
});
