import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { planEndpoints as p } from '#contracts/api/plan.js';
import type { Ctx } from '#core/context.js';
import { addFocusWindow } from '#core/energy/focus-windows.js';
import { logEnergy } from '#core/energy/log-energy.js';
import { checkInRoutine } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import type { SeedIds } from '#test/samples.js';
import * as goalSeed from '#test/seeds/goals.js';
import * as planSeed from '#test/seeds/plan.js';
import { cliRunner } from '#test/cli.js';
import { describeServer, type ServerSuite, type TestUser } from '#test/server.js';

type Detail = { path: string; message: string };
const paths = (body: { error: { details?: Detail[] } }) => (body.error.details ?? []).map((d) => d.path).sort();

/** The use-case context of `user` in their personal workspace, for arranging what no plan endpoint makes. */
async function ctxOf(s: ServerSuite, user: TestUser): Promise<Ctx> {
  const actor = await actorFor(s.db(), user.userId, user.workspaceId);
  if (!actor) throw new Error('no actor');
  return { db: s.db(), clock: s.clock, actor };
}

describeServer('plan routes', (s) => {
  async function goalOf(user: TestUser, title = 'Launch'): Promise<string> {
    return (await s.call(user, g.createGoal, { title })).json().goal.id as string;
  }

  it("tells the user's current day and week, in their time zone", async () => {
    const paris = await s.user();
    const res = await s.call(paris, p.getCurrentDay, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      now: '2026-11-18T10:00:00.000Z', day: '2026-11-18', week: '2026-W47', weekStart: '2026-11-16', weekEnd: '2026-11-22', timeZone: 'Europe/Paris', dayStartHour: 0,
    });
    const auckland = await s.user({ timeZone: 'Pacific/Auckland' });
    s.clock.set('2026-11-18T12:00:00Z'); // already Thursday in Auckland
    expect((await s.call(auckland, p.getCurrentDay, {})).json().day).toBe('2026-11-19');
    s.clock.set('2026-11-18T10:00:00Z');
  });

  it('plans a week all or nothing, writes its result, and shows it', async () => {
    const me = await s.user();
    const goalId = await goalOf(me);
    const planned = await s.call(me, p.planWeek, { week: '2026-W47', plan: 'Demos first', microGoals: [{ goalId, title: 'Book 3 demos' }, { goalId, title: 'Publish pricing' }] });
    expect(planned.statusCode).toBe(200);
    const body = planned.json();
    expect(body.created.map((m: { title: string; week: string }) => [m.title, m.week])).toEqual([['Book 3 demos', '2026-W47'], ['Publish pricing', '2026-W47']]);
    expect(body.week).toMatchObject({ week: '2026-W47', start: '2026-11-16', end: '2026-11-22', plan: 'Demos first', result: '', warnings: [], microGoals: { planned: 2, done: 0, dropped: 0 } });
    expect(body.week.goals[0].microGoals[0]).toMatchObject({ title: 'Book 3 demos', status: 'planned', tasks: { done: 0, total: 0 } });

    const other = await s.user();
    const foreignGoal = await goalOf(other, 'Not yours');
    const refused = await s.call(me, p.planWeek, { week: '2026-W47', plan: 'Overwritten?', microGoals: [{ goalId, title: 'Fine' }, { goalId: foreignGoal, title: 'Theirs' }] });
    expect(refused.statusCode).toBe(404);
    const bad = await s.call(me, p.planWeek, { week: '2026-W47', microGoals: [{ goalId, title: '' }] });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['microGoals.0.title']);
    const shown = (await s.call(me, p.showWeek, { week: '2026-W47' })).json();
    expect(shown.plan).toBe('Demos first');
    expect(shown.microGoals.planned).toBe(2);

    const result = await s.call(me, p.setWeekResult, { week: '2026-W47', result: '4 demos booked' });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toEqual({ week: '2026-W47', plan: 'Demos first', result: '4 demos booked', updatedAt: '2026-11-18T10:00:00.000Z' });
    expect((await s.call(me, p.showWeek, { week: '2026-W47' })).json().result).toBe('4 demos booked');

    for (const week of ['2026-47', '2025-W53']) {
      const res = await s.call(me, p.showWeek, { week });
      expect(res.statusCode, week).toBe(400);
      expect(paths(res.json())).toEqual(['week']);
    }
    expect((await s.call(me, p.setWeekResult, { week: '2026-W47' })).json().error.details).toEqual([expect.objectContaining({ path: 'result' })]);
  });

  it('adds, completes (one win) and drops micro-goals; closed and foreign goals are refused', async () => {
    const me = await s.user();
    const goalId = await goalOf(me);
    const added = await s.call(me, p.addMicroGoal, { goalId, title: 'Landing page live' });
    expect(added.statusCode).toBe(201);
    const mg = added.json();
    expect(mg).toMatchObject({ goalId, week: '2026-W47', title: 'Landing page live', status: 'planned', result: '', doneAt: null });
    expect((await s.call(me, p.addMicroGoal, { goalId, title: 'Later', week: '2026-W48' })).json().week).toBe('2026-W48');
    expect((await s.call(me, p.showMicroGoal, { microGoalId: mg.id })).json().title).toBe('Landing page live');

    const done = await s.call(me, p.completeMicroGoal, { microGoalId: mg.id, result: '42 sign-ups' });
    expect(done.statusCode).toBe(200);
    expect(done.json().microGoal).toMatchObject({ status: 'done', result: '42 sign-ups', doneAt: '2026-11-18T10:00:00.000Z' });
    expect(done.json().win).toMatchObject({ source: 'micro_goal', sourceId: mg.id, title: 'Landing page live', note: '42 sign-ups', day: '2026-11-18' });
    expect((await s.call(me, p.completeMicroGoal, { microGoalId: mg.id })).json().win).toBeNull();
    const dropDone = await s.call(me, p.dropMicroGoal, { microGoalId: mg.id });
    expect(dropDone.statusCode).toBe(409);
    expect(dropDone.json().error.message).toMatch(/already done/);

    const other = (await s.call(me, p.addMicroGoal, { goalId, title: 'Press kit' })).json();
    expect((await s.call(me, p.dropMicroGoal, { microGoalId: other.id, reason: 'Nobody asked' })).json()).toMatchObject({ status: 'dropped', result: 'Nobody asked' });

    const empty = await s.call(me, p.addMicroGoal, { goalId, title: ' ', week: 'next' });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(['title', 'week']);
    await s.call(me, g.updateGoal, { goalId, status: 'dropped' });
    const closed = await s.call(me, p.addMicroGoal, { goalId, title: 'Late' });
    expect(closed.statusCode).toBe(409);

    const stranger = await s.user();
    for (const res of [
      await s.call(stranger, p.showMicroGoal, { microGoalId: mg.id }),
      await s.call(stranger, p.completeMicroGoal, { microGoalId: other.id }),
      await s.call(stranger, p.dropMicroGoal, { microGoalId: other.id }),
      await s.call(stranger, p.addMicroGoal, { goalId, title: 'Sneak in' }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Landing page live');
    }
  });

  it('plans, edits, completes, skips, carries and deletes tasks', async () => {
    const me = await s.user();
    const goalId = await goalOf(me);
    const mg = (await s.call(me, p.addMicroGoal, { goalId, title: 'Book 3 demos' })).json();
    const added = await s.call(me, p.addTask, { title: 'Email 5 leads', minutes: 30, microGoalId: mg.id });
    expect(added.statusCode).toBe(201);
    const task = added.json();
    expect(task).toMatchObject({ title: 'Email 5 leads', minutes: 30, day: '2026-11-18', status: 'planned', actualMinutes: null, goalId, microGoalId: mg.id, carriedFromId: null, note: '', position: 0 });

    const tooLong = await s.call(me, p.addTask, { title: 'Rewrite everything', minutes: 90 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([{ path: 'minutes', message: 'A task is 15–60 minutes; split longer work into several tasks.' }]);
    const badDay = await s.call(me, p.addTask, { title: 'X', minutes: 30, day: 'tomorrow' });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.details[0]).toEqual({ path: 'day', message: 'must be a date in the form YYYY-MM-DD' });

    const yesterday = (await s.call(me, p.addTask, { title: 'Call Anna', minutes: 20, day: '2026-11-17', goalId })).json();
    const skipMe = (await s.call(me, p.addTask, { title: 'Tidy desk', minutes: 15 })).json();
    const list = await s.call(me, p.listTasks, {});
    expect(list.json().items.map((t: { title: string; microGoalTitle: string | null; goalTitle: string | null }) => [t.title, t.microGoalTitle, t.goalTitle])).toEqual([
      ['Email 5 leads', 'Book 3 demos', 'Launch'],
      ['Tidy desk', null, null],
    ]);
    const range = await s.call(me, p.listTasks, { from: '2026-11-16', to: '2026-11-22', limit: 2 } as Record<string, unknown>);
    expect(range.json().items.map((t: { title: string }) => t.title)).toEqual(['Call Anna', 'Email 5 leads']);
    expect(range.json().nextCursor).toEqual(expect.any(String));
    const badRange = await s.call(me, p.listTasks, { day: '2026-11-18', from: '2026-11-16' });
    expect(badRange.statusCode).toBe(400);
    expect(paths(badRange.json())).toContain('day');

    const edited = await s.call(me, p.updateTask, { taskId: task.id, minutes: 45, note: 'Use the new template', microGoalId: null });
    expect(edited.json()).toMatchObject({ minutes: 45, note: 'Use the new template', microGoalId: null, goalId });
    expect((await s.call(me, p.updateTask, { taskId: task.id, minutes: 5 })).statusCode).toBe(400);
    expect((await s.call(me, p.showTask, { taskId: task.id })).json().minutes).toBe(45);

    const done = await s.call(me, p.completeTask, { taskId: task.id, actualMinutes: 40 });
    expect(done.statusCode).toBe(200);
    expect(done.json().task).toMatchObject({ status: 'done', actualMinutes: 40, doneAt: '2026-11-18T10:00:00.000Z' });
    expect(done.json().win).toMatchObject({ source: 'task', sourceId: task.id, title: 'Email 5 leads' });
    expect((await s.call(me, p.completeTask, { taskId: task.id })).json().win).toBeNull();
    expect((await s.call(me, p.skipTask, { taskId: task.id })).statusCode).toBe(409);

    expect((await s.call(me, p.skipTask, { taskId: skipMe.id })).json().status).toBe('skipped');
    expect((await s.call(me, p.skipTask, { taskId: skipMe.id })).json().status).toBe('skipped');

    const swept = await s.call(me, p.carryOverUnfinished, {});
    expect(swept.json()).toEqual({ carried: 1, day: '2026-11-18' });
    expect((await s.call(me, p.carryOverUnfinished, {})).json()).toEqual({ carried: 0, day: '2026-11-18' });
    const carriedAgain = await s.call(me, p.carryOverTask, { taskId: yesterday.id });
    expect(carriedAgain.statusCode).toBe(409);
    expect(carriedAgain.json().error.message).toMatch(/was carried over to 2026-11-18/);

    const later = (await s.call(me, p.addTask, { title: 'Draft pricing page', minutes: 45 })).json();
    const carried = await s.call(me, p.carryOverTask, { taskId: later.id, toDay: '2026-11-20' });
    expect(carried.statusCode).toBe(200);
    expect(carried.json().from).toMatchObject({ id: later.id, status: 'carried' });
    expect(carried.json().to).toMatchObject({ title: 'Draft pricing page', day: '2026-11-20', status: 'planned', carriedFromId: later.id });
    const back = await s.call(me, p.carryOverTask, { taskId: carried.json().to.id, toDay: '2026-11-19' });
    expect(back.statusCode).toBe(400);
    expect(paths(back.json())).toEqual(['toDay']);

    const deleted = await s.call(me, p.deleteTask, { taskId: carried.json().to.id });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().title).toBe('Draft pricing page');
    expect((await s.call(me, p.showTask, { taskId: carried.json().to.id })).statusCode).toBe(404);
  });

  it("answers 404 for another workspace's task and lets a viewer read but not write", async () => {
    const owner = await s.user();
    const task = (await s.call(owner, p.addTask, { title: 'Secret task', minutes: 30 })).json();
    const stranger = await s.user();
    for (const res of [
      await s.call(stranger, p.showTask, { taskId: task.id }),
      await s.call(stranger, p.updateTask, { taskId: task.id, title: 'Hijacked' }),
      await s.call(stranger, p.completeTask, { taskId: task.id }),
      await s.call(stranger, p.skipTask, { taskId: task.id }),
      await s.call(stranger, p.carryOverTask, { taskId: task.id }),
      await s.call(stranger, p.deleteTask, { taskId: task.id }),
      await s.call(stranger, p.addTask, { title: 'Linked', minutes: 30, goalId: await goalOf(owner, 'Secret goal') }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Secret');
    }
    expect((await s.call(stranger, p.listTasks, {})).json().items).toEqual([]);
    expect((await s.call(stranger, p.listTasks, {}, { workspaceId: owner.workspaceId })).statusCode).toBe(404);
    expect((await s.call(owner, p.showTask, { taskId: task.id })).json()).toMatchObject({ title: 'Secret task', status: 'planned' });

    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const ws = { workspaceId: owner.workspaceId };
    expect((await s.call(viewer, p.listTasks, {}, ws)).json().items.map((t: { title: string }) => t.title)).toEqual(['Secret task']);
    expect((await s.call(viewer, p.showToday, {}, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, p.showWeek, { week: '2026-W47' }, ws)).statusCode).toBe(200);
    for (const res of [
      await s.call(viewer, p.addTask, { title: 'Nope', minutes: 30 }, ws),
      await s.call(viewer, p.completeTask, { taskId: task.id }, ws),
      await s.call(viewer, p.deleteTask, { taskId: task.id }, ws),
      await s.call(viewer, p.carryOverUnfinished, {}, ws),
      await s.call(viewer, p.planWeek, { week: '2026-W47', plan: 'Nope' }, ws),
      await s.call(viewer, p.logWin, { title: 'Nope' }, ws),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/member role/);
    }
    expect((await s.call(owner, p.showTask, { taskId: task.id })).json().status).toBe('planned');
  });

  it("logs wins by hand and keeps a teammate's private wins private", async () => {
    const owner = await s.user();
    const mate = await s.user();
    await s.join(mate, owner.workspaceId, 'member');
    const ws = { workspaceId: owner.workspaceId };
    const logged = await s.call(owner, p.logWin, { title: 'First paying customer', note: 'Via the demo', day: '2026-11-17' });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toMatchObject({ userId: owner.userId, title: 'First paying customer', note: 'Via the demo', source: 'manual', sourceId: null, visibility: 'private', day: '2026-11-17' });
    await s.call(owner, p.logWin, { title: 'Mentor liked the pitch', visibility: 'shared' });
    await s.call(mate, p.logWin, { title: 'Fixed the build' }, ws);

    const mine = (await s.call(owner, p.listWins, {})).json().items.map((w: { title: string }) => w.title);
    expect(mine).toEqual(['Mentor liked the pitch', 'First paying customer']);
    const theirs = (await s.call(mate, p.listWins, {}, ws)).json().items.map((w: { title: string }) => w.title);
    expect(theirs.sort()).toEqual(['Fixed the build', 'Mentor liked the pitch']);
    const range = (await s.call(owner, p.listWins, { from: '2026-11-16', to: '2026-11-17' })).json().items;
    expect(range.map((w: { title: string }) => w.title)).toEqual(['First paying customer']);

    const bad = await s.call(owner, p.logWin, { title: '', visibility: 'public', day: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['day', 'title', 'visibility']);
    const badRange = await s.call(owner, p.listWins, { from: '2026-11-20', to: '2026-11-10' });
    expect(paths(badRange.json())).toEqual(['from']);
  });

  it('shows Today with everything the day holds, in the shape a client renders', async () => {
    const me = await s.user();
    const ctx = await ctxOf(s, me);
    const goalId = await goalOf(me, 'First 10 customers');
    await s.call(me, g.addMetric, { goalId, name: 'Customers', unit: 'customers', target: 10 });
    const mg = (await s.call(me, p.addMicroGoal, { goalId, title: 'Book 3 demos' })).json();
    const call = (await s.call(me, p.addTask, { title: 'Call three leads', minutes: 30, microGoalId: mg.id })).json();
    await s.call(me, p.addTask, { title: 'Write onboarding email', minutes: 45 });
    await s.call(me, p.addTask, { title: 'Leftover', minutes: 15, day: '2026-11-17' });
    await s.call(me, p.completeTask, { taskId: call.id, actualMinutes: 25 });
    const run = await createRoutine(ctx, { name: 'Morning run', minimumVersion: 'Walk 10 minutes', startDay: '2026-11-01' });
    await createRoutine(ctx, { name: 'Pages', schedule: { kind: 'weekdays', weekdays: [3] }, target: { kind: 'at_least', value: 5, unit: 'pages' }, startDay: '2026-11-01' });
    for (const day of ['2026-11-15', '2026-11-16', '2026-11-17']) await checkInRoutine(ctx, { routineId: run.id, day });
    await checkInRoutine(ctx, { routineId: run.id, status: 'minimum', note: 'Rainy' });
    await addFocusWindow(ctx, { start: '09:00', minutes: 90, label: 'Deep work' });
    await logEnergy(ctx, { energy: 4, sleepHours: 7.5 });

    const res = await s.call(me, p.showToday, {});
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(Object.keys(v)).toEqual(['day', 'week', 'tasks', 'unfinishedBefore', 'routines', 'focusWindows', 'wins', 'energy', 'goals', 'totals']);
    expect(v).toMatchObject({ day: '2026-11-18', week: '2026-W47', unfinishedBefore: 1, energy: { energy: 4, sleepHours: 7.5 } });
    expect(v.tasks.map((t: { title: string; status: string; microGoalTitle: string | null }) => [t.title, t.status, t.microGoalTitle])).toEqual([
      ['Call three leads', 'done', 'Book 3 demos'],
      ['Write onboarding email', 'planned', null],
    ]);
    expect(v.tasks[0]).toMatchObject({ minutes: 30, actualMinutes: 25, goalTitle: 'First 10 customers' });
    expect(v.totals).toEqual({ tasksDone: 1, tasksOpen: 1, minutesPlanned: 75, minutesDone: 25, routinesDue: 2, routinesChecked: 1 });
    const [morning, pages] = v.routines;
    expect(morning).toMatchObject({
      id: run.id, name: 'Morning run', schedule: { kind: 'daily' }, scheduleText: expect.any(String), minimumVersion: 'Walk 10 minutes', target: null,
      checkIn: { routineId: run.id, day: '2026-11-18', status: 'minimum', value: null, note: 'Rainy' }, currentStreak: 4,
    });
    expect(morning.score).toBeGreaterThan(0);
    expect(morning.score).toBeLessThanOrEqual(1);
    expect(pages).toMatchObject({ name: 'Pages', schedule: { kind: 'weekdays', weekdays: [3] }, target: { kind: 'at_least', value: 5, unit: 'pages' }, checkIn: null, currentStreak: 0 });
    expect(v.focusWindows).toEqual([expect.objectContaining({ day: '2026-11-18', start: '09:00', end: '10:30', minutes: 90, label: 'Deep work' })]);
    expect(v.wins.map((w: { title: string; source: string }) => [w.title, w.source])).toEqual([['Call three leads', 'task']]);
    expect(v.goals).toEqual([expect.objectContaining({ id: goalId, title: 'First 10 customers', primaryMetric: expect.objectContaining({ name: 'Customers', target: 10, primary: true }) })]);

    const yesterday = (await s.call(me, p.showToday, { day: '2026-11-17' })).json();
    expect(yesterday.tasks.map((t: { title: string }) => t.title)).toEqual(['Leftover']);
    expect(yesterday.routines.map((r: { name: string; checkIn: { status: string } | null }) => [r.name, r.checkIn?.status])).toEqual([['Morning run', 'done']]);
    const bad = await s.call(me, p.showToday, { day: 'someday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ path: 'day', message: 'must be a date in the form YYYY-MM-DD' });
    const empty = (await s.call(await s.user(), p.showToday, {})).json();
    expect(empty).toMatchObject({ tasks: [], routines: [], focusWindows: [], wins: [], energy: null, goals: [], unfinishedBefore: 0 });
  });

  it('runs every plan operation with its seeded sample', async () => {
    const me = await s.user();
    const ctx = await ctxOf(s, me);
    const ids: SeedIds = {};
    await goalSeed.seed(ctx, ids);
    await planSeed.seed(ctx, ids);
    expect(Object.keys(planSeed.samples).sort()).toEqual(Object.keys(p).sort());
    for (const [id, e] of Object.entries(p)) {
      const res = await s.call(me, e, planSeed.samples[id]!(ids));
      expect(res.statusCode, `${id}: ${res.body}`).toBeLessThan(300);
    }
  });

  it("runs the CLI's plan commands over HTTP, with today and tomorrow in the server user's calendar", async () => {
    const me = await s.user({ timeZone: 'Pacific/Auckland' });
    await goalOf(me);
    const address = await s.app().listen({ host: '127.0.0.1', port: 0 });
    // The CLI's own machine is in Paris (Wednesday); the user lives in Auckland, where it is Thursday 01:00.
    s.clock.set('2026-11-18T12:00:00Z');
    try {
      const sw = cliRunner({ env: { SMALLWINS_SERVER: address, SMALLWINS_TOKEN: me.token, SMALLWINS_WORKSPACE: me.workspaceId } });
      const plan = await sw('plan', 'week', '--plan', 'Demos first', '--micro', 'Launch: Book 3 demos');
      expect(plan.stderr).toBe('');
      expect(plan.stdout).toMatch(/✓ 1 micro-goal planned for 2026-W47/);
      expect((await sw('task', 'add', 'Email 5 leads', '--minutes', '30', '--micro', 'Book 3 demos')).stdout).toMatch(/planned for Thu 19 Nov/);
      expect((await sw('task', 'add', 'Call Anna', '--minutes', '20', '--day', 'tomorrow')).stdout).toMatch(/planned for Fri 20 Nov/);
      expect((await sw('task', 'list')).stdout).toMatch(/Tasks for Thu 19 Nov[\s\S]*Email 5 leads\s+Book 3 demos · Launch/);
      expect((await sw('task', 'list', '--day', 'tomorrow')).stdout).toMatch(/Tasks for Fri 20 Nov[\s\S]*Call Anna/);
      expect((await sw('done', 'email 5', '--actual', '25')).stdout).toMatch(/✓ Done: Email 5 leads \(25 min\)\n★ Win logged: Email 5 leads/);
      expect((await sw('carry', 'Call Anna', '--to', '2026-11-22')).stdout).toMatch(/→ Call Anna carried to Sun 22 Nov/);
      expect((await sw('win', 'Mentor liked the pitch', '--day', 'yesterday')).stdout).toMatch(/★ Win logged: Mentor liked the pitch \(Wed 18 Nov\)/);
      expect((await sw('wins')).stdout).toMatch(/2 wins/);
      const week = await sw('week', 'this', '--result', 'One demo booked');
      expect(week.stdout).toMatch(/Week 2026-W47[\s\S]*Result: One demo booked[\s\S]*Tasks: 1 done, 1 planned, 0 skipped, 1 carried over/);
      expect((await sw('microgoal', 'done', 'Book 3 demos')).stdout).toMatch(/★ Win logged: Book 3 demos/);
      const today = await sw('today');
      expect(today.stdout).toMatch(/Thursday, 19 November 2026 · 2026-W47/);
      expect(today.stdout).toMatch(/Tasks {2}1\/1 done · 25 of 30 min/);
      const json = (await sw('--json', 'today')).json<{ day: string; wins: unknown[] }>();
      expect(json.day).toBe('2026-11-19');
      expect(json.wins).toHaveLength(2);
      // Nothing was written to the CLI's own database.
      expect((await sw('--local', '--json', 'task', 'list', '--from', '2026-11-16', '--to', '2026-11-22')).json()).toEqual([]);
    } finally {
      s.clock.set('2026-11-18T10:00:00Z');
    }
  });
});
