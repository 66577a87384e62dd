import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { createTeamWorkspace, removeMember } from '../accounts/workspaces.js';
import type { Role } from '../context.js';
import { exportWorkspace } from '../data/export-workspace.js';
import { importWorkspace } from '../data/import-workspace.js';
import { createGoal } from '../goals/create-goal.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { addTask } from '../tasks/add-task.js';
import { carryOverTask } from '../tasks/carry-over-task.js';
import { completeTask } from '../tasks/complete-task.js';
import { todayView } from '../today/today-view.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { assignMicroGoal, assignTask, unassignMicroGoal, unassignTask } from './assign-work.js';
import { listMyWork, listOpenForPickup, listWaitingOnOthers } from './list-work.js';
import { offerTask, pickUpTask, withdrawOffer } from './pick-up-task.js';

let n = 0;

describeEachEngine('assignments in a team workspace', (s) => {
  /** A team (owner Olga) with members Ada and Max, a viewer Vic, and a goal. */
  async function team() {
    const base = await s.newCtx({ now: '2026-12-02T10:00:00Z', timeZone: 'UTC' });
    const ws = await createTeamWorkspace(s.db(), base.clock, { userId: base.actor.userId, name: 'Crew' });
    const as = (userId: string, role: Role): TestCtx => ({ ...base, actor: { ...base.actor, userId, workspaceId: ws.id, role } });
    const join = async (name: string, role: Role) => {
      const email = `${name.toLowerCase()}${n++}@example.com`;
      const actor = await createUserWithWorkspace(s.db(), base.clock, { name, email, timeZone: 'UTC' });
      await s.db().insertInto('members').values({ workspaceId: ws.id, userId: actor.userId, role, createdAt: base.clock.now().toISOString() }).execute();
      return { userId: actor.userId, email, ctx: as(actor.userId, role) };
    };
    const owner = as(base.actor.userId, 'owner');
    const { goal } = await createGoal(owner, { title: 'Launch' });
    return { base, ws, owner, goal, ada: await join('Ada', 'member'), max: await join('Max', 'member'), vic: await join('Vic', 'viewer') };
  }

  it('delegates tasks and micro-goals to members, and lists my work and what I wait on', async () => {
    const { owner, goal, ada, max } = await team();
    const micro = await addMicroGoal(owner, { goalId: goal.id, title: 'Landing page' });
    const copy = await addTask(owner, { title: 'Write copy', minutes: 30, microGoalId: micro.id });
    const later = await addTask(owner, { title: 'Pick a font', minutes: 15, day: '2026-12-04' });
    const done = await addTask(owner, { title: 'Buy domain', minutes: 15, day: '2026-12-01' });

    // Members delegate too; the assignee may be named by email.
    expect(await assignMicroGoal(ada.ctx, { microGoalId: micro.id, assignee: max.email.toUpperCase() })).toMatchObject({ kind: 'micro_goal', assigneeId: max.userId, assigneeName: 'Max', assignedById: ada.userId, assignedByName: 'Ada' });
    await assignTask(ada.ctx, { taskId: copy.id, assignee: max.userId });
    await assignTask(owner, { taskId: later.id, assignee: max.userId });
    await assignTask(owner, { taskId: done.id, assignee: max.userId });
    await completeTask(max.ctx, { taskId: done.id });

    const mine = await listMyWork(max.ctx);
    expect(mine.map((w) => [w.kind, w.title, w.open])).toEqual([
      ['micro_goal', 'Landing page', true],
      ['task', 'Write copy', true],
      ['task', 'Pick a font', true],
      ['task', 'Buy domain', false],
    ]);
    expect((await listMyWork(max.ctx, { status: 'open' })).map((w) => w.title)).toEqual(['Landing page', 'Write copy', 'Pick a font']);
    expect(await listMyWork(ada.ctx)).toEqual([]);
    // Ada waits on what she handed over; the owner on the task they assigned.
    expect((await listWaitingOnOthers(ada.ctx)).map((w) => w.title)).toEqual(['Landing page', 'Write copy']);
    expect((await listWaitingOnOthers(owner)).map((w) => w.title)).toEqual(['Pick a font']);
    // Max answers for the micro-goal: a task under it that Ada holds is something he waits on.
    await assignTask(owner, { taskId: copy.id, assignee: ada.email });
    expect((await listWaitingOnOthers(max.ctx)).map((w) => [w.title, w.assigneeName])).toEqual([['Write copy', 'Ada']]);

    expect(await unassignTask(owner, { taskId: copy.id })).toMatchObject({ assigneeId: null, assignedById: null });
    expect(await unassignMicroGoal(ada.ctx, { microGoalId: micro.id })).toMatchObject({ assigneeId: null });
    expect((await listMyWork(max.ctx, { status: 'open' })).map((w) => w.title)).toEqual(['Pick a font']);
  });

  it('assigns only to current members who may write, and only open work', async () => {
    const { owner, goal, max, vic } = await team();
    const stranger = await s.newCtx();
    const task = await addTask(owner, { title: 'Call the printer', minutes: 20 });
    await expect(assignTask(vic.ctx, { taskId: task.id, assignee: max.userId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(assignTask(owner, { taskId: task.id, assignee: stranger.actor.userId })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'assignee', message: expect.stringMatching(/not a member of this workspace/) }] });
    await expect(assignTask(owner, { taskId: task.id, assignee: 'nobody@example.com' })).rejects.toMatchObject({ code: 'validation' });
    await expect(assignTask(owner, { taskId: task.id, assignee: vic.userId })).rejects.toMatchObject({ code: 'validation', message: /viewer/ });
    await expect(assignTask(owner, { taskId: 'nosuchtask00000', assignee: max.userId })).rejects.toMatchObject({ code: 'not_found' });
    // Another workspace's task is not found, whoever is named.
    await expect(assignTask(stranger, { taskId: task.id, assignee: stranger.actor.userId })).rejects.toMatchObject({ code: 'not_found' });
    await completeTask(owner, { taskId: task.id });
    await expect(assignTask(owner, { taskId: task.id, assignee: max.userId })).rejects.toMatchObject({ code: 'conflict', message: /only a planned task/ });
    const micro = await addMicroGoal(owner, { goalId: goal.id, title: 'Print flyers' });
    await expect(assignMicroGoal(owner, { microGoalId: micro.id, assignee: vic.email })).rejects.toMatchObject({ code: 'validation' });
  });

  it('lets exactly one of several people pick up an offered task at once', async () => {
    const { owner, ada, max } = await team();
    const task = await addTask(owner, { title: 'Hand out flyers', minutes: 45 });
    await expect(pickUpTask(ada.ctx, { taskId: task.id })).rejects.toMatchObject({ code: 'conflict', message: /not open for pickup/ });
    await assignTask(owner, { taskId: task.id, assignee: ada.userId });
    // Offering releases it to the team.
    expect(await offerTask(owner, { taskId: task.id })).toMatchObject({ openForPickup: true, assigneeId: null });
    expect((await listOpenForPickup(max.ctx)).map((w) => w.id)).toEqual([task.id]);

    const results = await Promise.allSettled([pickUpTask(ada.ctx, { taskId: task.id }), pickUpTask(max.ctx, { taskId: task.id }), pickUpTask(owner, { taskId: task.id })]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: string }).code)).toEqual(['conflict', 'conflict']);
    const winner = (won[0] as PromiseFulfilledResult<{ assigneeId: string; assigneeName: string }>).value;
    expect(lost.every((r) => (r.reason as Error).message.includes(`${winner.assigneeName} picked up`))).toBe(true);
    const row = await s.db().selectFrom('tasks').select(['assigneeId', 'openForPickup']).where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ assigneeId: winner.assigneeId, openForPickup: 0 });
    expect(await listOpenForPickup(max.ctx)).toEqual([]);

    // A retry by the winner is harmless; withdrawing an offer keeps the task unassigned.
    const winnerCtx = [ada, max].find((p) => p.userId === winner.assigneeId)?.ctx ?? owner;
    expect(await pickUpTask(winnerCtx, { taskId: task.id })).toMatchObject({ assigneeId: winner.assigneeId });
    const other = await addTask(owner, { title: 'Sweep the hall', minutes: 15 });
    await offerTask(owner, { taskId: other.id });
    expect(await withdrawOffer(owner, { taskId: other.id })).toMatchObject({ openForPickup: false, assigneeId: null });
    await expect(pickUpTask(max.ctx, { taskId: other.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it("shows on a member's Today their own and the team's unassigned tasks, and keeps a personal Today as it was", async () => {
    const { owner, ada, max } = await team();
    const mine = await addTask(owner, { title: 'Max does this', minutes: 30 });
    const hers = await addTask(owner, { title: 'Ada does this', minutes: 30 });
    await addTask(owner, { title: 'Anyone', minutes: 15 });
    const old = await addTask(owner, { title: 'Ada, yesterday', minutes: 15, day: '2026-12-01' });
    await assignTask(owner, { taskId: mine.id, assignee: max.userId });
    await assignTask(owner, { taskId: hers.id, assignee: ada.userId });
    await assignTask(owner, { taskId: old.id, assignee: ada.userId });

    const maxDay = await todayView(max.ctx);
    expect(maxDay.tasks.map((t) => [t.title, t.assigneeName])).toEqual([['Max does this', 'Max'], ['Anyone', null]]);
    expect(maxDay.totals.tasksOpen).toBe(2);
    expect(maxDay.unfinishedBefore).toBe(0);
    expect((await todayView(ada.ctx)).unfinishedBefore).toBe(1);

    // Carrying over keeps who does it.
    const { to } = await carryOverTask(ada.ctx, { taskId: old.id });
    expect(to).toMatchObject({ assigneeId: ada.userId, day: '2026-12-02' });

    const solo = await s.newCtx({ now: '2026-12-02T10:00:00Z', timeZone: 'UTC' });
    const own = await addTask(solo, { title: 'Solo work', minutes: 30 });
    await addTask(solo, { title: 'More solo work', minutes: 30 });
    await assignTask(solo, { taskId: own.id, assignee: solo.actor.userId });
    expect((await todayView(solo)).tasks.map((t) => t.title)).toEqual(['Solo work', 'More solo work']);
  });

  it('gives a removed member’s open work back to the team in the same transaction, keeping finished work', async () => {
    const { owner, goal, max } = await team();
    const micro = await addMicroGoal(owner, { goalId: goal.id, title: 'Sponsors' });
    const open = await addTask(owner, { title: 'Email sponsors', minutes: 30 });
    const finished = await addTask(owner, { title: 'List sponsors', minutes: 30 });
    await assignMicroGoal(owner, { microGoalId: micro.id, assignee: max.userId });
    for (const t of [open, finished]) await assignTask(owner, { taskId: t.id, assignee: max.userId });
    await completeTask(max.ctx, { taskId: finished.id });

    await removeMember(owner, { userId: max.userId });
    expect((await listOpenForPickup(owner)).map((w) => [w.title, w.assigneeId])).toEqual([['Email sponsors', null]]);
    const rows = await s.db().selectFrom('tasks').select(['title', 'assigneeId']).where('id', 'in', [open.id, finished.id]).orderBy('title').execute();
    expect(rows).toEqual([{ title: 'Email sponsors', assigneeId: null }, { title: 'List sponsors', assigneeId: max.userId }]);
    const mg = await s.db().selectFrom('microGoals').select('assigneeId').where('id', '=', micro.id).executeTakeFirstOrThrow();
    expect(mg.assigneeId).toBeNull();
    // A former member can no longer be given work.
    const next = await addTask(owner, { title: 'Thank sponsors', minutes: 15 });
    await expect(assignTask(owner, { taskId: next.id, assignee: max.userId })).rejects.toMatchObject({ code: 'validation' });
  });

  it('restores assignments to people who are members of the restoring workspace, and clears the rest', async () => {
    const { base, owner, ada, max } = await team();
    const t1 = await addTask(owner, { title: 'For Ada', minutes: 15 });
    const t2 = await addTask(owner, { title: 'For Max', minutes: 15 });
    await assignTask(owner, { taskId: t1.id, assignee: ada.userId });
    await assignTask(owner, { taskId: t2.id, assignee: max.userId });
    const file = await exportWorkspace(owner);

    // A new team of Ada's with Max in it, restored next to the original (ids renumbered).
    const ws = await createTeamWorkspace(s.db(), base.clock, { userId: ada.userId, name: 'Crew again' });
    await s.db().insertInto('members').values({ workspaceId: ws.id, userId: max.userId, role: 'member', createdAt: base.clock.now().toISOString() }).execute();
    const target = { ...base, actor: { ...base.actor, userId: ada.userId, workspaceId: ws.id, role: 'owner' as const } };
    await importWorkspace(target, file);
    const restored = await s.db().selectFrom('tasks').select(['title', 'assigneeId', 'assignedById']).where('workspaceId', '=', ws.id).orderBy('title').execute();
    expect(restored).toEqual([
      { title: 'For Ada', assigneeId: ada.userId, assignedById: null },
      { title: 'For Max', assigneeId: max.userId, assignedById: null },
    ]);
  });
});
