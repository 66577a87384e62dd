import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { applyTemplate } from './apply-template.js';
import { createTemplate } from './create-template.js';
import { listTemplates } from './list-templates.js';

const outreach = {
  name: 'Outreach sequence',
  description: 'Reach a lead over a week',
  steps: [
    { title: 'Send the first email', minutes: 30, dayOffset: 0 },
    { title: 'Follow up', minutes: 15, dayOffset: 3 },
    { title: 'Call', minutes: 45, dayOffset: 7 },
  ],
};

describeEachEngine('templates', (s) => {
  const tasksOf = (workspaceId: string) =>
    s.db().selectFrom('tasks').select(['title', 'day', 'minutes', 'microGoalId', 'goalId']).where('workspaceId', '=', workspaceId).orderBy('day').execute();

  it('creates a template and applies it as one task per step on the offset days', async () => {
    const ctx = await s.newCtx();
    const t = await createTemplate(ctx, outreach);
    expect(t.steps.map((x) => [x.position, x.title, x.minutes, x.dayOffset])).toEqual([
      [1, 'Send the first email', 30, 0],
      [2, 'Follow up', 15, 3],
      [3, 'Call', 45, 7],
    ]);
    expect((await listTemplates(ctx)).map((x) => x.name)).toEqual(['Outreach sequence']);
    const applied = await applyTemplate(ctx, { templateId: t.id, startDay: '2026-11-20' });
    expect(applied.tasks.map((x) => [x.title, x.day, x.status])).toEqual([
      ['Send the first email', '2026-11-20', 'planned'],
      ['Follow up', '2026-11-23', 'planned'],
      ['Call', '2026-11-27', 'planned'],
    ]);
    // Today by default.
    expect((await applyTemplate(ctx, { templateId: t.id })).tasks[0]?.day).toBe('2026-11-18');
  });

  it('links the tasks to a micro-goal and its goal', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'First customers' });
    const mg = await addMicroGoal(ctx, { goalId: goal.id, title: 'Contact 5 leads' });
    const t = await createTemplate(ctx, outreach);
    await applyTemplate(ctx, { templateId: t.id, microGoalId: mg.id });
    const tasks = await tasksOf(ctx.actor.workspaceId);
    expect(tasks).toHaveLength(3);
    expect(tasks.every((x) => x.microGoalId === mg.id && x.goalId === goal.id)).toBe(true);
  });

  it('refuses steps outside 15–60 minutes and an empty template, writing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(createTemplate(ctx, { name: 'Long', steps: [{ title: 'Deep work', minutes: 90, dayOffset: 0 }] })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/steps\.0\.minutes: A task is 15–60 minutes/),
    });
    await expect(createTemplate(ctx, { name: 'None', steps: [] })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/at least one step/) });
    await expect(createTemplate(ctx, { name: 'Back', steps: [{ title: 'x', minutes: 30, dayOffset: -1 }] })).rejects.toMatchObject({ code: 'validation' });
    expect(await listTemplates(ctx)).toEqual([]);
    await createTemplate(ctx, outreach);
    await expect(createTemplate(ctx, { ...outreach, name: 'outreach SEQUENCE' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('applies all steps or none', async () => {
    const ctx = await s.newCtx();
    const t = await createTemplate(ctx, outreach);
    // A step made invalid behind the use case's back (an old import, a manual edit): the third task is refused…
    await s.db().updateTable('templateSteps').set({ minutes: 90 }).where('templateId', '=', t.id).where('position', '=', 3).execute();
    await expect(applyTemplate(ctx, { templateId: t.id, startDay: '2026-11-20' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/15–60 minutes/) });
    // …and the first two, already inserted in the same transaction, are rolled back.
    expect(await tasksOf(ctx.actor.workspaceId)).toEqual([]);
    await expect(applyTemplate(ctx, { templateId: t.id, microGoalId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await tasksOf(ctx.actor.workspaceId)).toEqual([]);
  });

  it("never applies another workspace's template", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const t = await createTemplate(alice, outreach);
    await expect(applyTemplate(bob, { templateId: t.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listTemplates(bob)).toEqual([]);
    expect(await tasksOf(bob.actor.workspaceId)).toEqual([]);
  });
});
