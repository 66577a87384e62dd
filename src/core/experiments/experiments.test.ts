import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addFeedback } from '../feedback/add-feedback.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { concludeExperiment } from './conclude-experiment.js';
import { createExperiment } from './create-experiment.js';
import { listExperiments } from './list-experiments.js';
import { recordVariantCounts } from './record-variant-counts.js';
import { showExperiment } from './show-experiment.js';

const base = { assumption: 'Founders hate setup', hypothesis: 'A 5-minute onboarding doubles activation' };

describeEachEngine('experiments', (s) => {
  it('runs an experiment that starts today and plans one that starts later', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T10:00:00Z' });
    const now = await createExperiment(ctx, { ...base, title: 'Short onboarding', endDay: '2026-12-01', variants: ['Control', 'Short'] });
    expect(now).toMatchObject({ status: 'running', startDay: '2026-11-18', overdue: false });
    expect(now.variants.map((v) => [v.name, v.trials, v.successes, v.rate])).toEqual([['Control', 0, 0, null], ['Short', 0, 0, null]]);
    const later = await createExperiment(ctx, { ...base, title: 'Pricing page', startDay: '2026-11-25', endDay: '2026-12-05' });
    expect(later.status).toBe('planned');
    expect((await listExperiments(ctx, { status: 'planned' })).map((e) => e.title)).toEqual(['Pricing page']);

    // Nobody touches it: on its start day it is simply running.
    ctx.clock.set('2026-11-25T09:00:00Z');
    expect((await listExperiments(ctx, { status: 'running' })).map((e) => e.title).sort()).toEqual(['Pricing page', 'Short onboarding']);
    ctx.clock.set('2026-12-02T09:00:00Z');
    const list = await listExperiments(ctx);
    expect(list[0]).toMatchObject({ title: 'Short onboarding', overdue: true });
  });

  it('refuses an end before the start, duplicate variants and foreign links, writing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(createExperiment(ctx, { ...base, title: 'X', startDay: '2026-11-20', endDay: '2026-11-19' })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/end day must be on or after the start day/),
    });
    await expect(createExperiment(ctx, { ...base, title: 'X', endDay: '2026-11-01' })).rejects.toThrow(/end \(2026-11-01\) before it starts \(2026-11-18\)/);
    await expect(createExperiment(ctx, { ...base, title: 'X', endDay: '2026-12-01', variants: ['A', 'a'] })).rejects.toThrow(/variant names must be unique/);
    await expect(createExperiment(ctx, { ...base, title: 'X', assumption: ' ', endDay: '2026-12-01' })).rejects.toMatchObject({ details: [{ path: 'assumption' }] });
    const other = await s.newCtx();
    const { goal } = await createGoal(other, { title: 'Theirs' });
    await expect(createExperiment(ctx, { ...base, title: 'X', endDay: '2026-12-01', goalId: goal.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listExperiments(ctx)).toEqual([]);
  });

  it("ties an experiment to its metric's goal and refuses a metric of another goal", async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const { goal: other } = await createGoal(ctx, { title: 'Other' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Activation rate', unit: '%' });
    const e = await createExperiment(ctx, { ...base, title: 'Onboarding', endDay: '2026-12-01', metricId: metric.id });
    expect(e.goalId).toBe(goal.id);
    await expect(createExperiment(ctx, { ...base, title: 'Y', endDay: '2026-12-01', metricId: metric.id, goalId: other.id })).rejects.toThrow(/belongs to another goal/);
    const detail = await showExperiment(ctx, e.id);
    expect(detail.goal?.title).toBe('Grow');
    expect(detail.metric?.name).toBe('Activation rate');
  });

  it('adds up 50 concurrent counts exactly', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { ...base, title: 'Cold email', endDay: '2026-12-01', variants: ['A', 'B'] });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => recordVariantCounts(ctx, { experimentId: e.id, variant: i % 2 ? 'a' : 'B', trials: 2, successes: i % 5 === 0 ? 1 : 0 })),
    );
    const { variants } = await showExperiment(ctx, e.id);
    expect(variants.map((v) => [v.name, v.trials, v.successes])).toEqual([['A', 50, 5], ['B', 50, 5]]);
  });

  it('never lets successes pass trials, even under concurrent counts', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { ...base, title: 'Demo calls', endDay: '2026-12-01', variants: ['Call'] });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Call', trials: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => recordVariantCounts(ctx, { experimentId: e.id, variant: 'Call', successes: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'validation', message: expect.stringMatching(/successes can't exceed trials/) });
    const [call] = (await showExperiment(ctx, e.id)).variants;
    expect(call).toMatchObject({ trials: 10, successes: 10, rate: 1 });
  });

  it('explains a count it cannot record', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { ...base, title: 'Ads', endDay: '2026-12-01', variants: ['Red', 'Blue'] });
    await expect(recordVariantCounts(ctx, { experimentId: e.id, variant: 'Green', trials: 1 })).rejects.toThrow(/no variant "Green". Its variants are: Red, Blue/);
    await expect(recordVariantCounts(ctx, { experimentId: e.id, variant: 'Red', trials: 0, successes: 0 })).rejects.toMatchObject({ code: 'validation' });
    await expect(recordVariantCounts(ctx, { experimentId: e.id, variant: 'Red', trials: -3 })).rejects.toMatchObject({ details: [{ path: 'trials' }] });
    await expect(recordVariantCounts(ctx, { experimentId: e.id, variant: 'Red', trials: 1.5 })).rejects.toMatchObject({ code: 'validation' });
    const solo = await createExperiment(ctx, { ...base, title: 'Solo', endDay: '2026-12-01' });
    await expect(recordVariantCounts(ctx, { experimentId: solo.id, variant: 'A', trials: 1 })).rejects.toThrow(/has no variants/);
    expect((await showExperiment(ctx, e.id)).variants.every((v) => v.trials === 0)).toBe(true);
  });

  it('records a result and a decision once; a failed hypothesis is a result, and counts freeze', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { ...base, title: 'Annual plan', endDay: '2026-12-01', variants: ['Monthly', 'Annual'] });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Monthly', trials: 40, successes: 8 });
    await recordVariantCounts(ctx, { experimentId: e.id, variant: 'Annual', trials: 40, successes: 3 });
    await expect(concludeExperiment(ctx, { experimentId: e.id, result: 'x', decision: 'pivot' as 'stop' })).rejects.toThrow(/scale, iterate or stop/);
    const done = await concludeExperiment(ctx, { experimentId: e.id, result: 'Annual converted worse: 3/40 vs 8/40', decision: 'stop' });
    expect(done).toMatchObject({ status: 'done', decision: 'stop', result: 'Annual converted worse: 3/40 vs 8/40', overdue: false });
    await expect(concludeExperiment(ctx, { experimentId: e.id, result: 'again', decision: 'scale' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already has its result \(decision: stop\)/),
    });
    await expect(recordVariantCounts(ctx, { experimentId: e.id, variant: 'Annual', trials: 1 })).rejects.toThrow(/counts are final/);
    const detail = await showExperiment(ctx, e.id);
    expect(detail.leader).toBe('Monthly');
    expect(detail.variants.map((v) => v.rate)).toEqual([0.2, 0.075]);
    expect((await listExperiments(ctx, { status: 'done' })).map((x) => x.title)).toEqual(['Annual plan']);
  });

  it('shows the feedback that informed an experiment, and only to its workspace', async () => {
    const ctx = await s.newCtx();
    const e = await createExperiment(ctx, { ...base, title: 'Concierge onboarding', endDay: '2026-12-01' });
    await addFeedback(ctx, { content: 'Setup took me an hour', source: 'customer', experimentId: e.id });
    await addFeedback(ctx, { content: 'Unrelated', source: 'peer' });
    expect((await showExperiment(ctx, e.id)).feedback.map((f) => f.content)).toEqual(['Setup took me an hour']);
    const bob = await s.newCtx();
    await expect(showExperiment(bob, e.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordVariantCounts(bob, { experimentId: e.id, variant: 'A', trials: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(concludeExperiment(bob, { experimentId: e.id, result: 'r', decision: 'stop' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listExperiments(bob)).toEqual([]);
  });
});
