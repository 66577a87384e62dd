import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addMetric, setPrimaryMetric } from './add-metric.js';
import { createGoal } from './create-goal.js';
import { listGoals } from './list-goals.js';
import { listMeasurements, recordMeasurement } from './record-measurement.js';
import { showGoal } from './show-goal.js';
import { updateGoal } from './update-goal.js';
import { AppError } from '../errors.js';
import { resolveRef } from '../refs.js';

describeEachEngine('goals and metrics', (s) => {
  it('creates a goal with purpose and leverage point and lists it', async () => {
    const ctx = await s.newCtx();
    const { goal, warning } = await createGoal(ctx, {
      title: 'First 10 paying customers',
      purpose: 'Prove people pay for this',
      leveragePoint: 'Onboarding call',
      targetDate: '2027-03-31',
    });
    expect(warning).toBeNull();
    expect(goal).toMatchObject({ title: 'First 10 paying customers', status: 'active', targetDate: '2027-03-31' });
    const goals = await listGoals(ctx);
    expect(goals.map((g) => g.title)).toEqual(['First 10 paying customers']);
  });

  it('warns past the focus limit of three active goals but still creates the goal', async () => {
    const ctx = await s.newCtx();
    for (const t of ['A', 'B', 'C']) expect((await createGoal(ctx, { title: t })).warning).toBeNull();
    const fourth = await createGoal(ctx, { title: 'D' });
    expect(fourth.warning).toMatch(/4 active goals.*focus limit is 3/);
    await updateGoal(ctx, { goalId: fourth.goal.id, status: 'paused' });
    const back = await updateGoal(ctx, { goalId: fourth.goal.id, status: 'active' });
    expect(back.warning).toMatch(/focus limit/);
  });

  it('refuses an empty title and an impossible date, naming the field', async () => {
    const ctx = await s.newCtx();
    await expect(createGoal(ctx, { title: '   ' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'title' }] });
    const err = await createGoal(ctx, { title: 'x', targetDate: '2026-02-30' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/targetDate: must be a real calendar date/);
    expect(await listGoals(ctx)).toHaveLength(0);
  });

  it('keeps exactly one primary metric per goal', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const first = await addMetric(ctx, { goalId: goal.id, name: 'Paying customers', baseline: 0, target: 10 });
    expect(first.primary).toBe(true);
    const leading = await addMetric(ctx, { goalId: goal.id, name: 'Demos booked', indicator: 'leading' });
    expect(leading.primary).toBe(false);
    const swapped = await addMetric(ctx, { goalId: goal.id, name: 'MRR', unit: 'EUR', primary: true });
    expect(swapped.primary).toBe(true);
    let detail = await showGoal(ctx, goal.id);
    expect(detail.metrics.filter((m) => m.primary).map((m) => m.name)).toEqual(['MRR']);
    await setPrimaryMetric(ctx, first.id);
    detail = await showGoal(ctx, goal.id);
    expect(detail.metrics.filter((m) => m.primary).map((m) => m.name)).toEqual(['Paying customers']);
    expect(detail.metrics[0]?.name).toBe('Paying customers');
  });

  it('records dated measurements on the local day and shows the latest', async () => {
    // 23:30 UTC on the 18th is already the 19th in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T23:30:00Z' });
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Customers' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 2, day: '2026-11-10' });
    const m = await recordMeasurement(ctx, { metricId: metric.id, value: 3, note: 'Two demos converted' });
    expect(m.day).toBe('2026-11-19');
    expect((await listMeasurements(ctx, metric.id)).map((x) => x.value)).toEqual([2, 3]);
    expect((await showGoal(ctx, goal.id)).metrics[0]?.latest?.value).toBe(3);
    await expect(recordMeasurement(ctx, { metricId: metric.id, value: Number.NaN })).rejects.toMatchObject({ code: 'validation' });
  });

  it('finds a goal by id, id prefix, exact title or a unique part of its title', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'First 10 paying customers' });
    await createGoal(ctx, { title: 'Promotion 100% ready_now' });
    await createGoal(ctx, { title: 'Run a marathon' });
    expect(await resolveRef(ctx, 'goals', goal.id, { nameColumn: 'title' })).toBe(goal.id);
    expect(await resolveRef(ctx, 'goals', goal.id.slice(0, 5), { nameColumn: 'title' })).toBe(goal.id);
    expect(await resolveRef(ctx, 'goals', 'FIRST 10 PAYING CUSTOMERS', { nameColumn: 'title' })).toBe(goal.id);
    expect(await resolveRef(ctx, 'goals', 'paying', { nameColumn: 'title' })).toBe(goal.id);
    // Wildcards in what people type are literal characters.
    expect(await resolveRef(ctx, 'goals', '100%', { nameColumn: 'title' })).not.toBe(goal.id);
    await expect(resolveRef(ctx, 'goals', '_', { nameColumn: 'title' })).resolves.toBeTruthy();
    await expect(resolveRef(ctx, 'goals', '%', { nameColumn: 'title' })).resolves.toBeTruthy();
    await expect(resolveRef(ctx, 'goals', 'r', { nameColumn: 'title' })).rejects.toMatchObject({ code: 'conflict', message: /several goal names/ });
    await expect(resolveRef(ctx, 'goals', 'zebra', { nameColumn: 'title' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it("never shows another workspace's goal", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const { goal } = await createGoal(alice, { title: 'Secret' });
    await expect(showGoal(bob, goal.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateGoal(bob, { goalId: goal.id, title: 'Mine' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listGoals(bob)).toEqual([]);
  });
});

