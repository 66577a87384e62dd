import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { listWins } from '../wins/list-wins.js';
import { addTask } from './add-task.js';
import { carryOverTask } from './carry-over-task.js';
import { carryOverUnfinished } from './carry-over-unfinished.js';
import { completeTask } from './complete-task.js';
import { deleteTask } from './delete-task.js';
import { listTasks } from './list-tasks.js';
import { skipTask } from './skip-task.js';
import { resolveTaskRef } from './task-ref.js';
import { updateTask } from './update-task.js';

const SPLIT = 'A task is 15–60 minutes; split longer work into several tasks.';

async function countTasks(ctx: TestCtx): Promise<number> {
  const row = await ctx.db.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).where('workspaceId', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachEngine('daily tasks', (s) => {
  it('accepts 15 and 60 minutes and refuses 14 and 61 with the split message, writing nothing', async () => {
    const ctx = await s.newCtx();
    expect((await addTask(ctx, { title: 'Short call', minutes: 15 })).minutes).toBe(15);
    expect((await addTask(ctx, { title: 'Deep block', minutes: 60 })).minutes).toBe(60);
    for (const minutes of [14, 61]) {
      await expect(addTask(ctx, { title: 'Too odd', minutes })).rejects.toMatchObject({
        code: 'validation',
        message: `Invalid task: minutes: ${SPLIT}`,
        details: [{ path: 'minutes', message: SPLIT }],
      });
    }
    await expect(addTask(ctx, { title: 'Fractional', minutes: 30.5 })).rejects.toMatchObject({ message: /whole minutes/ });
    expect(await countTasks(ctx)).toBe(2);
    const t = (await listTasks(ctx))[0]!;
    await expect(updateTask(ctx, { taskId: t.id, minutes: 90 })).rejects.toMatchObject({ code: 'validation', message: new RegExp(SPLIT) });
    expect((await listTasks(ctx))[0]?.minutes).toBe(15);
  });

  it("plans on the actor's local today and takes the goal from the micro-goal", async () => {
    // 23:30 UTC on the 18th is already the 19th in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T23:30:00Z' });
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    const { goal: other } = await createGoal(ctx, { title: 'Other' });
    const micro = await addMicroGoal(ctx, { goalId: goal.id, title: 'Landing page live' });
    const task = await addTask(ctx, { title: 'Write headline', minutes: 30, microGoalId: micro.id });
    expect(task).toMatchObject({ day: '2026-11-19', status: 'planned', microGoalId: micro.id, goalId: goal.id });
    await expect(addTask(ctx, { title: 'x', minutes: 30, microGoalId: micro.id, goalId: other.id })).rejects.toMatchObject({
      code: 'validation',
      message: /belongs to another goal/,
    });
    await expect(addTask(ctx, { title: 'x', minutes: 30, goalId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const loose = await addTask(ctx, { title: 'Inbox zero', minutes: 15, day: '2026-11-20' });
    expect(loose).toMatchObject({ goalId: null, microGoalId: null, day: '2026-11-20' });
    const items = await listTasks(ctx, { from: '2026-11-19', to: '2026-11-20' });
    expect(items.map((t) => [t.title, t.goalTitle, t.microGoalTitle])).toEqual([
      ['Write headline', 'Launch', 'Landing page live'],
      ['Inbox zero', null, null],
    ]);
  });

  it('creates exactly one win when a task is done twice, even at the same time', async () => {
    const ctx = await s.newCtx();
    const task = await addTask(ctx, { title: 'Send 5 cold emails', minutes: 45 });
    const first = await completeTask(ctx, { taskId: task.id, actualMinutes: 50 });
    expect(first.task).toMatchObject({ status: 'done', actualMinutes: 50, doneAt: '2026-11-18T10:00:00.000Z' });
    expect(first.win).toMatchObject({ title: 'Send 5 cold emails', source: 'task', sourceId: task.id, day: '2026-11-18' });
    const again = await completeTask(ctx, { taskId: task.id, actualMinutes: 40 });
    expect(again.win).toBeNull();
    expect(again.task).toMatchObject({ status: 'done', actualMinutes: 40, doneAt: '2026-11-18T10:00:00.000Z' });

    const racing = await addTask(ctx, { title: 'Racing', minutes: 20 });
    const results = await Promise.all([1, 2, 3].map(() => completeTask(ctx, { taskId: racing.id })));
    expect(results.filter((r) => r.win !== null)).toHaveLength(1);
    expect((await listWins(ctx)).map((w) => w.title).sort()).toEqual(['Racing', 'Send 5 cold emails']);
  });

  it('skips a planned task, may still do it later, and never skips a done one', async () => {
    const ctx = await s.newCtx();
    const a = await addTask(ctx, { title: 'Stretch', minutes: 15 });
    expect((await skipTask(ctx, { taskId: a.id })).status).toBe('skipped');
    expect((await skipTask(ctx, { taskId: a.id })).status).toBe('skipped');
    expect((await completeTask(ctx, { taskId: a.id })).task.status).toBe('done');
    await expect(skipTask(ctx, { taskId: a.id })).rejects.toMatchObject({ code: 'conflict', message: /already done/ });
  });

  it('carries a task over twice and keeps the chain through carriedFromId', async () => {
    const ctx = await s.newCtx(); // today is 2026-11-18
    const a = await addTask(ctx, { title: 'Draft pitch', minutes: 30, day: '2026-11-18', note: 'use the notes' });
    const first = await carryOverTask(ctx, { taskId: a.id });
    expect(first.from).toMatchObject({ id: a.id, status: 'carried' });
    expect(first.to).toMatchObject({ day: '2026-11-19', status: 'planned', carriedFromId: a.id, minutes: 30, note: 'use the notes' });
    const second = await carryOverTask(ctx, { taskId: first.to.id, toDay: '2026-11-23' });
    expect(second.to).toMatchObject({ day: '2026-11-23', carriedFromId: first.to.id });
    expect((await listTasks(ctx, { from: '2026-11-18', to: '2026-11-23' })).map((t) => [t.day, t.status])).toEqual([
      ['2026-11-18', 'carried'],
      ['2026-11-19', 'carried'],
      ['2026-11-23', 'planned'],
    ]);
    // The original is finished through its copy, and a carried task cannot be carried again.
    await expect(completeTask(ctx, { taskId: a.id })).rejects.toMatchObject({ code: 'conflict', message: /carried over to 2026-11-19/ });
    await expect(carryOverTask(ctx, { taskId: a.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(carryOverTask(ctx, { taskId: second.to.id, toDay: '2026-11-22' })).rejects.toMatchObject({ code: 'validation', message: /after 2026-11-23/ });
    // A title shared by the chain means the task still open.
    expect(await resolveTaskRef(ctx, 'draft pitch')).toBe(second.to.id);
  });

  it('carries a past task to today by default', async () => {
    const ctx = await s.newCtx();
    const old = await addTask(ctx, { title: 'Old', minutes: 20, day: '2026-11-10' });
    expect((await carryOverTask(ctx, { taskId: old.id })).to.day).toBe('2026-11-18');
  });

  it('brings every unfinished task of earlier days to today in one go', async () => {
    const ctx = await s.newCtx();
    const todays = await addTask(ctx, { title: 'Today first', minutes: 30 });
    const old = await addTask(ctx, { title: 'Two days ago', minutes: 30, day: '2026-11-16' });
    const yesterday = await addTask(ctx, { title: 'Yesterday', minutes: 25, day: '2026-11-17' });
    const done = await addTask(ctx, { title: 'Done before', minutes: 30, day: '2026-11-16' });
    await completeTask(ctx, { taskId: done.id });
    const skipped = await addTask(ctx, { title: 'Skipped before', minutes: 30, day: '2026-11-17' });
    await skipTask(ctx, { taskId: skipped.id });
    await addTask(ctx, { title: 'Tomorrow', minutes: 30, day: '2026-11-19' });

    expect(await carryOverUnfinished(ctx)).toBe(2);
    const today = await listTasks(ctx);
    expect(today.map((t) => [t.title, t.carriedFromId])).toEqual([
      ['Today first', null],
      ['Two days ago', old.id],
      ['Yesterday', yesterday.id],
    ]);
    expect(today[0]?.id).toBe(todays.id);
    const before = await listTasks(ctx, { from: '2026-11-16', to: '2026-11-17' });
    expect(before.filter((t) => t.status === 'planned')).toEqual([]);
    expect(await carryOverUnfinished(ctx)).toBe(0);
  });

  it('edits, relinks and deletes a task', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch' });
    const micro = await addMicroGoal(ctx, { goalId: goal.id, title: 'Beta list' });
    const task = await addTask(ctx, { title: 'Email friends', minutes: 30 });
    const linked = await updateTask(ctx, { taskId: task.id, microGoalId: micro.id, title: 'Email 10 friends', day: '2026-11-19' });
    expect(linked).toMatchObject({ title: 'Email 10 friends', day: '2026-11-19', microGoalId: micro.id, goalId: goal.id });
    const unlinked = await updateTask(ctx, { taskId: task.id, goalId: null });
    expect(unlinked).toMatchObject({ microGoalId: null, goalId: null });
    await expect(updateTask(ctx, { taskId: task.id, title: '' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'title' }] });
    expect((await deleteTask(ctx, { taskId: task.id })).title).toBe('Email 10 friends');
    expect(await countTasks(ctx)).toBe(0);
    await expect(deleteTask(ctx, { taskId: task.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it("keeps tasks inside their workspace and refuses writes from a viewer", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const task = await addTask(alice, { title: 'Private', minutes: 30 });
    await expect(completeTask(bob, { taskId: task.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listTasks(bob)).toEqual([]);
    const viewer = { ...alice, actor: { ...alice.actor, role: 'viewer' as const } };
    await expect(addTask(viewer, { title: 'Nope', minutes: 30 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(completeTask(viewer, { taskId: task.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listTasks(alice))[0]?.status).toBe('planned');
  });
});
