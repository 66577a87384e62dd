import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/plain-date.js';
import { judgeFromCheckpoint, judgeFromStart, judgeWhole, milestoneReadFrom, type MilestoneRoutine } from './check-in-milestones.js';
import type { CheckInShape, PauseShape, RoutineShape } from './routine-progress.js';
import { progressFromStart } from './score-checkpoint.js';

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
  .map(([schedule, target]): MilestoneRoutine => ({
    id: 'r1', name: 'Run', scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: START,
    ...schedule, ...target,
  }));

const statusArb = fc.oneof({ weight: 3, arbitrary: fc.constant<Status | null>('done') }, { weight: 2, arbitrary: fc.constantFrom<Status | null>('minimum', 'skipped', 'missed', null) });

const historyArb = fc.record({
  routine: routineArb,
  days: fc.array(fc.tuple(statusArb, fc.integer({ min: 0, max: 8 })), { minLength: 20, maxLength: 400, size: 'max' }),
  // Runs of done days, so records are set, matched and broken near today: anywhere; a record some
  // way before the check-in's day, and runs just before and after that day about as long.
  runs: fc.array(fc.record({ back: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 1, max: 30 }) }), { maxLength: 2 }),
  record: fc.record({ length: fc.integer({ min: 0, max: 40 }), gap: fc.integer({ min: 2, max: 200 }), lead: fc.integer({ min: -1, max: 2 }), trail: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 6 })) }),
  // What the check-in's day held before it (kept from the history when undefined).
  was: fc.oneof({ weight: 4, arbitrary: fc.constant<Status | null>('missed') }, fc.constantFrom<Status | null | undefined>('skipped', null, undefined)),
  pauses: fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), open: fc.boolean() }), { maxLength: 2 }),
  // The check-in: how many days before today (mostly recent), its status and amount.
  checkIn: fc.record({
    back: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6 }) }, fc.integer({ min: 7, max: 60 }), fc.nat()),
    status: fc.oneof({ weight: 6, arbitrary: fc.constant<Status>('done') }, fc.constantFrom<Status>('minimum', 'skipped', 'missed')),
    amount: fc.option(fc.integer({ min: 0, max: 8 })),
  }),
  // How long ago the stored checkpoint was made (it always reflects the history as it is now).
  checkpointAge: fc.integer({ min: 7, max: 45 }),
  todayAfter: fc.integer({ min: 0, max: 3 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function build(h: History) {
  const { routine } = h;
  const numerical = routine.targetKind !== 'none';
  const good = routine.targetKind === 'at_least' ? 5 : 1;
  const size = h.days.length;
  const byDay = new Map<string, CheckInShape>();
  h.days.forEach(([status, amount], k) => {
    const value = numerical ? (amount % 3 === 0 ? null : amount) : null;
    if (status) byDay.set(addDays(START, k), { day: addDays(START, k), status, value });
  });
  for (const run of h.runs) {
    for (let k = Math.max(0, size - 1 - run.back - run.length); k < size - run.back; k++) {
      byDay.set(addDays(START, k), { day: addDays(START, k), status: 'done', value: numerical ? good : null });
    }
  }
  const pauses: PauseShape[] = h.pauses.map((p) => {
    const startDay = addDays(START, p.at % size);
    return { startDay, endDay: p.open && p.at % 5 === 0 ? null : addDays(startDay, p.length - 1) };
  });
  const today = addDays(START, size - 1 + h.todayAfter);
  const back = h.checkIn.back % (size + h.todayAfter);
  const checkIn: CheckInShape = { day: addDays(today, -back), status: h.checkIn.status, value: numerical ? (h.checkIn.amount ?? null) : null };
  const set = (k: number, status: Status) => {
    const day = addDays(checkIn.day, k);
    if (k !== 0 && day >= START && day <= today) byDay.set(day, { day, status, value: numerical && status === 'done' ? good : null });
  };
  const { length, gap, lead, trail } = h.record;
  const before = Math.max(0, length + lead - trail);
  for (let k = -before; k <= trail; k++) set(k, 'done');
  set(-before - 1, 'missed');
  set(-before - gap, 'missed');
  for (let k = -before - gap - length; k < -before - gap; k++) set(k, 'done');
  if (h.was === null) byDay.delete(checkIn.day);
  else if (h.was) byDay.set(checkIn.day, { day: checkIn.day, status: h.was, value: null });
  return { routine, before: [...byDay.values()], pauses, today, checkIn };
}

describe('check-in milestones', () => {
  it('are those of the whole history, from a stored checkpoint or from a checkpoint made on the way', () => {
    const seen = { fromCheckpoint: 0, streak: 0, strength: 0, moved: 0, whole: 0 };
    fc.assert(
      fc.property(historyArb, (h) => {
        const { routine, before, pauses, today, checkIn } = build(h);
        const expected = judgeWhole(routine, before, checkIn, pauses, today);
        const after = [...before.filter((c) => c.day !== checkIn.day), checkIn];
        const todays = progressFromStart(routine, after, pauses, today).checkpoint;

        // Read whole (no usable checkpoint): same milestones, and today's checkpoint to store.
        const cold = judgeFromStart(routine, before, checkIn, pauses, today);
        expect(cold.milestones).toEqual(expected.milestones);
        expect(cold.checkpoint).toEqual(todays);
        if (routine.scheduleKind === 'times' && routine.targetKind === 'none') seen.whole++;

        // A checkpoint stored by an earlier Today or check-in, still valid for the history now.
        const then = addDays(today, -h.checkpointAge);
        const stored = progressFromStart(routine, before.filter((c) => c.day <= then), pauses, then).checkpoint;
        const from = milestoneReadFrom(routine, stored, checkIn.day, today);
        if (!stored || from === null) return;
        const window = before.filter((c) => c.day >= from && c.day <= today);
        const warm = judgeFromCheckpoint(routine, window, checkIn, pauses, { today, from, stored });
        expect(warm.milestones).toEqual(expected.milestones);
        seen.fromCheckpoint++;
        for (const m of expected.milestones) seen[m.key.includes('best-streak') ? 'streak' : 'strength']++;
        if (warm.checkpoint) {
          seen.moved++;
          expect(warm.checkpoint).toEqual(todays);
        }
      }),
      { seed: 20261209, numRuns: 800 },
    );
    // Both paths, and both kinds of milestones, were exercised (the seed is fixed).
    expect(seen.fromCheckpoint).toBeGreaterThan(400);
    expect(seen.moved).toBeGreaterThan(200);
    expect(seen.streak).toBeGreaterThan(20);
    expect(seen.strength).toBeGreaterThan(30);
    // "N times per period" yes/no routines: always the whole history (automatic check-marks).
    expect(seen.whole).toBeGreaterThan(80);
  }, 120_000);

  it('needs a checkpoint the check-in does not reach, that knows the record, of a routine whose streaks it settles', () => {
    const daily: MilestoneRoutine = { id: 'r1', name: 'Run', scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, startDay: '2026-10-01' };
    const stored = { day: '2026-11-11', score: 0.5, streak: 3, bestStreak: 9 };
    expect(milestoneReadFrom(daily, stored, '2026-11-12', '2026-11-18')).toBe('2026-11-11');
    expect(milestoneReadFrom(daily, stored, '2026-11-11', '2026-11-18')).toBeNull();
    expect(milestoneReadFrom(daily, { ...stored, bestStreak: null }, '2026-11-18', '2026-11-18')).toBeNull();
    expect(milestoneReadFrom(daily, { day: stored.day, score: 0.5, streak: 3 }, '2026-11-18', '2026-11-18')).toBeNull();
    expect(milestoneReadFrom({ ...daily, scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7 }, { ...stored, streak: null, bestStreak: null }, '2026-11-18', '2026-11-18')).toBeNull();
    expect(milestoneReadFrom(daily, null, '2026-11-18', '2026-11-18')).toBeNull();
  });
});
