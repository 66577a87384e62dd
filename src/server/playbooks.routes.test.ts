import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { systemsEndpoints as sys } from '#contracts/api/systems.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeServer } from '#test/server.js';

describeServer('playbook routes: checklists and templates', (s) => {
  it('saves a team goal with its checklists and templates, and applies it in another team', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    const food = (await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Food bank' })).id;
    await s.join(viewer, food, 'viewer');
    const at = { workspaceId: food };
    const goal = (await s.call(owner, g.createGoal, { title: 'Feed 200 families a week' }, at)).json().goal;
    await s.call(owner, g.addMetric, { goalId: goal.id, name: 'Families fed', target: 200 }, at);
    await s.call(owner, sys.createChecklist, { name: 'Open the pantry', items: ['Unlock', 'Sort the shelves'] }, at);
    await s.call(owner, sys.createTemplate, { name: 'Collection drive', steps: [{ title: 'Call the shops', minutes: 45, dayOffset: 0 }] }, at);

    const unknown = await s.call(owner, l.savePlaybook, { key: 'pantry', fromGoalId: goal.id, checklists: ['Close the pantry'] }, at);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ details: [{ path: 'checklists' }], message: expect.stringMatching(/no checklist "Close the pantry"\. Its checklists: "Open the pantry"/) });
    expect((await s.call(viewer, l.savePlaybook, { key: 'pantry', fromGoalId: goal.id }, at)).statusCode).toBe(403);

    const saved = await s.call(owner, l.savePlaybook, { key: 'pantry', fromGoalId: goal.id }, at);
    expect(saved.statusCode).toBe(201);
    expect(saved.json().body).toMatchObject({
      checklists: [{ name: 'Open the pantry', description: '', items: ['Unlock', 'Sort the shelves'] }],
      templates: [{ name: 'Collection drive', description: '', steps: [{ title: 'Call the shops', minutes: 45, dayOffset: 0 }] }],
    });
    const bare = await s.call(owner, l.savePlaybook, { key: 'pantry-bare', fromGoalId: goal.id, checklists: [], templates: [] }, at);
    expect(bare.json().body).toMatchObject({ checklists: [], templates: [] });

    // The shown playbook is the export file: another team imports and applies it.
    const exported = (await s.call(viewer, l.showPlaybook, { key: 'pantry' }, at)).json();
    expect(exported.body.checklists).toHaveLength(1);
    const other = (await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Second site' })).id;
    const there = { workspaceId: other };
    await s.call(owner, sys.createTemplate, { name: 'COLLECTION DRIVE', steps: [{ title: 'Our own way', minutes: 30 }] }, there);
    expect((await s.call(owner, l.importPlaybook, exported, there)).statusCode).toBe(201);
    const applied = await s.call(owner, l.applyPlaybook, { key: 'pantry' }, there);
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      goal: { title: 'Feed 200 families a week' },
      checklists: [{ name: 'Open the pantry', created: true }],
      templates: [{ name: 'COLLECTION DRIVE', created: false }],
    });
    const lists = (await s.call(owner, sys.listChecklists, {}, there)).json().items;
    expect(lists.map((c: { name: string; items: Array<{ text: string }> }) => [c.name, c.items.map((i) => i.text)])).toEqual([['Open the pantry', ['Unlock', 'Sort the shelves']]]);
    const templates = (await s.call(owner, sys.listTemplates, {}, there)).json().items;
    expect(templates.map((t: { name: string; steps: Array<{ title: string }> }) => [t.name, t.steps.map((x) => x.title)])).toEqual([['COLLECTION DRIVE', ['Our own way']]]);
  });

  it('refuses a playbook file whose checklists or templates would not apply', async () => {
    const me = await s.user();
    const res = await s.call(me, l.importPlaybook, {
      key: 'bad-systems',
      name: 'Bad systems',
      body: {
        goal: { title: 'G' },
        primaryMetric: { name: 'M' },
        checklists: [{ name: 'Empty', items: [] }],
        templates: [{ name: 'Too long', steps: [{ title: 'All day', minutes: 300 }] }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.checklists.0.items', 'body.templates.0.steps.0.minutes']);
  });
});
