import { expect, it } from 'vitest';
import { accountEndpoints as a } from '#contracts/api/accounts.js';
import { planEndpoints as p } from '#contracts/api/plan.js';
import { teamEndpoints as t } from '#contracts/api/team.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeServer } from '#test/server.js';

describeServer('team work routes', (s) => {
  async function team() {
    const owner = await s.user({ name: 'Olga' });
    const ws = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Crew' });
    const max = await s.user({ name: 'Max' });
    const vic = await s.user({ name: 'Vic' });
    await s.join(max, ws.id, 'member');
    await s.join(vic, ws.id, 'viewer');
    const at = { workspaceId: ws.id };
    return { owner, max, vic, ws, at };
  }

  it('assigns a task, which then shows in my work and on my Today, with its assignee in task lists', async () => {
    const { owner, max, at } = await team();
    const task = (await s.call(owner, p.addTask, { title: 'Write the newsletter', minutes: 45 }, at)).json();
    await s.call(owner, p.addTask, { title: 'Olga only', minutes: 15 }, at).then(async (r) => s.call(owner, t.assignTask, { taskId: r.json().id, assignee: owner.userId }, at));

    const assigned = await s.call(owner, t.assignTask, { taskId: task.id, assignee: max.userId }, at);
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ kind: 'task', id: task.id, assigneeId: max.userId, assigneeName: 'Max', assignedByName: 'Olga', open: true });

    const mine = await s.call(max, t.listMyWork, {}, at);
    expect(mine.json()).toEqual({ items: [expect.objectContaining({ id: task.id, title: 'Write the newsletter' })], nextCursor: null });
    const today = (await s.call(max, p.showToday, {}, at)).json();
    expect(today.tasks.map((x: { title: string; assigneeName: string | null }) => [x.title, x.assigneeName])).toEqual([['Write the newsletter', 'Max']]);
    expect((await s.call(owner, t.listWaitingOnOthers, {}, at)).json().items.map((x: { id: string }) => x.id)).toEqual([task.id]);
    const shown = (await s.call(owner, p.showTask, { taskId: task.id }, at)).json();
    expect(shown).toMatchObject({ assigneeId: max.userId, openForPickup: false });

    const unassigned = await s.call(max, t.unassignTask, { taskId: task.id }, at);
    expect(unassigned.json()).toMatchObject({ assigneeId: null });
  });

  it('answers a non-member assignee with 400, a viewer with 403, and another workspace’s task with 404', async () => {
    const { owner, vic, at } = await team();
    const outsider = await s.user();
    const task = (await s.call(owner, p.addTask, { title: 'Call the venue', minutes: 30 }, at)).json();
    const bad = await s.call(owner, t.assignTask, { taskId: task.id, assignee: outsider.userId }, at);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'assignee', message: expect.stringMatching(/not a member/) }]);
    expect((await s.call(vic, t.assignTask, { taskId: task.id, assignee: owner.userId }, at)).statusCode).toBe(403);
    expect((await s.call(vic, t.pickUpTask, { taskId: task.id }, at)).statusCode).toBe(403);
    expect((await s.call(vic, t.listMyWork, {}, at)).statusCode).toBe(200);
    expect((await s.call(outsider, t.assignTask, { taskId: task.id, assignee: outsider.userId })).statusCode).toBe(404);
    expect((await s.call(outsider, t.listOpenForPickup, {}, at)).statusCode).toBe(404);
  });

  it('offers a task for pickup: the first pick wins, the second gets 409', async () => {
    const { owner, max, at } = await team();
    const helper = await s.user({ name: 'Hana' });
    await s.join(helper, at.workspaceId, 'member');
    const task = (await s.call(owner, p.addTask, { title: 'Set up chairs', minutes: 30 }, at)).json();
    expect((await s.call(owner, t.offerTask, { taskId: task.id }, at)).json()).toMatchObject({ openForPickup: true });
    expect((await s.call(max, t.listOpenForPickup, {}, at)).json().items.map((x: { id: string }) => x.id)).toEqual([task.id]);
    const [first, second] = await Promise.all([s.call(max, t.pickUpTask, { taskId: task.id }, at), s.call(helper, t.pickUpTask, { taskId: task.id }, at)]);
    const codes = [first.statusCode, second.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.message).toMatch(/picked up "Set up chairs" first/);
    expect((await s.call(max, t.listOpenForPickup, {}, at)).json().items).toEqual([]);
  });

  it('takes a removed member’s access away on the next request and gives their open work back', async () => {
    const { owner, max, at } = await team();
    const task = (await s.call(owner, p.addTask, { title: 'Book the band', minutes: 30 }, at)).json();
    await s.call(owner, t.assignTask, { taskId: task.id, assignee: max.userId }, at);
    expect((await s.call(max, t.listMyWork, {}, at)).statusCode).toBe(200);

    expect((await s.call(owner, a.removeMember, { userId: max.userId }, at)).statusCode).toBeLessThan(300);
    expect((await s.call(max, t.listMyWork, {}, at)).statusCode).toBe(404);
    expect((await s.call(max, t.pickUpTask, { taskId: task.id }, at)).statusCode).toBe(404);
    const open = (await s.call(owner, t.listOpenForPickup, {}, at)).json().items;
    expect(open).toEqual([expect.objectContaining({ id: task.id, assigneeId: null, openForPickup: true })]);
  });
});
