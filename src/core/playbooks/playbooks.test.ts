import { expect, it } from 'vitest';
import { PlaybookBodySchema, type PlaybookFileInput } from '#contracts/playbooks.js';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { showGoal } from '../goals/show-goal.js';
import { addMicroGoal } from '../plan/add-micro-goal.js';
import { listWeek } from '../plan/list-week.js';
import { MICRO_GOALS_PER_GOAL_LIMIT } from '../plan/week-budget.js';
import { addReviewPrompt } from '../reviews/add-review-prompt.js';
import { createRoutine } from '../routines/create-routine.js';
import { applyPlaybook } from './apply-playbook.js';
import { builtInPlaybooks } from './builtins.js';
import { importPlaybook } from './import-playbook.js';
import { listPlaybooks, showPlaybook } from './playbook-queries.js';
import { savePlaybook } from './save-playbook.js';

const BUILT_IN_KEYS = ['solo-founder', 'career-pivot', 'promotion', 'community-initiative', 'nonprofit', 'side-project'];

/** How many rows of each kind the workspace holds: what a half-applied playbook would leave behind. */
async function counts(ctx: TestCtx) {
  const ws = ctx.actor.workspaceId;
  const n = async (table: 'goals' | 'metrics' | 'microGoals' | 'routines' | 'reviewPrompts') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('workspaceId', '=', ws).executeTakeFirstOrThrow()).n);
  return { goals: await n('goals'), metrics: await n('metrics'), microGoals: await n('microGoals'), routines: await n('routines'), prompts: await n('reviewPrompts') };
}

it('ships the six built-in playbooks, each valid and shaped as a good start', () => {
  const all = builtInPlaybooks();
  expect(all.map((p) => p.key)).toEqual(BUILT_IN_KEYS);
  for (const p of all) {
    expect(PlaybookBodySchema.safeParse(p.body).success, p.key).toBe(true);
    const b = p.body;
    expect(b.goal.purpose && b.goal.leveragePoint, p.key).toBeTruthy();
    expect(b.primaryMetric.target !== null && b.primaryMetric.targetInDays !== null, p.key).toBe(true);
    expect(b.supportingMetrics.length, p.key).toBeGreaterThanOrEqual(1);
    expect(b.supportingMetrics.length, p.key).toBeLessThanOrEqual(2);
    expect(b.microGoals.length, p.key).toBeGreaterThanOrEqual(3);
    // A playbook's first week must not start over-committed (see plan/week-budget.ts).
    expect(b.microGoals.length, p.key).toBeLessThanOrEqual(MICRO_GOALS_PER_GOAL_LIMIT);
    expect(b.routines.length, p.key).toBeGreaterThanOrEqual(1);
    expect(b.routines.length, p.key).toBeLessThanOrEqual(3);
    expect(b.routines.every((r) => r.minimumVersion.length > 0), p.key).toBe(true);
    expect(b.reviewPrompts.filter((q) => q.kind === 'weekly').length, p.key).toBeGreaterThanOrEqual(2);
    expect(b.reviewPrompts.length, p.key).toBeLessThanOrEqual(3);
  }
  const solo = all.find((p) => p.key === 'solo-founder');
  expect(solo?.body.primaryMetric.name).toMatch(/conversion/i);
});

describeEachEngine('playbooks', (s) => {
  it.each(BUILT_IN_KEYS)('applies %s cleanly: goal, metrics, this week, routines, prompts', async (key) => {
    const ctx = await s.newCtx();
    const r = await applyPlaybook(ctx, { key });
    const body = builtInPlaybooks().find((p) => p.key === key)!.body;
    expect(r.goal).toMatchObject({ title: body.goal.title, status: 'active' });
    expect(r.goal.targetDate).not.toBeNull();
    expect(r.warning).toBeNull();
    const detail = await showGoal(ctx, r.goal.id);
    expect(detail.metrics.filter((m) => m.primary).map((m) => [m.name, m.target, m.targetDate])).toEqual([[body.primaryMetric.name, body.primaryMetric.target, r.goal.targetDate]]);
    expect(detail.metrics.filter((m) => !m.primary).map((m) => m.indicator)).toEqual(body.supportingMetrics.map((m) => m.indicator));
    expect(detail.microGoals.map((m) => [m.week, m.title])).toEqual(body.microGoals.map((t) => ['2026-W47', t]));
    expect(r.routines.map((x) => x.name)).toEqual(body.routines.map((x) => x.name));
    expect(r.reviewPrompts.map((p) => [p.kind, p.text, p.goalId])).toEqual(body.reviewPrompts.map((p) => [p.kind, p.text, r.goal.id]));
    expect((await listWeek(ctx, { week: '2026-W47' })).warnings).toEqual([]);
    const routineRows = await ctx.db.selectFrom('routines').select(['goalId', 'minimumVersion']).where('workspaceId', '=', ctx.actor.workspaceId).execute();
    expect(routineRows.every((x) => x.goalId === r.goal.id && x.minimumVersion !== '')).toBe(true);
  });

  it('takes my title and date, and renames a routine that clashes instead of failing', async () => {
    const ctx = await s.newCtx();
    await createRoutine(ctx, { name: 'Build session' });
    const r = await applyPlaybook(ctx, { key: 'Side-Project', goalTitle: 'Ship the recipe app', targetDate: '2027-02-01' });
    expect(r.goal).toMatchObject({ title: 'Ship the recipe app', targetDate: '2027-02-01' });
    expect(r.routines.map((x) => x.name)).toEqual(['Build session (2)']);
    const again = await applyPlaybook(ctx, { key: 'side-project' });
    expect(again.routines.map((x) => x.name)).toEqual(['Build session (3)']);
    // By default the target date is today plus the playbook's span (60 days for a side project).
    expect(again.goal.targetDate).toBe('2027-01-17');
    await expect(applyPlaybook(ctx, { key: 'side-project', targetDate: '2026-11-17' })).rejects.toThrow(/already past/);
    await expect(applyPlaybook(ctx, { key: 'get-rich' })).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/Known keys: solo-founder/) });
  });

  it('is all or nothing: a step refused late leaves no goal, metric, micro-goal, routine or prompt', async () => {
    const ctx = await s.newCtx();
    const broken: PlaybookFileInput = {
      key: 'broken-rule',
      name: 'Broken rule',
      body: {
        goal: { title: 'Half a goal' },
        primaryMetric: { name: 'Signups', target: 10, targetInDays: 30 },
        supportingMetrics: [{ name: 'Posts', indicator: 'leading' }],
        microGoals: ['One', 'Two'],
        routines: [{ name: 'Fine' }, { name: 'Never valid', schedule: { kind: 'rrule', rrule: 'FREQ=SOMETIMES' } }],
        reviewPrompts: [{ text: 'Did it work?' }],
      },
    };
    await importPlaybook(ctx, broken);
    const before = await counts(ctx);
    const error = await applyPlaybook(ctx, { key: 'broken-rule' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/"broken-rule" was not applied and nothing was created/) });
    expect(await counts(ctx)).toEqual(before);
    expect(before).toEqual({ goals: 0, metrics: 0, microGoals: 0, routines: 0, prompts: 0 });
  });

  it('saves a goal as a playbook and applies it again the same way', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Launch the beta', purpose: 'Learn fast', leveragePoint: 'Waitlist', targetDate: '2027-01-17' });
    await addMetric(ctx, { goalId: goal.id, name: 'Beta users', unit: 'users', baseline: 0, target: 50, targetDate: '2026-12-18' });
    await addMetric(ctx, { goalId: goal.id, name: 'Invites sent', indicator: 'leading' });
    await addMicroGoal(ctx, { goalId: goal.id, title: 'Old week item', week: '2026-W46' });
    await addMicroGoal(ctx, { goalId: goal.id, title: 'Write the invite' });
    await addMicroGoal(ctx, { goalId: goal.id, title: 'Send 20 invites' });
    await createRoutine(ctx, { name: 'Invite batch', goalId: goal.id, schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, target: { kind: 'at_least', value: 5, unit: 'invites' }, minimumVersion: 'one invite' });
    await createRoutine(ctx, { name: 'Unrelated', schedule: { kind: 'daily' } });
    await addReviewPrompt(ctx, { kind: 'weekly', text: 'Who said no, and why?', goalId: goal.id });
    await addReviewPrompt(ctx, { kind: 'weekly', text: 'Workspace-wide question' });

    const saved = await savePlaybook(ctx, { key: 'beta-launch', fromGoalId: goal.id, description: 'How we launched' });
    expect(saved).toMatchObject({ key: 'beta-launch', name: 'Launch the beta', builtIn: false });
    expect(saved.body).toMatchObject({
      goal: { title: 'Launch the beta', purpose: 'Learn fast', leveragePoint: 'Waitlist' },
      primaryMetric: { name: 'Beta users', unit: 'users', baseline: 0, target: 50, targetInDays: 30 },
      supportingMetrics: [{ name: 'Invites sent', indicator: 'leading' }],
      microGoals: ['Write the invite', 'Send 20 invites'],
      routines: [{ name: 'Invite batch', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, target: { kind: 'at_least', value: 5, unit: 'invites' }, minimumVersion: 'one invite' }],
      reviewPrompts: [{ kind: 'weekly', text: 'Who said no, and why?' }],
    });
    expect((await listPlaybooks(ctx)).map((p) => p.key)).toEqual([...BUILT_IN_KEYS, 'beta-launch']);
    expect((await listPlaybooks(await s.newCtx())).map((p) => p.key)).toEqual(BUILT_IN_KEYS);

    const again = await applyPlaybook(ctx, { key: 'beta-launch', goalTitle: 'Launch v2' });
    expect(again.routines.map((r) => r.name)).toEqual(['Invite batch (2)']);
    expect(again.metrics.map((m) => [m.name, m.primary, m.targetDate])).toEqual([['Beta users', true, '2026-12-18'], ['Invites sent', false, null]]);
  });

  it('refuses to save a goal without a primary metric, or under a key already taken', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Vague' });
    await expect(savePlaybook(ctx, { key: 'vague', fromGoalId: goal.id })).rejects.toThrow(/no primary metric/);
    await addMetric(ctx, { goalId: goal.id, name: 'Something' });
    await expect(savePlaybook(ctx, { key: 'promotion', fromGoalId: goal.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/built-in playbook/) });
    await savePlaybook(ctx, { key: 'vague', fromGoalId: goal.id });
    await expect(savePlaybook(ctx, { key: 'vague', fromGoalId: goal.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(savePlaybook(ctx, { key: 'Not a key!', fromGoalId: goal.id })).rejects.toThrow(/key: must be 2–40 lowercase letters/);
  });

  it('imports only a playbook that passes the schema, and shows it back in the same shape', async () => {
    const ctx = await s.newCtx();
    await expect(importPlaybook(ctx, '{ not json')).rejects.toThrow(/not valid JSON/);
    await expect(importPlaybook(ctx, { key: 'x1', name: 'No body' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'body' }] });
    await expect(importPlaybook(ctx, { key: 'x2', name: 'Bad', body: { goal: { title: 'G' }, primaryMetric: { name: 'M' }, routines: [{ name: 'R', schedule: { kind: 'times', times: 9, periodDays: 7 } }] } })).rejects.toThrow(/cannot exceed the days in the period/);
    const shown = await showPlaybook(ctx, 'nonprofit');
    const copy = await importPlaybook(ctx, JSON.stringify({ ...shown, key: 'our-nonprofit', name: 'Our nonprofit' }));
    expect(copy.body).toEqual(shown.body);
    expect((await counts(ctx)).goals).toBe(0);
  });

  it('lets a viewer read playbooks but not apply one', async () => {
    const owner = await s.newCtx();
    const viewer = { ...owner, actor: { ...owner.actor, role: 'viewer' as const } };
    expect(await listPlaybooks(viewer)).toHaveLength(6);
    await expect(applyPlaybook(viewer, { key: 'promotion' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
