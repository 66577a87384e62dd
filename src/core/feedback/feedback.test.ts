import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { newId } from '../ids.js';
import { createExperiment } from '../experiments/create-experiment.js';
import { createGoal } from '../goals/create-goal.js';
import { addFeedback } from './add-feedback.js';
import { listFeedback } from './list-feedback.js';
import type { TestCtx } from '#test/db.js';

async function buildContact(ctx: TestCtx, name = `Contact ${newId().slice(0, 5)}`): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('contacts')
    .values({ id, workspaceId: ctx.actor.workspaceId, name, kind: 'customer', email: '', note: '', createdAt: '2026-11-01T00:00:00Z' })
    .execute();
  return id;
}

describeEachEngine('feedback', (s) => {
  it('logs feedback on the local day, linked to a contact, a goal and an experiment', async () => {
    // 23:30 UTC is already the next day in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T23:30:00Z' });
    const contactId = await buildContact(ctx, 'Ana');
    const { goal } = await createGoal(ctx, { title: 'First customers' });
    const e = await createExperiment(ctx, { title: 'Concierge', assumption: 'a', hypothesis: 'h', endDay: '2026-12-01' });
    const f = await addFeedback(ctx, { content: '  Loved the weekly email  ', source: 'customer', contactId, goalId: goal.id, experimentId: e.id });
    expect(f).toMatchObject({ content: 'Loved the weekly email', day: '2026-11-19', contactId, goalId: goal.id, experimentId: e.id });
  });

  it('filters by source, goal, experiment, contact and days, newest first', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const ana = await buildContact(ctx);
    await addFeedback(ctx, { content: 'old mentor note', source: 'mentor', day: '2026-10-01' });
    await addFeedback(ctx, { content: 'customer on goal', source: 'customer', goalId: goal.id, contactId: ana, day: '2026-11-10' });
    await addFeedback(ctx, { content: 'peer', source: 'peer', day: '2026-11-12' });
    expect((await listFeedback(ctx)).map((f) => f.content)).toEqual(['peer', 'customer on goal', 'old mentor note']);
    expect((await listFeedback(ctx, { source: 'mentor' })).map((f) => f.content)).toEqual(['old mentor note']);
    expect((await listFeedback(ctx, { goalId: goal.id })).map((f) => f.content)).toEqual(['customer on goal']);
    expect((await listFeedback(ctx, { contactId: ana })).map((f) => f.content)).toEqual(['customer on goal']);
    expect((await listFeedback(ctx, { from: '2026-11-01', to: '2026-11-11' })).map((f) => f.content)).toEqual(['customer on goal']);
    expect(await listFeedback(ctx, { limit: 1 })).toHaveLength(1);
  });

  it('refuses empty feedback, an unknown source and links outside the workspace, writing nothing', async () => {
    const ctx = await s.newCtx();
    const other = await s.newCtx();
    const theirContact = await buildContact(other);
    await expect(addFeedback(ctx, { content: '   ', source: 'customer' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'content' }] });
    await expect(addFeedback(ctx, { content: 'x', source: 'investor' as 'peer' })).rejects.toThrow(/customer, mentor, peer or other/);
    await expect(addFeedback(ctx, { content: 'x', source: 'customer', contactId: theirContact })).rejects.toThrow(/No contact matches/);
    await expect(addFeedback(ctx, { content: 'x', source: 'customer', experimentId: 'nope' })).rejects.toThrow(/No experiment matches "nope"/);
    expect(await listFeedback(ctx)).toEqual([]);
    expect(await listFeedback(other)).toEqual([]);
  });
});
