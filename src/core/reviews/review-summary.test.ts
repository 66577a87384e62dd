import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import type { CheckInTable, RoutineTable, TaskTable } from '#db/schema.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { recordMeasurement } from '../goals/record-measurement.js';
import { newId } from '../ids.js';
import { KEEP } from '../insights/momentum.js';
import { addLesson } from '../lessons/add-lesson.js';
import { reviewSummary } from './review-summary.js';

/*
 * Factories that write the rows other parts of the product own straight into their tables, so the
 * summary is tested against the schema rather than against other use cases.
 */
const at = '2026-11-01T08:00:00.000Z';
const owned = (ctx: TestCtx) => ({ id: newId(), workspaceId: ctx.actor.workspaceId });

async function buildTask(ctx: TestCtx, day: string, status: TaskTable['status'], minutes = 30, actualMinutes: number | null = null) {
  await ctx.db
    .insertInto('tasks')
    .values({ ...owned(ctx), goalId: null, microGoalId: null, title: `Task ${day}`, minutes, day, status, actualMinutes, carriedFromId: null, note: '', position: 0, doneAt: null, createdAt: at })
    .execute();
}

async function buildMicroGoal(ctx: TestCtx, goalId: string, week: string, status: 'planned' | 'done' | 'dropped') {
  await ctx.db
    .insertInto('microGoals')
    .values({ ...owned(ctx), goalId, week, title: `MG ${week}`, status, result: '', position: 0, doneAt: null, createdAt: at })
    .execute();
}

async function buildRoutine(ctx: TestCtx, name: string, fields: Partial<RoutineTable> = {}): Promise<string> {
  const row = {
    ...owned(ctx), goalId: null, name, scheduleKind: 'daily' as const, timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null,
    targetKind: 'none' as const, targetValue: null, unit: '', minimumVersion: '', reminderTime: null, startDay: '2026-11-01', archivedAt: null,
    position: 0, createdAt: at, ...fields,
  };
  await ctx.db.insertInto('routines').values(row).execute();
  return row.id;
}

async function buildCheckIn(ctx: TestCtx, routineId: string, day: string, status: CheckInTable['status']) {
  await ctx.db.insertInto('checkIns').values({ ...owned(ctx), routineId, day, status, value: null, note: '', createdAt: at, updatedAt: at }).execute();
}

async function buildWin(ctx: TestCtx, title: string, day: string, userId = ctx.actor.userId) {
  await ctx.db.insertInto('wins').values({ ...owned(ctx), userId, title, note: '', source: 'manual', sourceId: null, visibility: 'private', day, createdAt: at }).execute();
}

async function buildEnergy(ctx: TestCtx, day: string, energy: number, sleepHours: number | null) {
  await ctx.db.insertInto('energyEntries').values({ ...owned(ctx), userId: ctx.actor.userId, day, energy, sleepHours, note: '', createdAt: at, updatedAt: at }).execute();
}

async function buildPulse(ctx: TestCtx, kind: 'morale' | 'delight' | 'clarity' | 'custom', value: number, day: string, question = '') {
  await ctx.db.insertInto('pulses').values({ ...owned(ctx), userId: ctx.actor.userId, kind, question, value, day, note: '', createdAt: at }).execute();
}

describeEachEngine('review summary', (s) => {
  it('sums up a past week from every part, counting only what happened inside it', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T10:00:00Z' });
    const week = { from: '2026-11-09', to: '2026-11-15' };

    // Tasks: one carried away, one just before and one just after the week.
    await buildTask(ctx, '2026-11-09', 'done', 30, 45);
    await buildTask(ctx, '2026-11-10', 'done');
    await buildTask(ctx, '2026-11-10', 'skipped');
    await buildTask(ctx, '2026-11-11', 'skipped');
    await buildTask(ctx, '2026-11-11', 'skipped');
    await buildTask(ctx, '2026-11-12', 'planned');
    await buildTask(ctx, '2026-11-13', 'carried');
    await buildTask(ctx, '2026-11-08', 'done');
    await buildTask(ctx, '2026-11-16', 'done');

    const { goal } = await createGoal(ctx, { title: 'Grow' });
    for (const status of ['done', 'done', 'planned', 'dropped'] as const) await buildMicroGoal(ctx, goal.id, '2026-W46', status);
    await buildMicroGoal(ctx, goal.id, '2026-W47', 'done');

    const other = await s.newCtx();
    await buildWin(ctx, 'First paying customer', '2026-11-10');
    await buildWin(ctx, 'Shipped onboarding', '2026-11-14');
    await buildWin(ctx, 'Older win', '2026-11-02');
    await buildWin(ctx, "A teammate's win", '2026-11-12', other.actor.userId);

    // Routines: daily, Mon/Wed/Fri (paused from Friday), Saturdays by rule, 3× a week, archived mid-week, not started yet.
    const write = await buildRoutine(ctx, 'Write');
    for (const [day, status] of [['2026-11-09', 'done'], ['2026-11-10', 'done'], ['2026-11-11', 'minimum'], ['2026-11-12', 'skipped'], ['2026-11-13', 'missed'], ['2026-11-16', 'missed']] as const) {
      await buildCheckIn(ctx, write, day, status);
    }
    const run = await buildRoutine(ctx, 'Run', { scheduleKind: 'weekdays', weekdays: '1,3,5' });
    await buildCheckIn(ctx, run, '2026-11-09', 'done');
    await ctx.db.insertInto('routinePauses').values({ ...owned(ctx), routineId: run, startDay: '2026-11-13', endDay: '2026-11-20', reason: 'knee', createdAt: at }).execute();
    await buildRoutine(ctx, 'Gym', { scheduleKind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=SA' });
    await buildRoutine(ctx, 'Read', { scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7 });
    await buildRoutine(ctx, 'Old habit', { archivedAt: '2026-11-11T12:00:00.000Z' });
    await buildRoutine(ctx, 'Future', { startDay: '2026-11-16' });

    // Primary metrics of active goals; a paused goal's metric stays out.
    const customers = await addMetric(ctx, { goalId: goal.id, name: 'Customers' });
    for (const [day, value] of [['2026-11-05', 1], ['2026-11-10', 2], ['2026-11-12', 3], ['2026-11-14', 5], ['2026-11-17', 9]] as const) {
      await recordMeasurement(ctx, { metricId: customers.id, value, day });
    }
    const { goal: screens } = await createGoal(ctx, { title: 'Less screen time' });
    const hours = await addMetric(ctx, { goalId: screens.id, name: 'Screen hours', direction: 'down' });
    await recordMeasurement(ctx, { metricId: hours.id, value: 4, day: '2026-11-09' });
    await recordMeasurement(ctx, { metricId: hours.id, value: 5.5, day: '2026-11-15' });
    const { goal: quiet } = await createGoal(ctx, { title: 'Quiet goal' });
    await addMetric(ctx, { goalId: quiet.id, name: 'Pages' });
    const { goal: paused } = await createGoal(ctx, { title: 'Paused', status: 'paused' });
    const pm = await addMetric(ctx, { goalId: paused.id, name: 'Paused metric' });
    await recordMeasurement(ctx, { metricId: pm.id, value: 1, day: '2026-11-10' });

    await buildEnergy(ctx, '2026-11-09', 3, 7);
    await buildEnergy(ctx, '2026-11-10', 4, null);
    await buildEnergy(ctx, '2026-11-11', 5, 8);
    await buildEnergy(ctx, '2026-11-16', 1, 3);

    await buildPulse(ctx, 'morale', 3, '2026-11-09');
    await buildPulse(ctx, 'morale', 4, '2026-11-12');
    await buildPulse(ctx, 'clarity', 5, '2026-11-12');
    await buildPulse(ctx, 'custom', 2, '2026-11-13', 'Do I trust the plan?');
    await buildPulse(ctx, 'morale', 1, '2026-11-16');

    await addLesson(ctx, { title: 'Calls beat emails', day: '2026-11-12' });
    await addLesson(ctx, { title: 'Outside the week', day: '2026-11-17' });

    const summary = await reviewSummary(ctx, { kind: 'weekly', period: '2026-W46' });
    expect(summary).toMatchObject({ kind: 'weekly', period: '2026-W46', ...week });
    expect(summary.tasks).toEqual({ planned: 6, done: 2, skipped: 3, carried: 1, open: 1, minutesDone: 75 });
    expect(summary.microGoals).toEqual({ planned: 4, done: 2, dropped: 1, open: 1 });
    expect(summary.wins).toEqual({ count: 2, titles: ['First paying customer', 'Shipped onboarding'] });
    // Write: 13 marked missed, 14 and 15 empty. Run: Wednesday empty (Friday paused). Gym: Saturday. Old habit: Mon, Tue.
    expect(summary.checkIns).toEqual({
      done: 3,
      minimum: 1,
      skipped: 1,
      missed: 7,
      mostMissed: [
        { routineId: write, name: 'Write', misses: 3 },
        { routineId: expect.any(String), name: 'Old habit', misses: 2 },
        { routineId: expect.any(String), name: 'Gym', misses: 1 },
      ],
    });
    expect(summary.metrics.map((m) => [m.goal, m.first?.value ?? null, m.last?.value ?? null, m.change, m.improved, m.measurements])).toEqual([
      ['Grow', 2, 5, 3, true, 3],
      ['Less screen time', 4, 5.5, 1.5, false, 2],
      ['Quiet goal', null, null, null, null, 0],
    ]);
    expect(summary.energy).toEqual({ days: 3, averageEnergy: 4, averageSleepHours: 7.5 });
    expect(summary.pulses).toEqual([
      { kind: 'morale', question: '', average: 3.5, count: 2 },
      { kind: 'clarity', question: '', average: 5, count: 1 },
      { kind: 'custom', question: 'Do I trust the plan?', average: 2, count: 1 },
    ]);
    expect(summary.lessons).toEqual({ count: 1, titles: ['Calls beat emails'] });
    expect(summary.patterns.byWeekday.map((d) => [d.name, d.missedCheckIns, d.skippedTasks])).toEqual([
      ['Monday', 1, 0], ['Tuesday', 1, 1], ['Wednesday', 1, 2], ['Thursday', 0, 0], ['Friday', 1, 0], ['Saturday', 2, 0], ['Sunday', 1, 0],
    ]);
    expect(summary.patterns.hardestWeekday).toEqual({ weekday: 3, name: 'Wednesday', misses: 3 });
  });

  it('does not count today as missed while it is still going on', async () => {
    // Wednesday morning in Paris: Monday and Tuesday are over, Wednesday is not.
    const ctx = await s.newCtx({ now: '2026-11-18T07:00:00Z' });
    await buildRoutine(ctx, 'Stretch', { startDay: '2026-11-16' });
    const summary = await reviewSummary(ctx, { kind: 'weekly', period: 'current' });
    expect(summary.period).toBe('2026-W47');
    expect(summary.checkIns.missed).toBe(2);
    expect(summary.patterns.hardestWeekday?.name).toBe('Monday');
  });

  it('sums up a month over its days and the weeks that belong to it', async () => {
    const ctx = await s.newCtx({ now: '2026-12-03T10:00:00Z' });
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    await buildMicroGoal(ctx, goal.id, '2026-W44', 'done'); // Thursday 29 October: October's week
    await buildMicroGoal(ctx, goal.id, '2026-W45', 'done');
    await buildMicroGoal(ctx, goal.id, '2026-W48', 'planned');
    await buildTask(ctx, '2026-10-31', 'done');
    await buildTask(ctx, '2026-11-01', 'done');
    await buildTask(ctx, '2026-11-30', 'skipped');
    const summary = await reviewSummary(ctx, { kind: 'monthly', period: 'last' });
    expect(summary).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(summary.microGoals).toEqual({ planned: 2, done: 1, dropped: 0, open: 1 });
    expect(summary.tasks).toMatchObject({ planned: 2, done: 1, skipped: 1 });
    expect(summary.energy).toEqual({ days: 0, averageEnergy: null, averageSleepHours: null });
    expect(summary.patterns.hardestWeekday).toEqual({ weekday: 1, name: 'Monday', misses: 1 });
  });

  it('gives the average momentum of a past week and its change from the week before', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T10:00:00Z' });
    // The week before: a task skipped every day (momentum stays 0). The week: one done every day.
    for (let d = 2; d <= 8; d++) await buildTask(ctx, `2026-11-0${d}`, 'skipped');
    for (let d = 9; d <= 15; d++) await buildTask(ctx, `2026-11-${String(d).padStart(2, '0')}`, 'done');
    await buildTask(ctx, '2026-11-16', 'skipped'); // after the week: no effect
    const summary = await reviewSummary(ctx, { kind: 'weekly', period: '2026-W46' });
    // Day k of the week ends at 1 − KEEP^k; KEEP + … + KEEP^7 = KEEP · (1 − 0.5) / (1 − KEEP).
    const average = 1 - (0.5 * KEEP) / (1 - KEEP) / 7;
    expect(average).toBeCloseTo(0.3138, 4);
    expect(summary.momentum).toEqual({ average: round4(average), previousAverage: 0, change: round4(average) });
  });

  it('averages momentum over the days of the current week so far, waiting for what today has not settled', async () => {
    // Wednesday morning in Paris: Monday and Tuesday done, today's task still open.
    const ctx = await s.newCtx({ now: '2026-11-18T07:00:00Z' });
    await buildTask(ctx, '2026-11-16', 'done');
    await buildTask(ctx, '2026-11-17', 'done');
    await buildTask(ctx, '2026-11-18', 'planned');
    const write = await buildRoutine(ctx, 'Write', { startDay: '2026-11-18' });
    await buildCheckIn(ctx, write, '2026-11-19', 'missed'); // a day not begun yet counts nothing
    const summary = await reviewSummary(ctx, { kind: 'weekly', period: 'current' });
    const tuesday = 1 - KEEP * KEEP;
    expect(summary.momentum).toEqual({ average: round4((1 - KEEP + 2 * tuesday) / 3), previousAverage: 0, change: round4((1 - KEEP + 2 * tuesday) / 3) });
  });

  it("reads only the actor's workspace", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await buildTask(alice, '2026-11-17', 'done');
    await buildWin(alice, 'Alice win', '2026-11-17');
    const summary = await reviewSummary(bob, { kind: 'weekly', period: '2026-W47' });
    expect(summary.tasks.planned).toBe(0);
    expect(summary.wins.count).toBe(0);
  });
});

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
