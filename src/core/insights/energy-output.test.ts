import { describe, expect, it } from 'vitest';
import { addDays } from '../time/plain-date.js';
import { energyOutput, type EnergyDay, type OutputDay } from './energy-output.js';

const START = '2026-10-01';
const TODAY = '2026-11-18';

/** Day i slept `sleep(i)` hours, had energy `energy(i)` and finished `done(i)` tasks. */
function history(n: number, sleep: (i: number) => number | null, done: (i: number) => number, energy: (i: number) => number = () => 3) {
  const entries: EnergyDay[] = [];
  const output: OutputDay[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays(START, i);
    entries.push({ day, energy: energy(i), sleepHours: sleep(i) });
    output.push({ day, tasksDone: done(i) });
  }
  return { entries, output };
}

const find = (findings: ReturnType<typeof energyOutput>, factor: 'sleep' | 'energy', lag: 0 | 1) => findings.find((f) => f.factor === factor && f.lag === lag)!;

describe('energy and sleep against tasks done', () => {
  it('reports the difference of means with a Welch interval and a plain sentence', () => {
    // Long nights on even days: 3,4,3,4… tasks; short nights: 1,2,1,2… Means 24/7 and 10/7,
    // variances 2/7 each, so se = 2/7 with 12 degrees of freedom (t = 2.178813).
    const long = [3, 4, 3, 4, 3, 4, 3];
    const short = [1, 2, 1, 2, 1, 2, 1];
    const { entries, output } = history(14, (i) => (i % 2 === 0 ? 8 : 6), (i) => (i % 2 === 0 ? long[i / 2]! : short[(i - 1) / 2]!));
    const sleep = find(energyOutput(entries, output, TODAY), 'sleep', 0);
    expect(sleep).toMatchObject({ days: 14, high: { days: 7 }, low: { days: 7 }, verdict: 'effect' });
    expect(sleep.difference).toBeCloseTo(2, 12);
    expect(sleep.lowerBound).toBeCloseTo(2 - 2.178813 * (2 / 7), 5);
    expect(sleep.upperBound).toBeCloseTo(2 + 2.178813 * (2 / 7), 5);
    expect(sleep.sentence).toBe('On days after 7+ hours of sleep you finish 2.0 more tasks than after shorter nights (±0.6, 14 days).');
  });

  it('says nothing below 14 paired days or 5 days on a side', () => {
    const { entries, output } = history(14, (i) => (i % 2 === 0 ? 8 : 6), (i) => (i % 2 === 0 ? 4 : 1));
    const findings = energyOutput(entries, output, TODAY);
    // The next-day relation has only 13 pairs; every energy is 3, so no high-energy day at all.
    expect(find(findings, 'sleep', 1)).toMatchObject({ days: 13, verdict: 'not_enough_data', sentence: null, difference: null });
    expect(find(findings, 'energy', 0)).toMatchObject({ days: 14, high: { days: 0, mean: null }, verdict: 'not_enough_data', sentence: null });
    const lopsided = history(20, (i) => (i < 4 ? 8 : 6), () => 2);
    expect(find(energyOutput(lopsided.entries, lopsided.output, TODAY), 'sleep', 0)).toMatchObject({ days: 20, verdict: 'not_enough_data' });
  });

  it('calls an interval that contains 0 "no clear effect", and reads the next day', () => {
    const { entries, output } = history(30, () => null, (i) => [2, 3, 1, 4, 2][i % 5]!, (i) => (i % 3 === 0 ? 5 : 2));
    const findings = energyOutput(entries, output, TODAY);
    expect(find(findings, 'sleep', 0)).toMatchObject({ days: 0, verdict: 'not_enough_data' });
    const sameDay = find(findings, 'energy', 0);
    expect(sameDay.verdict).toBe('no_clear_effect');
    expect(sameDay.sentence).toBe('No clear link yet between energy and tasks done (30 days).');
    // Tasks done the day after a high-energy day: 3, 4, 2, … differ from the others only by chance.
    expect(find(findings, 'energy', 1).days).toBe(29);
  });

  it('leaves today out: it is not over yet', () => {
    const { entries, output } = history(16, (i) => (i % 2 === 0 ? 8 : 6), (i) => (i % 2 === 0 ? 4 : 1));
    const today = addDays(START, 15);
    expect(find(energyOutput(entries, output, today), 'sleep', 0).days).toBe(15);
  });

  it('says "fewer" for a negative difference', () => {
    const { entries, output } = history(20, (i) => (i % 2 === 0 ? 8 : 6), (i) => (i % 2 === 0 ? 1 + (i % 4 === 0 ? 1 : 0) : 4));
    expect(find(energyOutput(entries, output, TODAY), 'sleep', 0).sentence).toMatch(/^On days after 7\+ hours of sleep you finish 2\.5 fewer tasks than after shorter nights \(±0\.\d, 20 days\)\.$/);
  });
});
