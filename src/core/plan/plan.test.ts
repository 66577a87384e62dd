import { describe, expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { updateGoal } from '../goals/update-goal.js';
import { addTask } from '../tasks/add-task.js';
import { carryOverTask } from '../tasks/carry-over-task.js';
import { completeTask } from '../tasks/complete-task.js';
import { skipTask } from '../tasks/skip-task.js';
import { listWins } from '../wins/list-wins.js';
import { addMicroGoal } from './add-micro-goal.js';
import { completeMicroGoal } from './complete-micro-goal.js';
import { dropMicroGoal } from './drop-micro-goal.js';
import { listWeek } from './list-week.js';
import { resolveMicroGoalRef } from './micro-goal-ref.js';
import { planWeek } from './plan-week.js';
import { setWeekResult } from './set-week-result.js';
import { overcommitWarnings } from './week-budget.js';

async function written(ctx: TestCtx): Promise<{ microGoals: number; weekPlans: number }> {
  const ws = ctx.actor.workspaceId;
  const mg = await ctx.db.selectFrom('microGoals').select((eb) => eb.fn.countAll().as('n')).where('workspaceId', '=', ws).executeTakeFirstOrThrow();
  const wp = await ctx.db.selectFrom('weekPlans').select((eb) => eb.fn.countAll().as('n')).where('workspaceId', '=', ws).executeTakeFirstOrThrow();
  return { microGoals: Number(mg.n), weekPlans: Number(wp.n) };
}

describe('over-commit rule', () => {
  it('warns past 3 micro-goals for a goal and past 10 hours of tasks, not at the limits', () => {
    expect(overcommitWarnings({ goals: [{ title: 'A', microGoals: 3 }], taskMinutes: 600 })).toEqual([]);
    const w = overcommitWarnings({ goals: [{ title: 'A', microGoals: 4 }, { title: 'B', microGoals: 1 }], taskMinutes: 615 });
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/"A" has 4 micro-goals this week/);
    expect(w[1]).toMatch(/10\.3 h of tasks, over a budget of 10 h/);
  });
});

describeEachEngine('weekly micro-goals and week plans', (s) => {
  it('adds micro-goals to the current ISO week and refuses closed goals', async () => {
    const ctx = await s.newCtx(); // Wednesday 2026-11-18, ISO week 47
    const { goal } = await createGoal(ctx, { title: 'First customers' });
    const a = await addMicroGoal(ctx, { goalId: goal.id, title: 'Book 3 demos' });
    const b = await addMicroGoal(ctx, { goalId: goal.id, title: 'Publish pricing page', week: '2026-W48' });
    expect(a).toMatchObject({ week: '2026-W47', status: 'planned', position: 0 });
    expect(b.week).toBe('2026-W48');
    expect((await addMicroGoal(ctx, { goalId: goal.id, title: 'Second' })).position).toBe(1);
    await updateGoal(ctx, { goalId: goal.id, status: 'dropped' });
    await expect(addMicroGoal(ctx, { goalId: goal.id, title: 'Late' })).rejects.toMatchObject({ code: 'conflict', message: /is dropped/ });
    await expect(addMicroGoal(ctx, { goalId: goal.id, title: 'x', week: '2025-W53' })).rejects.toMatchObject({ code: 'validation', message: /only 52 ISO weeks/ });
  });

  it('plans a week with its text and micro-goals in one go', async () => {
    const ctx = await s.newCtx();
    const { goal: sales } = await createGoal(ctx, { title: 'First customers' });
    ctx.clock.advance(1000);
    const { goal: health } = await createGoal(ctx, { title: 'Run a 10k' });
    const { created, view } = await planWeek(ctx, {
      plan: 'Demos first, then pricing',
      microGoals: [
        { goalId: sales.id, title: 'Book 3 demos' },
        { goalId: health.id, title: 'Run 3 times' },
      ],
    });
    expect(created.map((m) => m.title)).toEqual(['Book 3 demos', 'Run 3 times']);
    expect(view).toMatchObject({ week: '2026-W47', start: '2026-11-16', end: '2026-11-22', plan: 'Demos first, then pricing', warnings: [] });
    expect(view.goals.map((g) => [g.goal.title, g.microGoals.map((m) => m.title)])).toEqual([
      ['First customers', ['Book 3 demos']],
      ['Run a 10k', ['Run 3 times']],
    ]);
    // Planning again adds micro-goals and keeps the text when none is given.
    const again = await planWeek(ctx, { microGoals: [{ goalId: sales.id, title: 'Call back leads' }] });
    expect(again.view.plan).toBe('Demos first, then pricing');
    expect(again.view.microGoals.planned).toBe(3);
  });

  it('writes nothing at all when one micro-goal of the plan is invalid', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    await expect(
      planWeek(ctx, { plan: 'Big week', microGoals: [{ goalId: goal.id, title: 'Good one' }, { goalId: goal.id, title: '  ' }] }),
    ).rejects.toMatchObject({ code: 'validation', details: [{ path: 'microGoals.1.title' }] });
    expect(await written(ctx)).toEqual({ microGoals: 0, weekPlans: 0 });
    // Found only inside the transaction, after the plan text and the first micro-goal were written.
    await expect(
      planWeek(ctx, { plan: 'Big week', microGoals: [{ goalId: goal.id, title: 'Good one' }, { goalId: 'no-such-goal', title: 'Lost' }] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await written(ctx)).toEqual({ microGoals: 0, weekPlans: 0 });
  });

  it('warns about an over-committed week but saves it', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    const titles = ['One', 'Two', 'Three', 'Four'];
    const { view } = await planWeek(ctx, { microGoals: titles.map((title) => ({ goalId: goal.id, title })) });
    expect(view.warnings).toEqual([expect.stringMatching(/"Launch" has 4 micro-goals this week/)]);
    expect(view.microGoals.planned).toBe(4);
    await dropMicroGoal(ctx, { microGoalId: view.goals[0]!.microGoals[3]!.id });
    // 11 tasks of 60 minutes across the week: 660 > 600.
    for (let i = 0; i < 11; i++) await addTask(ctx, { title: `Block ${i}`, minutes: 60, day: `2026-11-${16 + (i % 7)}` });
    expect((await listWeek(ctx)).warnings).toEqual([expect.stringMatching(/11 h of tasks/)]);
  });

  it('completes a micro-goal with exactly one win, and drops another', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    const mg = await addMicroGoal(ctx, { goalId: goal.id, title: 'Landing page live' });
    const done = await completeMicroGoal(ctx, { microGoalId: mg.id, result: '42 sign-ups on day one' });
    expect(done.microGoal).toMatchObject({ status: 'done', result: '42 sign-ups on day one', doneAt: '2026-11-18T10:00:00.000Z' });
    expect(done.win).toMatchObject({ source: 'micro_goal', sourceId: mg.id, title: 'Landing page live', note: '42 sign-ups on day one' });
    const twice = await completeMicroGoal(ctx, { microGoalId: mg.id });
    expect(twice.win).toBeNull();
    expect(twice.microGoal.result).toBe('42 sign-ups on day one');
    expect(await listWins(ctx)).toHaveLength(1);
    await expect(dropMicroGoal(ctx, { microGoalId: mg.id })).rejects.toMatchObject({ code: 'conflict', message: /already done/ });

    const other = await addMicroGoal(ctx, { goalId: goal.id, title: 'Press kit' });
    expect(await dropMicroGoal(ctx, { microGoalId: other.id, reason: 'Nobody asked for it' })).toMatchObject({ status: 'dropped', result: 'Nobody asked for it' });
    await expect(dropMicroGoal(ctx, { microGoalId: 'nothing' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows the week: micro-goals per goal with their tasks, counts and minutes, plan and result', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    ctx.clock.advance(1000);
    const { goal: idle } = await createGoal(ctx, { title: 'Write a book' });
    const mg = await addMicroGoal(ctx, { goalId: goal.id, title: 'Beta list' });
    const t1 = await addTask(ctx, { title: 'Email friends', minutes: 30, microGoalId: mg.id, day: '2026-11-16' });
    const t2 = await addTask(ctx, { title: 'Post in forum', minutes: 45, microGoalId: mg.id, day: '2026-11-17' });
    const t3 = await addTask(ctx, { title: 'Tidy desk', minutes: 15, day: '2026-11-18' });
    await addTask(ctx, { title: 'Follow up', minutes: 20, microGoalId: mg.id, day: '2026-11-18' });
    await addTask(ctx, { title: 'Next week', minutes: 60, day: '2026-11-23' });
    await completeTask(ctx, { taskId: t1.id, actualMinutes: 40 });
    await completeTask(ctx, { taskId: t3.id });
    await carryOverTask(ctx, { taskId: t2.id, toDay: '2026-11-19' });
    const skipped = await addTask(ctx, { title: 'Skip me', minutes: 15, day: '2026-11-22' });
    await skipTask(ctx, { taskId: skipped.id });
    await setWeekResult(ctx, { week: '2026-W47', result: '12 people on the beta list' });

    const view = await listWeek(ctx, { week: '2026-W47' });
    expect(view.result).toBe('12 people on the beta list');
    expect(view.tasks).toEqual({ planned: 2, done: 2, skipped: 1, carried: 1, minutesPlanned: 30 + 15 + 20 + 45 + 15, minutesDone: 40 + 15 });
    expect(view.goals.map((g) => [g.goal.title, g.microGoals.map((m) => [m.title, m.tasks])])).toEqual([
      ['Launch', [['Beta list', { done: 1, total: 3 }]]],
      ['Write a book', []],
    ]);
    expect(view.goals[1]?.goal.id).toBe(idle.id);
    // A week with nothing in it is empty, not an error.
    const next = await listWeek(ctx, { week: '2026-W49' });
    expect(next).toMatchObject({ plan: '', result: '', tasks: { planned: 0, done: 0, minutesPlanned: 0 }, warnings: [] });
    await expect(listWeek(ctx, { week: '2026-47' })).rejects.toMatchObject({ code: 'validation', message: /YYYY-Www/ });
  });

  it('puts a Sunday-night task in Paris in that ISO week, not the next', async () => {
    // Sunday 2026-11-22 23:30 in Paris is 22:30 UTC.
    const sunday = await s.newCtx({ now: '2026-11-22T22:30:00Z' });
    const { goal } = await createGoal(sunday, { title: 'Launch' });
    const mg = await addMicroGoal(sunday, { goalId: goal.id, title: 'Weekly recap' });
    const task = await addTask(sunday, { title: 'Write recap', minutes: 30 });
    expect(task.day).toBe('2026-11-22');
    expect(mg.week).toBe('2026-W47');
    const view = await listWeek(sunday);
    expect(view.week).toBe('2026-W47');
    expect(view.tasks.planned).toBe(1);
    // An hour later it is Monday in Paris (still Sunday in UTC): a new ISO week begins.
    sunday.clock.set('2026-11-22T23:30:00Z');
    const monday = await listWeek(sunday);
    expect(monday).toMatchObject({ week: '2026-W48', start: '2026-11-23', tasks: { planned: 0 } });
    expect((await addTask(sunday, { title: 'Plan week', minutes: 15 })).day).toBe('2026-11-23');
    // The same instant in New York is still Sunday evening of week 47.
    const ny = await s.newCtx({ now: '2026-11-22T23:30:00Z', timeZone: 'America/New_York' });
    expect((await listWeek(ny)).week).toBe('2026-W47');
  });

  it('finds a repeated micro-goal title in the current week first', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Blog' });
    const last = await addMicroGoal(ctx, { goalId: goal.id, title: 'Publish a post', week: '2026-W46' });
    const now = await addMicroGoal(ctx, { goalId: goal.id, title: 'Publish a post' });
    expect(await resolveMicroGoalRef(ctx, 'publish a post')).toBe(now.id);
    await completeMicroGoal(ctx, { microGoalId: now.id });
    expect(await resolveMicroGoalRef(ctx, 'publish a post')).toBe(last.id);
  });
});
