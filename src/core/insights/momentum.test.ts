import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, eachDay } from '../time/plain-date.js';
import { KEEP, momentumSeries, momentumStep, tallyDays, trendOf, type DayTally, type MomentumRoutine } from './momentum.js';

const tally = (day: string, points: number, count: number): DayTally => ({ day, points, count });
const week = (from: string, completion: number) => eachDay(from, addDays(from, 6)).map((d) => tally(d, completion, 1));

describe('momentum smoothing', () => {
  it('halves the distance to a perfect record every 7 days', () => {
    expect(KEEP ** 7).toBeCloseTo(0.5, 12);
    expect(momentumStep(0, { points: 1, count: 1 })).toBeCloseTo(1 - KEEP, 12);
    const series = momentumSeries(week('2026-11-01', 1));
    expect(series[6]!.value).toBeCloseTo(0.5, 12);
    expect(momentumSeries(week('2026-11-01', 1), 1).every((d) => Math.abs(d.value - 1) < 1e-12)).toBe(true);
  });

  it('leaves momentum where it was on a day with nothing counted', () => {
    const series = momentumSeries([tally('2026-11-01', 2, 2), tally('2026-11-02', 0, 0), tally('2026-11-03', 1, 4)]);
    expect(series[1]).toMatchObject({ completion: null, value: series[0]!.value });
    expect(series[2]!.completion).toBe(0.25);
    expect(series[2]!.value).toBeCloseTo(series[0]!.value * KEEP + 0.25 * (1 - KEEP), 12);
  });

  it('always stays within [0, 1] (property)', () => {
    const day = fc.record({ count: fc.integer({ min: 0, max: 12 }), share: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(fc.property(fc.array(day, { maxLength: 120 }), fc.double({ min: 0, max: 1, noNaN: true }), (days, initial) => {
      const tallies = days.map((d, i) => tally(addDays('2026-01-01', i), Math.round(d.share * d.count * 2) / 2, d.count));
      return momentumSeries(tallies, initial).every((d) => d.value >= 0 && d.value <= 1);
    }), { seed: 303, numRuns: 200 });
  });

  it('reads the trend over the last 7 days', () => {
    const rising = momentumSeries([...week('2026-11-01', 0), ...week('2026-11-08', 1)]);
    expect(trendOf(rising)).toMatchObject({ direction: 'up' });
    expect(trendOf(rising).change).toBeCloseTo(rising[13]!.value - rising[6]!.value, 12);
    const falling = momentumSeries([...week('2026-11-01', 1), ...week('2026-11-08', 0)], 1);
    expect(trendOf(falling).direction).toBe('down');
    expect(trendOf(momentumSeries(week('2026-11-01', 1), 0.5)).direction).toBe('steady');
    expect(trendOf([])).toEqual({ change: 0, direction: 'steady' });
  });
});

describe('what a day counts', () => {
  const range = { from: '2026-11-16', to: '2026-11-18', today: '2026-11-18' };
  const daily = (over: Partial<MomentumRoutine> = {}): MomentumRoutine => ({ schedule: { kind: 'daily' }, startDay: '2026-11-01', endDay: null, pauses: [], checkIns: [], ...over });

  it('counts tasks: done 1, skipped 0, left planned 0 once the day is over, carried not at all', () => {
    const tallies = tallyDays([
      { day: '2026-11-16', status: 'done' }, { day: '2026-11-16', status: 'skipped' }, { day: '2026-11-16', status: 'carried' },
      { day: '2026-11-17', status: 'planned' }, { day: '2026-11-18', status: 'planned' }, { day: '2026-11-18', status: 'done' },
    ], [], range);
    expect(tallies).toEqual([tally('2026-11-16', 1, 2), tally('2026-11-17', 0, 1), tally('2026-11-18', 1, 1)]);
  });

  it('counts due routines: done 1, minimum 0.5, missed 0, skipped and paused days nothing, unchecked today waits', () => {
    const r = daily({ checkIns: [{ day: '2026-11-16', status: 'minimum' }, { day: '2026-11-17', status: 'skipped' }] });
    expect(tallyDays([], [r], range)).toEqual([tally('2026-11-16', 0.5, 1), tally('2026-11-17', 0, 0), tally('2026-11-18', 0, 0)]);
    const missed = daily({ checkIns: [{ day: '2026-11-16', status: 'missed' }, { day: '2026-11-18', status: 'done' }] });
    expect(tallyDays([], [missed], range)).toEqual([tally('2026-11-16', 0, 1), tally('2026-11-17', 0, 1), tally('2026-11-18', 1, 1)]);
    const paused = daily({ pauses: [{ startDay: '2026-11-17', endDay: null }] });
    expect(tallyDays([], [paused], range).map((t) => t.count)).toEqual([1, 0, 0]);
    const weekdays = daily({ schedule: { kind: 'weekdays', weekdays: [2] } });
    expect(tallyDays([], [weekdays], range).map((t) => t.count)).toEqual([0, 1, 0]);
  });

  it('counts nothing before a routine starts or from the day it was archived', () => {
    expect(tallyDays([], [daily({ startDay: '2026-11-17' })], range).map((t) => t.count)).toEqual([0, 1, 0]);
    expect(tallyDays([], [daily({ endDay: '2026-11-17' })], range).map((t) => t.count)).toEqual([1, 0, 0]);
  });

  it('counts a quota routine by its check-ins, and what is missing when its week is over', () => {
    const thrice: MomentumRoutine = {
      schedule: { kind: 'times', times: 3, periodDays: 7 },
      startDay: '2026-11-01',
      endDay: null,
      pauses: [],
      // Week 2026-W46 (9–15 Nov) got one done and one minimum: one check-in short on Sunday the 15th.
      checkIns: [{ day: '2026-11-10', status: 'done' }, { day: '2026-11-12', status: 'minimum' }, { day: '2026-11-13', status: 'missed' }, { day: '2026-11-16', status: 'done' }],
    };
    const tallies = tallyDays([], [thrice], { from: '2026-11-09', to: '2026-11-18', today: '2026-11-18' });
    const byDay = Object.fromEntries(tallies.filter((t) => t.count > 0).map((t) => [t.day, [t.points, t.count]]));
    expect(byDay).toEqual({ '2026-11-10': [1, 1], '2026-11-12': [0.5, 1], '2026-11-15': [0, 1], '2026-11-16': [1, 1] });
  });
});
