import { expect, it } from 'vitest';
import { PlaybookBodySchema, type PlaybookFileInput } from '#contracts/playbooks.js';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { createChecklist } from '../checklists/create-checklist.js';
import { listChecklists } from '../checklists/list-checklists.js';
import { newId } from '../ids.js';
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
import { createTemplate } from '../templates/create-template.js';
import { listTemplates } from '../templates/list-templates.js';

const BUILT_IN_KEYS = ['solo-founder', 'career-pivot', 'promotion', 'community-initiative', 'nonprofit', 'side-project'];

/** How many rows of each kind the workspace holds: what a half-applied playbook would leave behind. */
async function counts(ctx: TestCtx) {
  const ws = ctx.actor.workspaceId;
  const n = async (table: 'goals' | 'metrics' | 'microGoals' | 'routines' | 'reviewPrompts' | 'checklists' | 'checklistItems' | 'templates' | 'templateSteps') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('workspaceId', '=', ws).executeTakeFirstOrThrow()).n);
  return {
    goals: await n('goals'),
    metrics: await n('metrics'),
    microGoals: await n('microGoals'),
    routines: await n('routines'),
    prompts: await n('reviewPrompts'),
    checklists: await n('checklists'),
    checklistItems: await n('checklistItems'),
    templates: await n('templates'),
    templateSteps: await n('templateSteps'),
  };
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
  // The team-minded ones bring a system people repeat: a checklist, a sequence of tasks.
  expect(all.find((p) => p.key === 'nonprofit')?.body.checklists.map((c) => c.name)).toEqual(['Welcome a new volunteer']);
  expect(all.find((p) => p.key === 'community-initiative')?.body.templates.map((t) => t.name)).toEqual(['Neighbour meetup']);
});

it('bounds the checklists and templates a playbook carries, with messages that say what is wrong', () => {
  const base = { goal: { title: 'G' }, primaryMetric: { name: 'M' } };
  const issues = (body: object) => {
    const r = PlaybookBodySchema.safeParse({ ...base, ...body });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  expect(PlaybookBodySchema.parse(base)).toMatchObject({ checklists: [], templates: [] });
  expect(issues({ checklists: Array.from({ length: 21 }, (_, i) => ({ name: `List ${i}`, items: ['x'] })) })).toEqual(['checklists: at most 20 checklists']);
  expect(issues({ templates: Array.from({ length: 21 }, (_, i) => ({ name: `T ${i}`, steps: [{ title: 'x', minutes: 30 }] })) })).toEqual(['templates: at most 20 templates']);
  expect(issues({ checklists: [{ name: 'Launch', items: ['a'] }, { name: 'launch', items: ['b'] }] })).toEqual(['checklists: checklist names must differ from each other']);
  expect(issues({ templates: [{ name: 'Week', steps: [{ title: 'a', minutes: 30 }] }, { name: 'WEEK', steps: [{ title: 'b', minutes: 30 }] }] })).toEqual([
    'templates: template names must differ from each other',
  ]);
  // The same rules as creating one by hand: a checklist with no item, a step too long to be a task.
  expect(issues({ checklists: [{ name: 'Empty', items: [] }] })).toEqual(['checklists.0.items: a checklist needs at least one item']);
  expect(issues({ templates: [{ name: 'Long', steps: [{ title: 'Everything', minutes: 240 }] }] })).toEqual([expect.stringMatching(/^templates\.0\.steps\.0\.minutes: /)]);
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
    expect((await listChecklists(ctx)).map((c) => [c.name, c.items.map((i) => i.text)])).toEqual(body.checklists.map((c) => [c.name, c.items]));
    expect((await listTemplates(ctx)).map((t) => [t.name, t.steps.map((x) => [x.title, x.minutes, x.dayOffset])])).toEqual(
      body.templates.map((t) => [t.name, t.steps.map((x) => [x.title, x.minutes, x.dayOffset])]),
    );
    expect([...r.checklists, ...r.templates].every((x) => x.created)).toBe(true);
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
        checklists: [{ name: 'Launch day', items: ['Check the signup form', 'Post the news'] }],
        templates: [{ name: 'Follow-up', steps: [{ title: 'Write to each signup', minutes: 30, dayOffset: 1 }] }],
      },
    };
    await importPlaybook(ctx, broken);
    const before = await counts(ctx);
    const error = await applyPlaybook(ctx, { key: 'broken-rule' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation', message: expect.stringMatching(/"broken-rule" was not applied and nothing was created/) });
    expect(await counts(ctx)).toEqual(before);
    expect(before).toEqual({ goals: 0, metrics: 0, microGoals: 0, routines: 0, prompts: 0, checklists: 0, checklistItems: 0, templates: 0, templateSteps: 0 });
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

    await createChecklist(ctx, { name: 'Launch day', description: 'Before we announce', items: ['Check the signup form', 'Post the news'] });
    await createTemplate(ctx, { name: 'Follow-up', steps: [{ title: 'Write to each signup', minutes: 30, dayOffset: 1 }, { title: 'Call the quiet ones', minutes: 45, dayOffset: 3 }] });

    const saved = await savePlaybook(ctx, { key: 'beta-launch', fromGoalId: goal.id, description: 'How we launched' });
    expect(saved).toMatchObject({ key: 'beta-launch', name: 'Launch the beta', builtIn: false });
    expect(saved.body).toMatchObject({
      goal: { title: 'Launch the beta', purpose: 'Learn fast', leveragePoint: 'Waitlist' },
      primaryMetric: { name: 'Beta users', unit: 'users', baseline: 0, target: 50, targetInDays: 30 },
      supportingMetrics: [{ name: 'Invites sent', indicator: 'leading' }],
      microGoals: ['Write the invite', 'Send 20 invites'],
      routines: [{ name: 'Invite batch', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, target: { kind: 'at_least', value: 5, unit: 'invites' }, minimumVersion: 'one invite' }],
      reviewPrompts: [{ kind: 'weekly', text: 'Who said no, and why?' }],
      // By default, all of the workspace's checklists and templates.
      checklists: [{ name: 'Launch day', description: 'Before we announce', items: ['Check the signup form', 'Post the news'] }],
      templates: [{ name: 'Follow-up', description: '', steps: [{ title: 'Write to each signup', minutes: 30, dayOffset: 1 }, { title: 'Call the quiet ones', minutes: 45, dayOffset: 3 }] }],
    });
    expect((await listPlaybooks(ctx)).map((p) => p.key)).toEqual([...BUILT_IN_KEYS, 'beta-launch']);
    expect((await listPlaybooks(await s.newCtx())).map((p) => p.key)).toEqual(BUILT_IN_KEYS);

    const again = await applyPlaybook(ctx, { key: 'beta-launch', goalTitle: 'Launch v2' });
    expect(again.routines.map((r) => r.name)).toEqual(['Invite batch (2)']);
    expect(again.metrics.map((m) => [m.name, m.primary, m.targetDate])).toEqual([['Beta users', true, '2026-12-18'], ['Invites sent', false, null]]);
    // Applied where they already exist, the checklist and template are reused, not copied.
    expect(again.checklists).toEqual([{ id: expect.any(String), name: 'Launch day', created: false }]);
    expect(again.templates).toEqual([{ id: expect.any(String), name: 'Follow-up', created: false }]);
    expect((await counts(ctx)).checklists).toBe(1);
  });

  it('saves only the checklists and templates I name, by name or id, or none', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Run the food drive' });
    await addMetric(ctx, { goalId: goal.id, name: 'Boxes collected', target: 200 });
    const setup = await createChecklist(ctx, { name: 'Set up the stand', items: ['Tables', 'Signs'] });
    await createChecklist(ctx, { name: 'Close the day', items: ['Count the boxes'] });
    await createTemplate(ctx, { name: 'Drive week', steps: [{ title: 'Call the shops', minutes: 45 }] });
    const tidy = await createTemplate(ctx, { name: 'Tidy up', steps: [{ title: 'Return the tables', minutes: 30 }] });

    const some = await savePlaybook(ctx, { key: 'food-drive', fromGoalId: goal.id, checklists: ['set UP the stand', setup.id], templates: [tidy.id] });
    expect(some.body.checklists.map((c) => [c.name, c.items])).toEqual([['Set up the stand', ['Tables', 'Signs']]]);
    expect(some.body.templates.map((t) => t.name)).toEqual(['Tidy up']);

    const none = await savePlaybook(ctx, { key: 'food-drive-bare', fromGoalId: goal.id, checklists: [], templates: [] });
    expect(none.body).toMatchObject({ checklists: [], templates: [] });
    const onlyLists = await savePlaybook(ctx, { key: 'food-drive-lists', fromGoalId: goal.id, templates: [] });
    expect(onlyLists.body.checklists.map((c) => c.name)).toEqual(['Close the day', 'Set up the stand']);

    const unknown = await savePlaybook(ctx, { key: 'food-drive-2', fromGoalId: goal.id, checklists: ['Set up the stand', 'Pack the van'] }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      code: 'validation',
      details: [{ path: 'checklists' }],
      message: 'This workspace has no checklist "Pack the van". Its checklists: "Close the day", "Set up the stand". See them with: smallwins checklist list',
    });
    await expect(savePlaybook(ctx, { key: 'food-drive-3', fromGoalId: goal.id, templates: ['Nope'] })).rejects.toThrow(/no template "Nope"\. Its templates: "Drive week", "Tidy up"/);
    const empty = await s.newCtx();
    const { goal: other } = await createGoal(empty, { title: 'Other' });
    await addMetric(empty, { goalId: other.id, name: 'Count' });
    await expect(savePlaybook(empty, { key: 'other', fromGoalId: other.id, checklists: [setup.id] })).rejects.toThrow(/has no checklist "\w+"\. It has no checklists yet/);
    expect((await listPlaybooks(ctx)).map((p) => p.key)).toEqual([...BUILT_IN_KEYS, 'food-drive', 'food-drive-bare', 'food-drive-lists']);
  });

  it('asks me to choose when the workspace has more checklists than a playbook holds', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Many lists' });
    await addMetric(ctx, { goalId: goal.id, name: 'Lists used' });
    for (let i = 1; i <= 21; i++) await createChecklist(ctx, { name: `List ${String(i).padStart(2, '0')}`, items: ['Do it'] });
    await expect(savePlaybook(ctx, { key: 'many', fromGoalId: goal.id })).rejects.toMatchObject({
      code: 'validation',
      message: 'This workspace has 21 checklists; a playbook holds at most 20. Choose which to take (--checklist "<name>", once for each).',
    });
    const chosen = await savePlaybook(ctx, { key: 'many', fromGoalId: goal.id, checklists: ['List 01', 'List 21'] });
    expect(chosen.body.checklists.map((c) => c.name)).toEqual(['List 01', 'List 21']);
  });

  it('applies checklists and templates: new ones created, same-named ones (any case) reused as they are', async () => {
    const ctx = await s.newCtx();
    const mine = await createChecklist(ctx, { name: 'welcome a NEW volunteer', items: ['My own first step'] });
    const r = await applyPlaybook(ctx, { key: 'nonprofit' });
    expect(r.checklists).toEqual([{ id: mine.id, name: 'welcome a NEW volunteer', created: false }]);
    expect((await listChecklists(ctx)).map((c) => [c.name, c.items.map((i) => i.text)])).toEqual([['welcome a NEW volunteer', ['My own first step']]]);

    const community = await applyPlaybook(ctx, { key: 'community-initiative' });
    expect(community.templates).toEqual([{ id: expect.any(String), name: 'Neighbour meetup', created: true }]);
    const [meetup] = await listTemplates(ctx);
    expect(meetup?.steps.map((x) => [x.position, x.title, x.minutes, x.dayOffset])[0]).toEqual([1, 'Book a place and set the date', 30, 0]);
    const twice = await applyPlaybook(ctx, { key: 'community-initiative' });
    expect(twice.templates).toEqual([{ id: meetup?.id, name: 'Neighbour meetup', created: false }]);
    expect(await counts(ctx)).toMatchObject({ checklists: 1, templates: 1, templateSteps: 5 });
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
    expect(copy.body.checklists).toHaveLength(1);
    expect((await counts(ctx)).goals).toBe(0);
    await expect(
      importPlaybook(ctx, { key: 'x3', name: 'Twice', body: { goal: { title: 'G' }, primaryMetric: { name: 'M' }, checklists: [{ name: 'Same', items: ['a'] }, { name: 'same', items: ['b'] }] } }),
    ).rejects.toMatchObject({ code: 'validation', details: [{ path: 'body.checklists', message: 'checklist names must differ from each other' }] });
  });

  it('still imports and applies a playbook file from before playbooks carried checklists and templates', async () => {
    const ctx = await s.newCtx();
    const old = { key: 'old-file', name: 'Old file', description: '', body: { goal: { title: 'Old goal' }, primaryMetric: { name: 'Old metric', target: 3 }, microGoals: ['First'] } };
    const imported = await importPlaybook(ctx, JSON.stringify(old));
    expect(imported.body).toMatchObject({ checklists: [], templates: [] });
    // A row stored before the change, its body without the two lists, reads and applies too.
    await ctx.db
      .insertInto('playbooks')
      .values({ id: newId(), workspaceId: ctx.actor.workspaceId, key: 'old-row', name: 'Old row', description: '', body: JSON.stringify(old.body), createdAt: '2026-01-01T00:00:00.000Z' })
      .execute();
    expect((await showPlaybook(ctx, 'old-row')).body).toMatchObject({ checklists: [], templates: [] });
    const r = await applyPlaybook(ctx, { key: 'old-row' });
    expect(r).toMatchObject({ goal: { title: 'Old goal' }, checklists: [], templates: [] });
  });

  it('lets a viewer read playbooks but not apply one', async () => {
    const owner = await s.newCtx();
    const viewer = { ...owner, actor: { ...owner.actor, role: 'viewer' as const } };
    expect(await listPlaybooks(viewer)).toHaveLength(6);
    await expect(applyPlaybook(viewer, { key: 'promotion' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
