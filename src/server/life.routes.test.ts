import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { createTeamWorkspace } from '#core/accounts/workspaces.js';
import { describeServer, type ServerSuite, type TestUser } from '#test/server.js';

const paths = (res: { json(): unknown }) => ((res.json() as { error: { details?: Array<{ path: string }> } }).error.details ?? []).map((d) => d.path).sort();

/** A team workspace owned by `owner`, with `others` as members. */
async function team(s: ServerSuite, owner: TestUser, ...others: Array<[TestUser, 'viewer' | 'member' | 'admin']>): Promise<string> {
  const ws = await createTeamWorkspace(s.db(), s.clock, { userId: owner.userId, name: 'Team' });
  for (const [u, role] of others) await s.join(u, ws.id, role);
  return ws.id;
}

describeServer('life routes', (s) => {
  it('logs energy once per day and lists only the caller’s own entries', async () => {
    const me = await s.user();
    const first = await s.call(me, l.logEnergy, { energy: 2, sleepHours: 6, note: 'short night' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ day: '2026-11-18', energy: 2, sleepHours: 6, note: 'short night' });
    const again = (await s.call(me, l.logEnergy, { energy: 4 })).json();
    expect(again).toMatchObject({ id: first.json().id, energy: 4, sleepHours: 6 });
    await s.call(me, l.logEnergy, { energy: 3, day: '2026-11-16' });
    const list = await s.call(me, l.listEnergy, { from: '2026-11-17' });
    expect(list.json()).toEqual({ items: [expect.objectContaining({ day: '2026-11-18', energy: 4 })], nextCursor: null });

    const bad = await s.call(me, l.logEnergy, { energy: 6, sleepHours: 30, day: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['day', 'energy', 'sleepHours']);
    const future = await s.call(me, l.logEnergy, { energy: 3, day: '2026-11-19' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/has not happened yet/);

    // In a shared workspace, a colleague sees none of my entries.
    const colleague = await s.user();
    const ws = await team(s, me, [colleague, 'member']);
    await s.call(me, l.logEnergy, { energy: 5, note: 'private' }, { workspaceId: ws });
    expect((await s.call(colleague, l.listEnergy, {}, { workspaceId: ws })).json().items).toEqual([]);
  });

  it('plans, lists and deletes focus windows; an overlap is a 409 and another workspace’s window a 404', async () => {
    const me = await s.user();
    const created = await s.call(me, l.addFocusWindow, { start: '09:00', minutes: 90, label: 'Write' });
    expect(created.statusCode).toBe(201);
    const w = created.json();
    expect(w).toMatchObject({ day: '2026-11-18', start: '09:00', end: '10:30', minutes: 90, label: 'Write' });
    const clash = await s.call(me, l.addFocusWindow, { start: '10:00', minutes: 30 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/overlaps your focus window 09:00–10:30 "Write"/);
    const bad = await s.call(me, l.addFocusWindow, { start: '9am', minutes: 10 });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['minutes', 'start']);
    await s.call(me, l.addFocusWindow, { start: '09:00', minutes: 30, day: '2026-11-20' });
    const week = (await s.call(me, l.listFocusWindows, { from: '2026-11-16', to: '2026-11-19' })).json();
    expect(week.items.map((x: { id: string }) => x.id)).toEqual([w.id]);
    expect((await s.call(me, l.listFocusWindows, { from: '2026-11-20', to: '2026-11-19' })).statusCode).toBe(400);

    const other = await s.user();
    expect((await s.call(other, l.deleteFocusWindow, { focusWindowId: w.id })).statusCode).toBe(404);
    const deleted = await s.call(me, l.deleteFocusWindow, { focusWindowId: w.id.slice(0, 6) });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ id: w.id, start: '09:00' });
    expect((await s.call(me, l.deleteFocusWindow, { focusWindowId: w.id })).statusCode).toBe(404);
  });

  it('adds, lists and updates contacts, logs conversations and nudges about who is overdue', async () => {
    const me = await s.user();
    const added = await s.call(me, l.addContact, { name: 'Ana Lima', kind: 'mentor', email: 'ana@example.com' });
    expect(added.statusCode).toBe(201);
    const ana = added.json();
    expect(ana).toMatchObject({ name: 'Ana Lima', kind: 'mentor', email: 'ana@example.com', note: '' });
    const bruno = (await s.call(me, l.addContact, { name: 'Bruno', kind: 'customer' })).json();
    expect((await s.call(me, l.addContact, { name: 'ana lima', kind: 'peer' })).statusCode).toBe(409);
    const bad = await s.call(me, l.addContact, { name: '', kind: 'friend', email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['email', 'kind', 'name']);

    const talk = await s.call(me, l.logConversation, { contactId: ana.id, note: 'pricing advice' });
    expect(talk.statusCode).toBe(201);
    expect(talk.json()).toMatchObject({ contactId: ana.id, contactName: 'Ana Lima', day: '2026-11-18', note: 'pricing advice' });
    await s.call(me, l.logConversation, { contactId: bruno.id, day: '2026-10-01' });
    expect((await s.call(me, l.logConversation, { contactId: ana.id, day: '2026-11-19' })).statusCode).toBe(400);

    const contacts = (await s.call(me, l.listContacts, {})).json().items;
    expect(contacts.map((x: { name: string; lastConversationDay: string; daysSince: number }) => [x.name, x.lastConversationDay, x.daysSince])).toEqual([
      ['Ana Lima', '2026-11-18', 0],
      ['Bruno', '2026-10-01', 48],
    ]);
    const history = (await s.call(me, l.listConversations, { contactId: ana.id })).json();
    expect(history.items.map((x: { note: string }) => x.note)).toEqual(['pricing advice']);

    const status = (await s.call(me, l.conversationStatus, {})).json();
    expect(status).toMatchObject({ week: '2026-W47', target: 1, count: 1, met: true, contacts: 2 });
    expect(status.overdue.map((x: { name: string }) => x.name)).toEqual(['Bruno']);
    expect((await s.call(me, l.conversationStatus, { week: '2026-W46' })).json()).toMatchObject({ week: '2026-W46', count: 0, met: false });
    const badWeek = await s.call(me, l.conversationStatus, { week: '2026-47' });
    expect(badWeek.statusCode).toBe(400);
    expect(paths(badWeek)).toEqual(['week']);

    const updated = await s.call(me, l.updateContact, { contactId: bruno.id, kind: 'collaborator', note: 'co-hosts the meetup' });
    expect(updated.json()).toMatchObject({ name: 'Bruno', kind: 'collaborator', note: 'co-hosts the meetup' });
    expect((await s.call(me, l.updateContact, { contactId: bruno.id, name: 'ANA LIMA' })).statusCode).toBe(409);

    const other = await s.user();
    for (const [e, input] of [
      [l.updateContact, { contactId: ana.id, note: 'hijacked' }],
      [l.logConversation, { contactId: ana.id }],
      [l.listConversations, { contactId: ana.id }],
    ] as const) {
      const res = await s.call(other, e, input);
      expect(res.statusCode, e.id).toBe(404);
      expect(res.body).not.toContain('Ana Lima');
    }
  });

  it('keeps pulse answers to their author; team trends are aggregates, hidden below 3 people', async () => {
    const me = await s.user();
    const recorded = await s.call(me, l.recordPulse, { kind: 'morale', value: 4, note: 'good week' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ kind: 'morale', value: 4, question: '', note: 'good week', day: '2026-11-18' });
    const bad = await s.call(me, l.recordPulse, { kind: 'custom', value: 9 });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['question', 'value']);
    const personal = (await s.call(me, l.pulseTrend, { kind: 'morale', from: '2026-11-16' })).json();
    expect(personal).toMatchObject({ anonymous: false, weeks: [{ week: '2026-W47', average: 4, count: 1, withheld: false }] });
    expect((await s.call(me, l.pulseTrend, { kind: 'custom' })).statusCode).toBe(400);

    const a = await s.user();
    const b = await s.user();
    const viewer = await s.user();
    const ws = await team(s, me, [a, 'member'], [b, 'member'], [viewer, 'viewer']);
    await s.call(me, l.recordPulse, { kind: 'clarity', value: 1, note: 'owner secret' }, { workspaceId: ws });
    await s.call(a, l.recordPulse, { kind: 'clarity', value: 5, note: 'member secret' }, { workspaceId: ws });
    const twoPeople = (await s.call(viewer, l.pulseTrend, { kind: 'clarity', from: '2026-11-16' }, { workspaceId: ws })).json();
    expect(twoPeople).toMatchObject({ anonymous: true, weeks: [{ week: '2026-W47', average: null, count: 2, withheld: true }] });
    await s.call(b, l.recordPulse, { kind: 'clarity', value: 3 }, { workspaceId: ws });
    const three = await s.call(viewer, l.pulseTrend, { kind: 'clarity', from: '2026-11-16' }, { workspaceId: ws });
    expect(three.json().weeks).toEqual([{ week: '2026-W47', average: 3, count: 3, withheld: false }]);
    expect(three.body).not.toMatch(/secret/);

    const mine = (await s.call(a, l.listMyPulses, {}, { workspaceId: ws })).json();
    expect(mine.items.map((p: { note: string }) => p.note)).toEqual(['member secret']);
    expect((await s.call(viewer, l.listMyPulses, {}, { workspaceId: ws })).json().items).toEqual([]);
    expect((await s.call(viewer, l.recordPulse, { kind: 'morale', value: 3 }, { workspaceId: ws })).statusCode).toBe(403);
  });

  it('lists, shows, applies, saves, imports and exports playbooks', async () => {
    const me = await s.user();
    const list = (await s.call(me, l.listPlaybooks, {})).json();
    expect(list.items.filter((p: { builtIn: boolean }) => p.builtIn).map((p: { key: string }) => p.key)).toEqual(
      expect.arrayContaining(['solo-founder', 'career-pivot', 'promotion', 'community-initiative', 'nonprofit', 'side-project']),
    );
    const shown = await s.call(me, l.showPlaybook, { key: 'Solo-Founder' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ key: 'solo-founder', builtIn: true, id: null, body: { primaryMetric: { name: 'Trial-to-paid conversion' } } });
    expect((await s.call(me, l.showPlaybook, { key: 'nope' })).statusCode).toBe(404);

    const applied = await s.call(me, l.applyPlaybook, { key: 'solo-founder', goalTitle: 'First 10 customers' });
    expect(applied.statusCode).toBe(201);
    const r = applied.json();
    expect(r).toMatchObject({ playbook: { key: 'solo-founder', builtIn: true }, goal: { title: 'First 10 customers', targetDate: '2027-02-16' }, warning: null });
    expect(r.metrics[0]).toMatchObject({ name: 'Trial-to-paid conversion', primary: true });
    expect(r.microGoals[0]).toMatchObject({ week: '2026-W47', status: 'planned' });
    expect(r.routines[0]).toMatchObject({ goalId: r.goal.id, schedule: expect.any(Object) });
    expect(r.reviewPrompts[0]).toMatchObject({ goalId: r.goal.id });
    const past = await s.call(me, l.applyPlaybook, { key: 'solo-founder', targetDate: '2026-01-01' });
    expect(past.statusCode).toBe(400);
    expect(paths(past)).toEqual(['targetDate']);

    const saved = await s.call(me, l.savePlaybook, { key: 'My-Launch', name: 'My launch', fromGoalId: r.goal.id });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ key: 'my-launch', name: 'My launch', builtIn: false, id: expect.any(String) });
    expect((await s.call(me, l.savePlaybook, { key: 'solo-founder', fromGoalId: r.goal.id })).statusCode).toBe(409);
    const badKey = await s.call(me, l.savePlaybook, { key: 'x', fromGoalId: '' });
    expect(badKey.statusCode).toBe(400);
    expect(paths(badKey)).toEqual(['fromGoalId', 'key']);

    // Export from one workspace, import into another: the shown playbook is the file.
    const exported = (await s.call(me, l.showPlaybook, { key: 'my-launch' })).json();
    const other = await s.user();
    expect((await s.call(other, l.showPlaybook, { key: 'my-launch' })).statusCode).toBe(404);
    expect((await s.call(other, l.savePlaybook, { key: 'stolen', fromGoalId: r.goal.id })).statusCode).toBe(404);
    const imported = await s.call(other, l.importPlaybook, exported);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ key: 'my-launch', builtIn: false, body: exported.body });
    expect((await s.call(other, l.importPlaybook, exported)).statusCode).toBe(409);
    const broken = await s.call(other, l.importPlaybook, { key: 'broken', name: 'Broken', body: { goal: { title: '' } } });
    expect(broken.statusCode).toBe(400);
    expect(paths(broken)).toEqual(['body.goal.title', 'body.primaryMetric']);
    const appliedCopy = await s.call(other, l.applyPlaybook, { key: 'my-launch' });
    expect(appliedCopy.statusCode).toBe(201);
    expect((await s.call(other, g.listGoals, {})).json().items.map((x: { title: string }) => x.title)).toEqual(['First 10 customers']);
  });

  it('changes one’s own settings at any role, the workspace’s only as admin', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    const admin = await s.user();
    const ws = await team(s, owner, [viewer, 'viewer'], [admin, 'admin']);

    const shown = (await s.call(viewer, l.getSettings, {}, { workspaceId: ws })).json();
    expect(shown).toMatchObject({ user: { id: viewer.userId, timeZone: 'Europe/Paris', dayStartHour: 0 }, workspace: { id: ws, kind: 'team', focusLimit: 3, conversationTarget: 1 }, role: 'viewer' });

    const mine = await s.call(viewer, l.updateMySettings, { timeZone: 'America/New_York', dayStartHour: 4 }, { workspaceId: ws });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().user).toMatchObject({ timeZone: 'America/New_York', dayStartHour: 4 });
    // 09:30 UTC is 04:30 in New York, after a 04:00 start of day: the 18th; a little earlier, the 17th.
    s.clock.advance(-30 * 60 * 1000);
    expect((await s.call(viewer, l.logEnergy, { energy: 3 }, { workspaceId: ws })).statusCode).toBe(403);
    expect((await s.call(viewer, l.listEnergy, {}, { workspaceId: ws })).statusCode).toBe(200);
    expect((await s.call(viewer, l.logEnergy, { energy: 3 })).json().day).toBe('2026-11-18');
    s.clock.advance(-60 * 60 * 1000);
    expect((await s.call(viewer, l.logEnergy, { energy: 3 })).json().day).toBe('2026-11-17');
    s.clock.advance(90 * 60 * 1000);

    const badZone = await s.call(viewer, l.updateMySettings, { timeZone: 'Paris', dayStartHour: 25 }, { workspaceId: ws });
    expect(badZone.statusCode).toBe(400);
    expect(paths(badZone)).toEqual(['dayStartHour', 'timeZone']);
    expect(badZone.json().error.message).toMatch(/Unknown time zone "Paris"/);

    const refused = await s.call(viewer, l.updateWorkspaceSettings, { focusLimit: 5 }, { workspaceId: ws });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/admin role/);
    const changed = await s.call(admin, l.updateWorkspaceSettings, { focusLimit: 5, conversationTarget: 3 }, { workspaceId: ws });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().workspace).toMatchObject({ focusLimit: 5, conversationTarget: 3 });
    const invalid = await s.call(admin, l.updateWorkspaceSettings, { focusLimit: 0, conversationTarget: 51 }, { workspaceId: ws });
    expect(paths(invalid)).toEqual(['conversationTarget', 'focusLimit']);
    expect((await s.call(owner, l.conversationStatus, {}, { workspaceId: ws })).json().target).toBe(3);

    // In a personal workspace its owner is the admin.
    expect((await s.call(owner, l.updateWorkspaceSettings, { focusLimit: 2 })).json().workspace.focusLimit).toBe(2);
    expect((await s.call(owner, l.getSettings, {}, { workspaceId: 'someoneelses' })).statusCode).toBe(404);
  });

  it('lets a viewer read but not write energy, focus windows, contacts and playbooks', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const contact = (await s.call(owner, l.addContact, { name: 'Ana', kind: 'peer' })).json();
    const ws = { workspaceId: owner.workspaceId };
    expect((await s.call(viewer, l.listContacts, {}, ws)).json().items.map((x: { name: string }) => x.name)).toEqual(['Ana']);
    expect((await s.call(viewer, l.listPlaybooks, {}, ws)).statusCode).toBe(200);
    for (const [e, input] of [
      [l.logEnergy, { energy: 3 }],
      [l.addFocusWindow, { start: '09:00', minutes: 30 }],
      [l.addContact, { name: 'Bo', kind: 'peer' }],
      [l.updateContact, { contactId: contact.id, note: 'x' }],
      [l.logConversation, { contactId: contact.id }],
      [l.applyPlaybook, { key: 'solo-founder' }],
    ] as const) {
      const res = await s.call(viewer, e, input, ws);
      expect(res.statusCode, e.id).toBe(403);
      expect(res.json().error.message).toMatch(/member role/);
    }
  });
});
