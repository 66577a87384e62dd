import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { resolveRunRef } from './checklist-queries.js';
import { checkChecklistItem, completeChecklistRun, showChecklistRun, startChecklistRun } from './checklist-runs.js';
import { createChecklist } from './create-checklist.js';
import { listChecklists } from './list-checklists.js';

describeEachEngine('checklists', (s) => {
  it('creates a checklist with numbered items and runs it many times', async () => {
    const ctx = await s.newCtx();
    const list = await createChecklist(ctx, { name: 'Launch', items: ['Write the post', 'Check the links', 'Tell the list'] });
    expect(list.items.map((i) => [i.position, i.text])).toEqual([[1, 'Write the post'], [2, 'Check the links'], [3, 'Tell the list']]);
    const first = await startChecklistRun(ctx, { checklistId: list.id, label: 'v1.0' });
    expect(first).toMatchObject({ checked: 0, total: 3, run: { label: 'v1.0', completedAt: null } });
    ctx.clock.advance(86_400_000);
    await startChecklistRun(ctx, { checklistId: list.id, label: 'v1.1' });
    const [summary] = await listChecklists(ctx);
    expect(summary).toMatchObject({ name: 'Launch', runs: 2 });
    expect(summary?.openRuns.map((r) => r.label)).toEqual(['v1.1', 'v1.0']);
  });

  it('refuses an empty checklist, a blank item and a taken name, writing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(createChecklist(ctx, { name: 'Empty', items: [] })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/items: a checklist needs at least one item/) });
    await expect(createChecklist(ctx, { name: 'Blank', items: ['ok', '  '] })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'items.1' }] });
    expect(await listChecklists(ctx)).toEqual([]);
    await createChecklist(ctx, { name: 'Onboarding', items: ['Call'] });
    await expect(createChecklist(ctx, { name: 'ONBOARDING', items: ['x'] })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already have a checklist called "ONBOARDING"/) });
    expect(await listChecklists(ctx)).toHaveLength(1);
  });

  it('ticks items by number or id, idempotently', async () => {
    const ctx = await s.newCtx();
    const list = await createChecklist(ctx, { name: 'Publish', items: ['Proofread', 'Add images', 'Schedule'] });
    const { run } = await startChecklistRun(ctx, { checklistId: list.id });
    await checkChecklistItem(ctx, { runId: run.id, position: 2 });
    ctx.clock.advance(60_000);
    const again = await checkChecklistItem(ctx, { runId: run.id, position: 2 });
    expect(again.checked).toBe(1);
    expect(again.items[1]?.checkedAt).toBe('2026-11-18T10:00:00.000Z');
    const byId = await checkChecklistItem(ctx, { runId: run.id, itemId: list.items[0]!.id });
    expect(byId.items.map((i) => Boolean(i.checkedAt))).toEqual([true, true, false]);
    await expect(checkChecklistItem(ctx, { runId: run.id, position: 4 })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/no item 4; its items are numbered 1 to 3/) });
    await expect(checkChecklistItem(ctx, { runId: run.id })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/either its id or its number/) });
  });

  it('refuses to complete a run with unticked items, listing them, unless forced', async () => {
    const ctx = await s.newCtx();
    const list = await createChecklist(ctx, { name: 'Ship', items: ['Tests green', 'Changelog', 'Tag'] });
    const { run } = await startChecklistRun(ctx, { checklistId: list.id });
    await checkChecklistItem(ctx, { runId: run.id, position: 1 });
    await expect(completeChecklistRun(ctx, { runId: run.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/2 of 3 items are not ticked yet: 2\. Changelog; 3\. Tag\..*--force/),
    });
    expect((await showChecklistRun(ctx, run.id)).run.completedAt).toBeNull();
    const forced = await completeChecklistRun(ctx, { runId: run.id, force: true });
    expect(forced.run.completedAt).toBe('2026-11-18T10:00:00.000Z');
    await expect(checkChecklistItem(ctx, { runId: run.id, position: 2 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/was completed/) });
    // Completing twice changes nothing.
    ctx.clock.advance(60_000);
    expect((await completeChecklistRun(ctx, { runId: run.id })).run.completedAt).toBe('2026-11-18T10:00:00.000Z');
  });

  it('completes a fully ticked run without force', async () => {
    const ctx = await s.newCtx();
    const list = await createChecklist(ctx, { name: 'Weekly reset', items: ['Inbox zero', 'Plan the week'] });
    const { run } = await startChecklistRun(ctx, { checklistId: list.id });
    await Promise.all([1, 2, 1, 2].map((position) => checkChecklistItem(ctx, { runId: run.id, position })));
    const done = await completeChecklistRun(ctx, { runId: run.id });
    expect(done).toMatchObject({ checked: 2, total: 2 });
    expect(done.run.completedAt).not.toBeNull();
  });

  it("finds a run by id, id prefix or its checklist's name, and never another workspace's", async () => {
    const ctx = await s.newCtx();
    const list = await createChecklist(ctx, { name: 'Outreach', items: ['Find 5 leads'] });
    const old = await startChecklistRun(ctx, { checklistId: list.id, label: 'old' });
    await completeChecklistRun(ctx, { runId: old.run.id, force: true });
    expect(await resolveRunRef(ctx, 'outreach')).toBe(old.run.id);
    ctx.clock.advance(1000);
    const open = await startChecklistRun(ctx, { checklistId: list.id, label: 'new' });
    expect(await resolveRunRef(ctx, 'Outreach')).toBe(open.run.id);
    expect(await resolveRunRef(ctx, open.run.id)).toBe(open.run.id);
    expect(await resolveRunRef(ctx, open.run.id.slice(0, 10))).toBe(open.run.id);
    const other = await s.newCtx();
    await expect(resolveRunRef(other, open.run.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(showChecklistRun(other, open.run.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(startChecklistRun(other, { checklistId: list.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
