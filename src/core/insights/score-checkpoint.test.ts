import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../time/plain-date.js';
import { routineProgress, type CheckInShape, type PauseShape, type RoutineShape } from './routine-progress.js';
import {
  CHECKPOINT_LAG_DAYS,
  CHECKPOINT_STEP_DAYS,
  checkpointDayFor,
  checkpointReadFrom,
  progressFromCheckpoint,
  progressFromStart,
} from './score-checkpoint.js';

type Status = CheckInShape['status'];
const START = '2020-01-01';

const routineArb = fc
  .tuple(
    fc.oneof(
      fc.constant<Partial<RoutineShape>>({ scheduleKind: 'daily' }),
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }).map((w): Partial<RoutineShape> => ({ scheduleKind: 'weekdays', weekdays: w.join(',') })),
      fc.constantFrom<[number, number]>([3, 7], [1, 7], [2, 14], [1, 30], [4, 10]).map(([t, d]): Partial<RoutineShape> => ({ scheduleKind: 'times', timesPerPeriod: t, periodDays: d })),
      fc.constant<Partial<RoutineShape>>({ scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH' }),
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<Partial<RoutineShape>>({ targetKind: 'none' }) },
      fc.record({ targetKind: fc.constantFrom<'at_least' | 'at_most'>('at_least', 'at_most'), targetValue: fc.integer({ min: 1, max: 5 }) }),
    ),
  )
  .map(([schedule, target]): RoutineShape => ({
    scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START,
    ...schedule, ...target,
  }));

const historyArb = fc.record({
  routine: routineArb,
  days: fc.array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constant<Status | null>('done') }, { weight: 2, arbitrary: fc.constantFrom<Status | null>('minimum', 'skipped', 'missed', null) }),
      fc.integer({ min: 0, max: 8 }),
    ),
    { minLength: 60, maxLength: 500 },
  ),
  // A run of done days at the end, so streaks reach back past the checkpoint too.
  tail: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
  pauses: fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), open: fc.boolean() }), { maxLength: 2 }),
  // How long before today the checkpoint was computed, and how many days the last Today is after the history.
  checkpointAge: fc.integer({ min: 1, max: 60 }),
  todayAfter: fc.integer({ min: 0, max: 3 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function build(h: History) {
  const { routine } = h;
  const numerical = routine.targetKind !== 'none';
  const checkIns: CheckInShape[] = [];
  h.days.forEach(([status, amount], k) => {
    const inTail = k >= h.days.length - h.tail;
    const s = inTail ? 'done' : status;
    const value = numerical ? (inTail ? (routine.targetKind === 'at_least' ? 5 : 1) : amount % 3 === 0 ? null : amount) : null;
    if (s) checkIns.push({ day: addDays(START, k), status: s, value });
  });
  const pauses: PauseShape[] = h.pauses.map((p) => {
    const startDay = addDays(START, p.at % h.days.length);
    return { startDay, endDay: p.open && p.at % 5 === 0 ? null : addDays(startDay, p.length - 1) };
  });
  return { routine, checkIns, pauses, today: addDays(START, h.days.length - 1 + h.todayAfter) };
}

describe('score checkpoints', () => {
  it('continue to exactly the whole history\'s score and streak, whatever was checked in after them', () => {
    let used = 0;
    let moved = 0;
    fc.assert(
      fc.property(historyArb, (h) => {
        const { routine, checkIns, pauses, today } = build(h);
        // The checkpoint as an earlier Today stored it, knowing only the check-ins up to then.
        const then = addDays(today, -h.checkpointAge);
        const stored = progressFromStart(routine, checkIns.filter((c) => c.day <= then), pauses, then).checkpoint;
        if (!stored) return;
        const from = checkpointReadFrom(routine, stored, today);
        if (from === null) return;
        used++;
        const progress = progressFromCheckpoint(routine, checkIns.filter((c) => c.day >= from && c.day <= today), pauses, { today, from, stored });
        const full = routineProgress(routine, checkIns, pauses, { today });
        expect(progress.score).toBe(full.score);
        if (progress.currentStreak !== null) expect(progress.currentStreak).toBe(full.currentStreak);
        else expect(routine.scheduleKind).toBe('times');
        // A moved checkpoint is the one the whole history gives for today.
        if (progress.next) {
          moved++;
          expect(progress.next).toEqual(progressFromStart(routine, checkIns, pauses, today).checkpoint);
        }
      }),
      { seed: 20261202, numRuns: 400 },
    );
    expect(used).toBeGreaterThan(200);
    expect(moved).toBeGreaterThan(50);
  });

  it('sits a week behind today, moves two weeks later, and needs a rolling window of history', () => {
    const daily: RoutineShape = { scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: '2026-10-01' };
    expect(checkpointDayFor(daily, '2026-11-18')).toBe(addDays('2026-11-18', -CHECKPOINT_LAG_DAYS));
    expect(checkpointDayFor(daily, '2026-10-07')).toBeNull();
    const weekly = { ...daily, scheduleKind: 'times' as const, timesPerPeriod: 1, periodDays: 7 };
    // Once a week is scored over two weeks: 14 days before the checkpoint must lie within the routine.
    expect(checkpointDayFor(weekly, '2026-10-21')).toBe('2026-10-14');
    expect(checkpointDayFor(weekly, '2026-10-20')).toBeNull();
    const stored = { day: '2026-11-11', score: 0.5, streak: 3 };
    expect(checkpointReadFrom(daily, stored, '2026-11-11')).toBeNull();
    expect(daysBetween(checkpointReadFrom(daily, stored, '2026-11-18')!, '2026-11-18')).toBe(7);
    expect(checkpointReadFrom(daily, { ...stored, streak: null }, '2026-11-18')).toBeNull();
    expect(CHECKPOINT_STEP_DAYS).toBeGreaterThan(CHECKPOINT_LAG_DAYS);
  });
});
