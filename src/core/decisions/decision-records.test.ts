import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { createDecision, deleteDecision, getDecision, listDecisions, updateDecision } from './decision-records.js';

describeEachEngine('decision records', (s) => {
  it('records, lists, changes and deletes decisions, linked to a goal of the workspace', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'First 10 customers' });
    const first = await createDecision(ctx, { title: 'One niche', context: 'Too many leads', decision: 'Dentists only', reasoning: 'Warm intros', goalId: goal.id });
    expect(first).toMatchObject({ title: 'One niche', goal: { id: goal.id, title: 'First 10 customers' }, createdBy: { name: 'Test User' } });
    ctx.clock.advance(1000);
    const second = await createDecision(ctx, { title: 'Weekly demo', decision: 'Every Friday' });
    expect(second.goal).toBeNull();
    expect((await listDecisions(ctx)).map((d) => d.title)).toEqual(['Weekly demo', 'One niche']);
    expect((await listDecisions(ctx, { goalId: goal.id })).map((d) => d.title)).toEqual(['One niche']);
    ctx.clock.advance(1000);
    const changed = await updateDecision(ctx, { decisionId: second.id, reasoning: 'Keeps us honest', goalId: goal.id });
    expect(changed).toMatchObject({ decision: 'Every Friday', reasoning: 'Keeps us honest', goal: { id: goal.id } });
    expect(changed.updatedAt > changed.createdAt).toBe(true);
    expect((await updateDecision(ctx, { decisionId: second.id, goalId: null })).goal).toBeNull();
    await deleteDecision(ctx, { decisionId: first.id });
    await expect(getDecision(ctx, { decisionId: first.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteDecision(ctx, { decisionId: first.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(createDecision(ctx, { title: 'x', decision: '' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'decision' }] });
  });

  it("keeps decisions in their workspace and to writers", async () => {
    const ctx = await s.newCtx();
    const other = await s.newCtx();
    const { goal } = await createGoal(other, { title: 'Theirs' });
    await expect(createDecision(ctx, { title: 'Steal', decision: 'x', goalId: goal.id })).rejects.toMatchObject({ code: 'not_found' });
    const mine = await createDecision(ctx, { title: 'Mine', decision: 'x' });
    await expect(getDecision(other, { decisionId: mine.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateDecision(other, { decisionId: mine.id, title: 'Hijack' })).rejects.toMatchObject({ code: 'not_found' });
    const viewer = { ...ctx, actor: { ...ctx.actor, role: 'viewer' as const } };
    await expect(createDecision(viewer, { title: 'No', decision: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listDecisions(viewer)).toHaveLength(1);
  });
});
