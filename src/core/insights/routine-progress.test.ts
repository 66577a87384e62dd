import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay, wallTime } from '../time/local-day.js';
import { addDays, dayNumber, eachDay } from '../time/plain-date.js';
import { routineProgress, routineRules, type CheckInShape, type PauseShape, type RoutineShape } from './routine-progress.js';

const routine = (over: Partial<RoutineShape> = {}): RoutineShape => ({
  scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null,
  targetKind: 'none', targetValue: null, startDay: '2026-03-01', ...over,
});
type Status = CheckInShape['status'];
const checkIn = (day: string, status: Status = 'done', value: number | null = null): CheckInShape => ({ day, status, value });
/** Check-ins on consecutive days from `start`; null leaves a day without a check-in. */
const run = (start: string, statuses: Array<Status | null>): CheckInShape[] =>
  statuses.flatMap((s, i) => (s ? [checkIn(addDays(start, i), s)] : []));
const scoreOn = (p: ReturnType<typeof routineProgress>, date: string): number => p.series.find((d) => d.date === date)?.score ?? 0;

describe('routine progress', () => {
  it('counts "minimum" as done and breaks the streak on a miss', () => {
    const p = routineProgress(routine(), run('2026-03-01', ['done', 'done', 'minimum', 'missed', 'done', 'minimum', 'done']), [], { today: '2026-03-07' });
    expect(p.currentStreak).toBe(3);
    expect(p.bestStreak).toBe(3);
    expect(p.streaks.map((s) => [s.start, s.end, s.length])).toEqual([['2026-03-05', '2026-03-07', 3], ['2026-03-01', '2026-03-03', 3]]);
    // Same as Loop's daily series: 1 − 0.5^(1/13) after the first day.
    expect(scoreOn(p, '2026-03-01')).toBeCloseTo(0.051922, 6);
    expect(p.series).toHaveLength(7);
    expect(p.score).toBe(p.series.at(-1)?.score);
  });

  it('keeps the current streak while today is still open, and ends it on a miss today', () => {
    const days = run('2026-03-01', ['done', 'done', 'done']);
    expect(routineProgress(routine(), days, [], { today: '2026-03-04' }).currentStreak).toBe(3);
    expect(routineProgress(routine(), [...days, checkIn('2026-03-04', 'missed')], [], { today: '2026-03-04' }).currentStreak).toBe(0);
    expect(routineProgress(routine(), days, [], { today: '2026-03-05' }).currentStreak).toBe(0);
  });

  it('lets a skipped day bridge a streak without counting it, and leaves the score unchanged', () => {
    const p = routineProgress(routine(), run('2026-03-01', ['done', 'done', 'skipped', 'done']), [], { today: '2026-03-04' });
    expect(p.streaks).toEqual([{ start: '2026-03-01', end: '2026-03-04', length: 3 }]);
    expect(scoreOn(p, '2026-03-03')).toBe(scoreOn(p, '2026-03-02'));
  });

  it('freezes score and streak while the routine is paused, whatever was checked in', () => {
    const checkIns = [...run('2026-03-01', ['done', 'done']), checkIn('2026-03-05', 'missed'), ...run('2026-03-10', ['done'])];
    const pauses: PauseShape[] = [{ startDay: '2026-03-03', endDay: '2026-03-09' }];
    const p = routineProgress(routine(), checkIns, pauses, { today: '2026-03-10' });
    expect(p.streaks).toEqual([{ start: '2026-03-01', end: '2026-03-10', length: 3 }]);
    for (const day of eachDay('2026-03-03', '2026-03-09')) expect(scoreOn(p, day)).toBe(scoreOn(p, '2026-03-02'));
    // An open-ended pause runs through today.
    const open = routineProgress(routine(), run('2026-03-01', ['done', 'done']), [{ startDay: '2026-03-03', endDay: null }], { today: '2026-03-20' });
    expect(open.currentStreak).toBe(2);
    expect(open.score).toBe(scoreOn(open, '2026-03-02'));
  });

  it('scores a weekday routine on its weekdays only', () => {
    // 2026-03-02 is a Monday; due Monday, Wednesday, Friday.
    const mwf = routine({ scheduleKind: 'weekdays', weekdays: '1,3,5', startDay: '2026-03-02' });
    const p = routineProgress(mwf, [checkIn('2026-03-02'), checkIn('2026-03-04'), checkIn('2026-03-06'), checkIn('2026-03-09')], [], { today: '2026-03-10' });
    expect(p.currentStreak).toBe(4);
    expect(scoreOn(p, '2026-03-08')).toBe(scoreOn(p, '2026-03-06'));
    const missedWednesday = routineProgress(mwf, [checkIn('2026-03-02'), checkIn('2026-03-06')], [], { today: '2026-03-07' });
    expect(missedWednesday.streaks.map((s) => s.length)).toEqual([1, 1]);
  });

  it('scores an RFC 5545 routine on the days its rule gives', () => {
    const weekly = routine({ scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=TU', startDay: '2026-03-03' });
    const p = routineProgress(weekly, ['2026-03-03', '2026-03-10', '2026-03-17'].map((d) => checkIn(d)), [], { today: '2026-03-20' });
    expect(p.currentStreak).toBe(3);
    expect(p.bestStreak).toBe(3);
  });

  it('scores weekday and rule routines as daily habits with days off, and a quota by its own rate', () => {
    const frequencyOf = (over: Partial<RoutineShape>) => routineRules(routine(over)).frequency;
    expect(frequencyOf({ scheduleKind: 'weekdays', weekdays: '1,3,5' })).toEqual({ numerator: 1, denominator: 1 });
    expect(frequencyOf({ scheduleKind: 'rrule', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1' })).toEqual({ numerator: 1, denominator: 1 });
    expect(frequencyOf({ scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7 })).toEqual({ numerator: 3, denominator: 7 });
    expect(frequencyOf({ scheduleKind: 'times', timesPerPeriod: 9, periodDays: 7 })).toEqual({ numerator: 1, denominator: 1 });
  });

  it('scores a routine whose rule cannot be read as a daily one, keeping its history visible', () => {
    const days = run('2026-03-01', ['done', 'done', null, 'done']);
    const broken = routineProgress(routine({ scheduleKind: 'rrule', rrule: 'NOT A RULE' }), days, [], { today: '2026-03-04' });
    const daily = routineProgress(routine(), days, [], { today: '2026-03-04' });
    expect(broken).toEqual(daily);
    expect(broken.streaks.map((s) => s.length)).toEqual([1, 2]);
  });

  it('fills an N-times-per-period routine with automatic days, as Loop does', () => {
    const twiceAWeek = routine({ scheduleKind: 'times', timesPerPeriod: 2, periodDays: 7 });
    const p = routineProgress(twiceAWeek, [checkIn('2026-03-01'), checkIn('2026-03-03'), checkIn('2026-03-08'), checkIn('2026-03-10')], [], { today: '2026-03-10' });
    expect(p.bestStreak).toBe(10);
    expect(p.currentStreak).toBe(10);
    // Only checks made count towards the score; 2 in 7 days reaches it more slowly than daily.
    expect(p.score).toBeGreaterThan(0);
    expect(p.score).toBeLessThan(routineProgress(routine(), run('2026-03-01', Array(10).fill('done')), [], { today: '2026-03-10' }).score);
  });

  it('measures a numerical routine against its target', () => {
    const atLeast = routine({ targetKind: 'at_least', targetValue: 2 });
    const p = routineProgress(atLeast, [checkIn('2026-03-01', 'done', 2), checkIn('2026-03-02', 'done', 1), checkIn('2026-03-03', 'minimum', null)], [], { today: '2026-03-03' });
    expect(p.streaks.map((s) => s.length)).toEqual([1, 1]);
    // Half the target earns half a day's credit.
    expect(scoreOn(p, '2026-03-02') - scoreOn(p, '2026-03-01') * 0.5 ** (1 / 13)).toBeCloseTo(0.5 * (1 - 0.5 ** (1 / 13)), 9);
    const atMost = routine({ targetKind: 'at_most', targetValue: 2 });
    const q = routineProgress(atMost, [checkIn('2026-03-01', 'done', 5), checkIn('2026-03-02', 'missed'), checkIn('2026-03-03', 'done', 1)], [], { today: '2026-03-03' });
    expect(q.streaks.map((s) => [s.start, s.length])).toEqual([['2026-03-03', 1]]);
    expect(scoreOn(q, '2026-03-02')).toBeLessThan(scoreOn(q, '2026-03-01'));
  });

  it('runs the series past today when asked and returns nothing for a routine not started yet', () => {
    const p = routineProgress(routine(), [checkIn('2026-03-01')], [], { today: '2026-03-01', until: '2026-03-05' });
    expect(p.series.map((d) => d.date)).toEqual(eachDay('2026-03-01', '2026-03-05'));
    expect(p.currentStreak).toBe(1);
    expect(routineProgress(routine({ startDay: '2026-04-01' }), [], [], { today: '2026-03-01' })).toMatchObject({ series: [], score: 0, bestStreak: 0 });
  });
});

const statusArb = fc.constantFrom<Status | null>(null, 'done', 'minimum', 'skipped', 'missed');
const scheduleArb = fc.oneof(
  fc.constant<Partial<RoutineShape>>({ scheduleKind: 'daily' }),
  fc.integer({ min: 1, max: 7 }).chain((t) => fc.integer({ min: t, max: 14 }).map((d): Partial<RoutineShape> => ({ scheduleKind: 'times', timesPerPeriod: t, periodDays: d }))),
  fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }).map((w): Partial<RoutineShape> => ({ scheduleKind: 'weekdays', weekdays: w.join(',') })),
);
const targetArb = fc.oneof(
  fc.constant<Partial<RoutineShape>>({ targetKind: 'none' }),
  fc.record({ targetKind: fc.constantFrom<'at_least' | 'at_most'>('at_least', 'at_most'), targetValue: fc.integer({ min: 1, max: 50 }) }),
);
const historyArb = fc.record({
  schedule: scheduleArb,
  target: targetArb,
  days: fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 120 }),
});
const START = '2026-01-05';
const toCheckIns = (days: Array<[Status | null, number]>): CheckInShape[] =>
  days.flatMap(([s, v], i) => (s ? [checkIn(addDays(START, i), s, v % 3 === 0 ? null : v / 4)] : []));

describe('routine progress properties', () => {
  it('keeps every score between 0 and 1', () => {
    fc.assert(
      fc.property(historyArb, ({ schedule, target, days }) => {
        const p = routineProgress(routine({ ...schedule, ...target, startDay: START }), toCheckIns(days), [], { today: addDays(START, days.length - 1) });
        return p.series.every((d) => d.score >= 0 && d.score <= 1);
      }),
      { seed: 1101, numRuns: 200 },
    );
  });

  it('leaves the score unchanged on a skipped day', () => {
    fc.assert(
      fc.property(historyArb, ({ schedule, target, days }) => {
        const checkIns = toCheckIns(days);
        const p = routineProgress(routine({ ...schedule, ...target, startDay: START }), checkIns, [], { today: addDays(START, days.length - 1) });
        return checkIns.filter((c) => c.status === 'skipped' && c.day > START).every((c) => scoreOn(p, c.day) === scoreOn(p, addDays(c.day, -1)));
      }),
      { seed: 1102, numRuns: 200 },
    );
  });

  it('gives the same streaks and score when a pause is slipped into a daily routine', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.integer({ min: 1, max: 20 }), ({ target, days }, at, length) => {
        const cut = at % days.length;
        const before = toCheckIns(days);
        const shifted = before.map((c) => (c.day >= addDays(START, cut) ? { ...c, day: addDays(c.day, length) } : c));
        const pause = { startDay: addDays(START, cut), endDay: addDays(START, cut + length - 1) };
        const r = routine({ ...target, startDay: START });
        const plain = routineProgress(r, before, [], { today: addDays(START, days.length - 1) });
        const paused = routineProgress(r, shifted, [pause], { today: addDays(START, days.length - 1 + length) });
        return plain.currentStreak === paused.currentStreak && plain.bestStreak === paused.bestStreak && Math.abs(plain.score - paused.score) < 1e-12;
      }),
      { seed: 1103, numRuns: 200 },
    );
  });

  // The instant at which a wall clock in `timeZone` shows `date` `hour`:`minute`.
  function instantAt(date: string, hour: number, minute: number, timeZone: string): Date {
    const wanted = dayNumber(date) * 1440 + hour * 60 + minute;
    let t = Date.UTC(...(date.split('-').map(Number) as [number, number, number]).map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number], hour, minute);
    for (let i = 0; i < 3; i++) {
      const wall = wallTime(new Date(t), timeZone);
      t += (wanted - (dayNumber(wall.date) * 1440 + wall.hour * 60 + wall.minute)) * 60_000;
    }
    return new Date(t);
  }

  it('finds the same streaks in every time zone and across daylight-saving changes', () => {
    const zones = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Auckland'];
    fc.assert(
      fc.property(
        fc.constantFrom('2026-02-20', '2026-03-20', '2026-09-20', '2026-10-20'),
        fc.array(fc.tuple(statusArb, fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0, 3),
        (start, days, dayStartHour) => {
          const today = addDays(start, days.length - 1);
          const r = routine({ startDay: start });
          const byDate = days.flatMap(([s], i) => (s ? [checkIn(addDays(start, i), s)] : []));
          const expected = routineProgress(r, byDate, [], { today });
          return zones.every((timeZone) => {
            const byInstant = days.flatMap(([s, hour, minute], i) =>
              s ? [checkIn(localDay(instantAt(addDays(start, i), hour, minute, timeZone), { timeZone, dayStartHour }), s)] : [],
            );
            const p = routineProgress(r, byInstant, [], { today });
            return p.currentStreak === expected.currentStreak && JSON.stringify(p.streaks) === JSON.stringify(expected.streaks);
          });
        },
      ),
      { seed: 1104, numRuns: 60 },
    );
  });
});
