import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays } from '../time/plain-date.js';
import { routineProgress, scoreWindowDays, windowSettled, type CheckInShape, type PauseShape, type RoutineShape } from './routine-progress.js';

const START = '2024-01-01';
const TODAY = '2026-03-15';
const SPAN = 805; // days from START to TODAY

const routineArb: fc.Arbitrary<RoutineShape> = fc.oneof(
  fc.constant<RoutineShape>({ scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START }),
  fc.constant<RoutineShape>({ scheduleKind: 'weekdays', timesPerPeriod: null, periodDays: null, weekdays: '1,3,5', rrule: null, targetKind: 'none', targetValue: null, startDay: START }),
  fc.constant<RoutineShape>({ scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START }),
  fc.constant<RoutineShape>({ scheduleKind: 'times', timesPerPeriod: 1, periodDays: 30, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START }),
  fc.constant<RoutineShape>({ scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'at_least', targetValue: 5, startDay: START }),
  fc.constant<RoutineShape>({ scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'at_most', targetValue: 2, startDay: START }),
);

const statusArb = fc.constantFrom<CheckInShape['status'] | null>('done', 'done', 'done', 'minimum', 'skipped', 'missed', null, null);

/** A history: each day maybe a check-in, and a long unbroken run at the end to test streaks that cross the window. */
const historyArb = fc.record({
  days: fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 9 })), { minLength: SPAN, maxLength: SPAN }),
  tailRun: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 600 })),
  pause: fc.option(fc.tuple(fc.integer({ min: 0, max: SPAN - 40 }), fc.integer({ min: 1, max: 40 })), { nil: null }),
});

it('reads only the score window and still gives today’s score to 4 decimals and the same current streak', () => {
  let unsettled = 0;
  fc.assert(
    fc.property(routineArb, historyArb, (routine, h) => {
      const checkIns: CheckInShape[] = [];
      h.days.forEach(([status, value], k) => {
        const day = addDays(START, k);
        const inTail = k >= SPAN - h.tailRun;
        const s = inTail ? 'done' : status;
        if (s) checkIns.push({ day, status: s, value: routine.targetKind === 'none' ? null : inTail ? (routine.targetKind === 'at_least' ? 6 : 1) : value });
      });
      const pauses: PauseShape[] = h.pause ? [{ startDay: addDays(START, h.pause[0]), endDay: addDays(START, h.pause[0] + h.pause[1]) }] : [];
      const full = routineProgress(routine, checkIns, pauses, { today: TODAY });
      const from = addDays(TODAY, -scoreWindowDays(routine));
      const windowed = routineProgress(routine, checkIns.filter((c) => c.day >= from), pauses, { today: TODAY, from });
      // Today trusts the window only when it has settled; otherwise it reads the whole history.
      if (windowSettled(routine, windowed, from)) {
        expect(Math.abs(windowed.score - full.score)).toBeLessThan(5e-5);
        expect(windowed.currentStreak).toBe(full.currentStreak);
      } else {
        unsettled++;
      }
      return true;
    }),
    { seed: 20261122, numRuns: 60 },
  );
  // Long streaks and skip-heavy windows are what make Today widen its window.
  expect(unsettled).toBeGreaterThan(0);
});

it('settles within the first window for a daily routine with few skips and no long streak', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom<CheckInShape['status'] | null>('done', 'done', 'minimum', 'missed', null), { minLength: SPAN, maxLength: SPAN }), (statuses) => {
      const routine: RoutineShape = { scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START };
      // A miss every 30 days at least keeps streaks short.
      const checkIns = statuses.flatMap((st, k) => (k % 30 === 0 ? [{ day: addDays(START, k), status: 'missed' as const, value: null }] : st ? [{ day: addDays(START, k), status: st, value: null }] : []));
      const from = addDays(TODAY, -scoreWindowDays(routine));
      const windowed = routineProgress(routine, checkIns.filter((c) => c.day >= from), [], { today: TODAY, from });
      expect(windowSettled(routine, windowed, from)).toBe(true);
    }),
    { seed: 7, numRuns: 20 },
  );
});

it('needs about half a year of history for a daily routine and more for rarer ones', () => {
  const base = { timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START } as const;
  expect(scoreWindowDays({ ...base, scheduleKind: 'daily' })).toBe(234);
  expect(scoreWindowDays({ ...base, scheduleKind: 'weekdays', weekdays: '1,3,5' })).toBe(Math.ceil((1.25 * 186) / (3 / 7)) + 1);
  expect(scoreWindowDays({ ...base, scheduleKind: 'times', timesPerPeriod: 1, periodDays: 7 })).toBeGreaterThan(450);
  expect(scoreWindowDays({ ...base, scheduleKind: 'times', timesPerPeriod: 1, periodDays: 30 })).toBeGreaterThan(900);
});
