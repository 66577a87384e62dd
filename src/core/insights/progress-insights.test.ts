import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { addMetric } from '../goals/add-metric.js';
import { recordMeasurement } from '../goals/record-measurement.js';
import { newId } from '../ids.js';
import { checkInRoutine, undoCheckIn } from '../routines/check-in-routine.js';
import { createRoutine } from '../routines/create-routine.js';
import { addDays } from '../time/plain-date.js';
import { listWins } from '../wins/list-wins.js';
import { KEEP } from './momentum.js';
import { momentum } from './momentum-insights.js';
import { goalRoad } from './road-insights.js';

async function addTask(ctx: TestCtx, day: string, status: 'planned' | 'done' | 'skipped' | 'carried') {
  await ctx.db.insertInto('tasks').values({
    id: newId(), workspaceId: ctx.actor.workspaceId, goalId: null, microGoalId: null, title: `Task ${day} ${status}`, minutes: 30, day, status,
    actualMinutes: null, carriedFromId: null, note: '', position: 0, doneAt: null, createdAt: `${day}T08:00:00.000Z`,
  }).execute();
}

// The default test clock reads Wednesday 2026-11-18, 11:00 in Paris.
describeEachEngine('momentum', (s) => {
  it('smooths the days of tasks and routines, and counts today only as far as it is settled', async () => {
    const ctx = await s.newCtx();
    await addTask(ctx, '2026-11-16', 'done');
    await addTask(ctx, '2026-11-17', 'planned');
    await addTask(ctx, '2026-11-18', 'done');
    await addTask(ctx, '2026-11-18', 'planned');
    const run = await createRoutine(ctx, { name: 'Run', startDay: '2026-11-16' });
    await checkInRoutine(ctx, { routineId: run.id, day: '2026-11-16' });
    const m = await momentum(ctx, { days: 3 });
    expect(m.series.map((d) => [d.day, d.points, d.count, d.completion])).toEqual([['2026-11-16', 2, 2, 1], ['2026-11-17', 0, 2, 0], ['2026-11-18', 1, 1, 1]]);
    const expected = (1 - KEEP) * KEEP * KEEP + (1 - KEEP);
    expect(m.value).toBeCloseTo(expected, 4);
    expect(m).toMatchObject({ today: '2026-11-18', trend: { change: expect.any(Number) as number, direction: expect.stringMatching(/up|down|steady/) as string } });
  });

  it('reads four weeks before the window to warm up, and nothing older', async () => {
    const ctx = await s.newCtx();
    await addTask(ctx, '2026-11-01', 'done');
    await addTask(ctx, '2026-10-01', 'skipped');
    const m = await momentum(ctx, { days: 3 });
    expect(m.series.every((d) => d.count === 0 && d.completion === null)).toBe(true);
    expect(m.value).toBeCloseTo(1 - KEEP, 4);
    expect(m.trend).toEqual({ change: 0, direction: 'steady' });
  });

  it('keeps workspaces apart and refuses a bad window', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await addTask(alice, '2026-11-17', 'done');
    expect((await momentum(bob, {})).value).toBe(0);
    expect((await momentum(bob)).series).toHaveLength(30);
    await expect(momentum(alice, { days: 0 })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'days' }] });
    await expect(momentum(alice, { days: 2.5 })).rejects.toMatchObject({ code: 'validation' });
  });
});

describeEachEngine('milestone wins', (s) => {
  it('turns a first 7-day streak and a strength of 50% into wins, once each', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Write', startDay: '2026-11-01' });
    const earned: string[] = [];
    for (let i = 0; i < 18; i++) {
      const result = await checkInRoutine(ctx, { routineId: r.id, day: addDays('2026-11-01', i) });
      earned.push(...(result.milestones ?? []).map((w) => `${addDays('2026-11-01', i)} ${w.title}`));
    }
    expect(earned.filter((t) => t.includes('streak'))).toEqual(['2026-11-07 Write: new best streak of 7 days']);
    expect(earned.filter((t) => t.includes('strength'))).toEqual([expect.stringMatching(/^2026-11-1\d Write: strength reached 50%$/)]);
    // Checking the day in again, or undoing and redoing it, earns nothing new.
    expect((await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-07' })).milestones).toBeUndefined();
    await undoCheckIn(ctx, { routineId: r.id, day: '2026-11-07' });
    expect((await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-07' })).milestones).toBeUndefined();
    const wins = (await listWins(ctx)).filter((w) => w.source === 'milestone');
    expect(wins.map((w) => w.sourceId).sort()).toEqual([`routine:${r.id}:best-streak:7`, `routine:${r.id}:strength:50`]);
  });

  it("celebrates the primary metric's target, not a supporting metric's", async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const customers = await addMetric(ctx, { goalId: goal.id, name: 'Customers', unit: 'customers', target: 10 });
    const demos = await addMetric(ctx, { goalId: goal.id, name: 'Demos', target: 3 });
    expect((await recordMeasurement(ctx, { metricId: customers.id, value: 9 })).milestones).toBeUndefined();
    expect((await recordMeasurement(ctx, { metricId: demos.id, value: 5 })).milestones).toBeUndefined();
    const reached = await recordMeasurement(ctx, { metricId: customers.id, value: 10 });
    expect(reached).toMatchObject({ value: 10, milestones: [{ source: 'milestone', title: 'Customers reached its target of 10 customers', day: '2026-11-18' }] });
    expect((await recordMeasurement(ctx, { metricId: customers.id, value: 12 })).milestones).toBeUndefined();
    expect((await listWins(ctx)).filter((w) => w.source === 'milestone')).toHaveLength(1);
  });
});

describeEachEngine('the road of a goal', (s) => {
  it('draws the road from the baseline, places the latest value and forecasts the target', async () => {
    const ctx = await s.newCtx({ now: '2026-11-01T09:00:00Z' });
    const { goal } = await createGoal(ctx, { title: 'Ten customers', targetDate: '2026-12-01' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Customers', baseline: 0, target: 10 });
    ctx.clock.set('2026-11-18T10:00:00Z');
    // The later measurement of 16 Nov corrects the earlier one.
    for (const [day, value] of [['2026-11-06', 2], ['2026-11-11', 4], ['2026-11-16', 5], ['2026-11-16', 6]] as const) {
      ctx.clock.advance(60_000);
      await recordMeasurement(ctx, { metricId: metric.id, value, day });
    }
    const road = await goalRoad(ctx, { goalId: goal.id });
    expect(road).toMatchObject({
      goalId: goal.id,
      metric: { name: 'Customers', targetDate: '2026-12-01' },
      start: { day: '2026-11-01', value: 0 },
      end: { day: '2026-12-01', value: 10 },
      latest: { day: '2026-11-16', value: 6 },
      expected: 5,
      status: 'ahead',
      forecast: { status: 'forecast', day: '2026-11-26', onTime: true, days: 3 },
    });
  });

  it('has no road without a primary metric, and hides other workspaces', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const { goal } = await createGoal(alice, { title: 'Someday' });
    expect(await goalRoad(alice, { goalId: goal.id })).toBeNull();
    await expect(goalRoad(bob, { goalId: goal.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
