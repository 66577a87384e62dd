import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { logEnergy } from '../energy/log-energy.js';
import { createExperiment } from '../experiments/create-experiment.js';
import { recordVariantCounts } from '../experiments/record-variant-counts.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { recordMeasurement } from '../goals/record-measurement.js';
import { newId } from '../ids.js';
import { addDays } from '../time/plain-date.js';
import { energyInsights } from './energy-insights.js';
import { experimentStats } from './experiment-insights.js';

async function addTasks(ctx: TestCtx, day: string, done: number, planned: number) {
  const rows = Array.from({ length: done + planned }, (_, i) => ({
    id: newId(), workspaceId: ctx.actor.workspaceId, goalId: null, microGoalId: null, title: `Task ${i}`, minutes: 30, day,
    status: i < done ? ('done' as const) : ('planned' as const), actualMinutes: null, carriedFromId: null, note: '', position: i, doneAt: null, createdAt: `${day}T08:00:00.000Z`,
  }));
  await ctx.db.insertInto('tasks').values(rows).execute();
}

// The default test clock reads Wednesday 2026-11-18, 11:00 in Paris.
describeEachEngine('energy insights', (s) => {
  it('relates sleep to tasks done with an interval and a sentence, and stays quiet on thin data', async () => {
    const ctx = await s.newCtx();
    const long = [3, 4, 3, 4, 3, 4, 3];
    const short = [1, 2, 1, 2, 1, 2, 1];
    for (let i = 0; i < 14; i++) {
      const day = addDays('2026-11-04', i);
      await logEnergy(ctx, { day, energy: 3, sleepHours: i % 2 === 0 ? 8 : 6 });
      await addTasks(ctx, day, i % 2 === 0 ? long[i / 2]! : short[(i - 1) / 2]!, 1);
    }
    // Today is not over: its tasks and energy take no part.
    await logEnergy(ctx, { energy: 5, sleepHours: 9 });
    const result = await energyInsights(ctx, { days: 30 });
    expect(result).toMatchObject({ from: '2026-10-20', to: '2026-11-18', loggedDays: 15 });
    const sleep = result.findings.find((f) => f.factor === 'sleep' && f.lag === 0)!;
    expect(sleep.sentence).toBe('On days after 7+ hours of sleep you finish 2.0 more tasks than after shorter nights (±0.6, 14 days).');
    expect(result.findings.find((f) => f.factor === 'energy' && f.lag === 0)).toMatchObject({ verdict: 'not_enough_data', sentence: null });
    // A 7-day window holds too few days to say anything.
    expect((await energyInsights(ctx, { days: 7 })).findings.every((f) => f.sentence === null)).toBe(true);
  });

  it("reads only the actor's own entries and refuses a bad range", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await logEnergy(alice, { energy: 4, sleepHours: 8, day: '2026-11-17' });
    expect((await energyInsights(bob)).loggedDays).toBe(0);
    await expect(energyInsights(alice, { days: 400 })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'days' }] });
  });
});

describeEachEngine('experiment statistics', (s) => {
  it('compares variants with the first one', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { title: 'Short onboarding', assumption: 'Setup scares people', hypothesis: 'More finish', endDay: '2026-12-01', variants: ['Control', 'Short'] });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Control', trials: 4, successes: 1 });
    expect((await experimentStats(ctx, { experimentId: e.id })).variants).toMatchObject({ status: 'not_enough_data' });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Control', trials: 96, successes: 19 });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Short', trials: 100, successes: 30 });
    const stats = await experimentStats(ctx, { experimentId: e.id });
    expect(stats).toMatchObject({ title: 'Short onboarding', metric: null, variants: { status: 'ok', comparisons: [{ variant: 'Short', control: 'Control', verdict: 'unclear' }] } });
    if (stats.variants?.status !== 'ok') throw new Error('expected a comparison');
    expect(stats.variants.comparisons[0]!.probabilityBetter).toBeCloseTo(0.9476031, 6);
  });

  it('compares the metric before and during a personal experiment', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Focus' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Deep work hours', unit: 'h' });
    // Running 10–19 Nov (today is the 18th); "before" is the 10 days from 31 Oct to 9 Nov.
    for (const [day, value] of [['2026-10-25', 9], ['2026-10-31', 2], ['2026-11-03', 3], ['2026-11-06', 2.5], ['2026-11-09', 3], ['2026-11-11', 4], ['2026-11-14', 5], ['2026-11-17', 4.5]] as const) {
      await recordMeasurement(ctx, { metricId: metric.id, value, day });
    }
    const e = await createExperiment(ctx, { title: 'No phone mornings', assumption: 'Phone eats mornings', hypothesis: 'More deep work', startDay: '2026-11-10', endDay: '2026-11-19', metricId: metric.id });
    const stats = await experimentStats(ctx, { experimentId: e.id });
    expect(stats.variants).toBeNull();
    expect(stats.metric).toMatchObject({
      status: 'ok', name: 'Deep work hours', verdict: 'better', difference: 1.875,
      before: { count: 4, mean: 2.625 }, during: { count: 3, mean: 4.5 },
      beforeDays: { from: '2026-10-31', to: '2026-11-09' }, duringDays: { from: '2026-11-10', to: '2026-11-18' },
    });
  });

  it('says "not enough data" for a metric with too few measurements, and hides other workspaces', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const { goal } = await createGoal(alice, { title: 'Focus' });
    const metric = await addMetric(alice, { goalId: goal.id, name: 'Hours' });
    await recordMeasurement(alice, { metricId: metric.id, value: 2, day: '2026-11-15' });
    const e = await createExperiment(alice, { title: 'Try', assumption: 'a', hypothesis: 'b', startDay: '2026-11-14', endDay: '2026-11-20', metricId: metric.id });
    expect((await experimentStats(alice, { experimentId: e.id })).metric).toMatchObject({ status: 'not_enough_data', before: 0, during: 1 });
    await expect(experimentStats(bob, { experimentId: e.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
