import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../time/plain-date.js';
import {
  routineProgress,
  type CheckInShape,
  type PauseShape,
  type RoutineShape,
} from './routine-progress.js';
import {
  SCORE_TOLERANCE,
  settleWindows,
  windowOutcome,
  type WindowRead,
} from './routine-window.js';

type Status = CheckInShape['status'];
const base: RoutineShape = {
  scheduleKind: 'daily',
  timesPerPeriod: null,
  periodDays: null,
  weekdays: null,
  rrule: null,
  targetKind: 'none',
  targetValue: null,
  startDay: '2020-01-01',
};

const scheduleArb = fc.oneof(
  fc.constant<Partial<RoutineShape>>({ scheduleKind: 'daily' }),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 })
    .map((w): Partial<RoutineShape> => ({ scheduleKind: 'weekdays', weekdays: w.join(',') })),
  fc
    .constantFrom<[number, number]>([3, 7], [1, 7], [2, 14], [1, 30], [4, 10])
    .map(([t, d]): Partial<RoutineShape> => ({
      scheduleKind: 'times',
      timesPerPeriod: t,
      periodDays: d,
    })),
  fc.constant<Partial<RoutineShape>>({ scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO,TH' }),
);
const targetArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Partial<RoutineShape>>({ targetKind: 'none' }) },
  fc.record({
    targetKind: fc.constantFrom<'at_least' | 'at_most'>('at_least', 'at_most'),
    targetValue: fc.integer({ min: 1, max: 5 }),
  }),
);
const statusArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Status>('done') },
  { weight: 1, arbitrary: fc.constantFrom<Status | null>('minimum', 'skipped', 'missed', null) },
);
const pauseArb = fc.record({
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 120 }),
  open: fc.boolean(),
});

/** A routine and its history: random days, then maybe an unbroken run up to today, and pauses. */
const historyOf = (minDays: number) =>
  fc.record({
    schedule: scheduleArb,
    target: targetArb,
    days: fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 8 })), {
      minLength: minDays,
      maxLength: 1100,
      size: 'max',
    }),
    tail: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 700 })),
    pauses: fc.array(pauseArb, { maxLength: 2 }),
    todayAfter: fc.integer({ min: 0, max: 3 }),
  });
const historyArb = historyOf(1);

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function build(h: History) {
  const routine: RoutineShape = { ...base, ...h.schedule, ...h.target };
  const numerical = routine.targetKind !== 'none';
  const checkIns: CheckInShape[] = [];
  h.days.forEach(([status, amount], k) => {
    const s = k >= h.days.length - h.tail ? 'done' : status;
    const value = numerical
      ? k >= h.days.length - h.tail
        ? routine.targetKind === 'at_least'
          ? 5
          : 1
        : amount % 3 === 0
          ? null
          : amount
      : null;
    if (s) checkIns.push({ day: addDays(base.startDay, k), status: s, value });
  });
  const pauses: PauseShape[] = h.pauses.map((p) => {
    const startDay = addDays(base.startDay, p.at % h.days.length);
    return { startDay, endDay: p.open && p.at % 5 === 0 ? null : addDays(startDay, p.length - 1) };
  });
  const today = addDays(base.startDay, h.days.length - 1 + h.todayAfter);
  return { routine, checkIns, pauses, today };
}

/** An in-memory stand-in for the database reads Today makes. */
function reader(checkIns: readonly CheckInShape[], today: string, log: WindowRead[]) {
  return async (reads: WindowRead[]) => {
    log.push(...reads);
    return new Map(
      reads.map((r) => [
        r.id,
        checkIns.filter(
          (c) => (r.from === null || c.day >= r.from) && c.day < r.before && c.day <= today,
        ),
      ]),
    );
  };
}

describe('routine window', () => {
  it('gives the current streak exactly and the score to 4 decimals, reading only a window', async () => {
    let widened = 0;
    let settledAtOnce = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (h) => {
        const { routine, checkIns, pauses, today } = build(h);
        const full = routineProgress(routine, checkIns, pauses, { today });
        // About the half year a daily routine's score needs; rarer routines have to read further.
        const start = addDays(today, -200);
        const from = start > routine.startDay ? start : null;
        const initial = checkIns.filter((c) => (from === null || c.day >= from) && c.day <= today);
        const reads: WindowRead[] = [];
        const now = (
          await settleWindows(
            [{ id: 'r', routine, pauses, checkIns: initial, from }],
            today,
            reader(checkIns, today, reads),
          )
        ).get('r');
        expect(now?.currentStreak).toBe(full.currentStreak);
        expect(Math.abs((now?.score ?? -1) - full.score)).toBeLessThan(SCORE_TOLERANCE);
        if (reads.length > 0) widened++;
        else if (from !== null) settledAtOnce++;
      }),
      { seed: 20261122, numRuns: 250 },
    );
    // Both paths ran: windows that were enough at once, and windows that had to read further back.
    expect(settledAtOnce).toBeGreaterThan(10);
    expect(widened).toBeGreaterThan(10);
  });

  it('never calls a window exact when it is not, wherever the window starts', () => {
    fc.assert(
      fc.property(historyOf(700), fc.integer({ min: 150, max: 700 }), (h, span) => {
        const { routine, checkIns, pauses, today } = build(h);
        const from = addDays(today, -span);
        const outcome = windowOutcome(
          routine,
          checkIns.filter((c) => c.day >= from),
          pauses,
          { today, from },
        );
        if (!outcome.exact)
          return outcome.readFrom === null || daysBetween(outcome.readFrom, from) > 0;
        const full = routineProgress(routine, checkIns, pauses, { today });
        return (
          outcome.progress.currentStreak === full.currentStreak &&
          Math.abs(outcome.progress.score - full.score) < SCORE_TOLERANCE
        );
      }),
      { seed: 1122, numRuns: 250 },
    );
  });
});
