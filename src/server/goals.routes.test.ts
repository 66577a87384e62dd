import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { describeServer } from '#test/server.js';

describeServer('goal routes', (s) => {
  it('creates a goal with a 201, shows it, and lists it', async () => {
    const me = await s.user();
    const created = await s.call(me, g.createGoal, { title: 'First 10 paying customers', purpose: 'Prove people pay', targetDate: '2027-03-31' });
    expect(created.statusCode).toBe(201);
    const { goal, warning } = created.json();
    expect(goal).toMatchObject({ title: 'First 10 paying customers', purpose: 'Prove people pay', status: 'active', targetDate: '2027-03-31' });
    expect(warning).toBeNull();
    const shown = await s.call(me, g.showGoal, { goalId: goal.id });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().goal.title).toBe('First 10 paying customers');
    const list = await s.call(me, g.listGoals, {});
    expect(list.json()).toEqual({ items: [expect.objectContaining({ id: goal.id, primaryMetric: null })], nextCursor: null });
  });

  it('answers bad input with 400 and the field paths, and stores nothing', async () => {
    const me = await s.user();
    const res = await s.call(me, g.createGoal, { title: '', targetDate: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['targetDate', 'title']);
    expect((await s.call(me, g.listGoals, {})).json().items).toEqual([]);
  });

  it('pages a list with a cursor, each goal exactly once', async () => {
    const me = await s.user();
    for (let i = 1; i <= 5; i++) {
      s.clock.advance(1000);
      await s.call(me, g.createGoal, { title: `Goal ${i}`, status: 'paused' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/workspaces/${me.workspaceId}/goals?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await s.app().inject({ method: 'GET', url, headers: me.headers })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x: { title: string }) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Goal 1', 'Goal 2', 'Goal 3', 'Goal 4', 'Goal 5']);
    const bad = await s.app().inject({ method: 'GET', url: `/api/v1/workspaces/${me.workspaceId}/goals?cursor=nonsense!`, headers: me.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('cursor');
  });

  it("answers 404 for another workspace's goal, the same as for a goal that does not exist", async () => {
    const me = await s.user();
    const other = await s.user();
    const theirs = (await s.call(other, g.createGoal, { title: 'Secret plan' })).json().goal;
    const foreign = await s.call(me, g.showGoal, { goalId: theirs.id });
    const missing = await s.call(me, g.showGoal, { goalId: 'doesnotexist0000' });
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Secret plan');
    const update = await s.call(me, g.updateGoal, { goalId: theirs.id, title: 'Hijacked' });
    expect(update.statusCode).toBe(404);
    expect((await s.call(other, g.showGoal, { goalId: theirs.id })).json().goal.title).toBe('Secret plan');
    const otherWorkspace = await s.call(me, g.listGoals, {}, { workspaceId: other.workspaceId });
    expect(otherWorkspace.statusCode).toBe(404);
  });

  it('lets a viewer read but not write', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    await s.call(owner, g.createGoal, { title: 'Shared goal' });
    const read = await s.call(viewer, g.listGoals, {}, { workspaceId: owner.workspaceId });
    expect(read.json().items.map((x: { title: string }) => x.title)).toEqual(['Shared goal']);
    const write = await s.call(viewer, g.createGoal, { title: 'Nope' }, { workspaceId: owner.workspaceId });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/member role/);
  });

  it("tracks a metric's road: 409 without a primary metric, then on track with measurements", async () => {
    const me = await s.user();
    const goal = (await s.call(me, g.createGoal, { title: 'Grow' })).json().goal;
    const none = await s.call(me, g.goalRoad, { goalId: goal.id });
    expect(none.statusCode).toBe(409);
    const metric = (await s.call(me, g.addMetric, { goalId: goal.id, name: 'Customers', baseline: 0, target: 10, targetDate: '2027-01-18' })).json();
    expect(metric.primary).toBe(true);
    const measured = await s.call(me, g.recordMeasurement, { metricId: metric.id, value: 1, day: '2026-11-18' });
    expect(measured.statusCode).toBe(201);
    const road = (await s.call(me, g.goalRoad, { goalId: goal.id })).json();
    expect(road.metric.name).toBe('Customers');
    expect(road.latest).toEqual({ day: '2026-11-18', value: 1 });
    const measurements = (await s.call(me, g.listMeasurements, { metricId: metric.id })).json();
    expect(measurements.items.map((m: { value: number }) => m.value)).toEqual([1]);
  });

  it('refuses anonymous callers with 401 and says how to sign in', async () => {
    const res = await s.call(null, g.listGoals, {}, { workspaceId: 'anything' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/API token|log in/);
  });
});
