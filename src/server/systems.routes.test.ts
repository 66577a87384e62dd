import { expect, it } from 'vitest';
import { goalEndpoints } from '#contracts/api/goals.js';
import { systemsEndpoints as e } from '#contracts/api/systems.js';
import { describeServer } from '#test/server.js';

/** Field paths of a 400 answer, sorted. */
const paths = (body: { error: { details?: Array<{ path: string }> } }) => [...new Set((body.error.details ?? []).map((d) => d.path))].sort();

// The server's clock reads Wednesday 2026-11-18, 11:00 in Paris (the test users' time zone).
describeServer('systems routes', (s) => {
  it('creates, lists, shows, edits, archives and restores a routine', async () => {
    const me = await s.user();
    const created = await s.call(me, e.createRoutine, {
      name: 'Run',
      schedule: { kind: 'times', times: 3, periodDays: 7 },
      target: { kind: 'at_least', value: 5, unit: 'km' },
      minimumVersion: 'Walk 10 minutes',
      reminderTime: '07:30',
      startDay: '2026-11-09',
    });
    expect(created.statusCode).toBe(201);
    const run = created.json();
    expect(run).toMatchObject({
      name: 'Run', goalId: null, schedule: { kind: 'times', times: 3, periodDays: 7 }, target: { kind: 'at_least', value: 5, unit: 'km' },
      minimumVersion: 'Walk 10 minutes', reminderTime: '07:30', startDay: '2026-11-09', archivedAt: null, position: 1, createdAt: '2026-11-18T10:00:00.000Z',
    });
    const later = (await s.call(me, e.createRoutine, { name: 'Piano', schedule: { kind: 'weekdays', weekdays: [4, 2, 2] }, startDay: '2026-11-25' })).json();
    expect(later.schedule).toEqual({ kind: 'weekdays', weekdays: [2, 4] });

    const list = (await s.call(me, e.listRoutines, {})).json();
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((r: { name: string; state: string }) => [r.name, r.state])).toEqual([['Run', 'active'], ['Piano', 'starts 2026-11-25']]);

    const shown = await s.call(me, e.showRoutine, { routineId: run.id, days: 3 });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      routine: { id: run.id },
      frequency: { numerator: 3, denominator: 7 },
      pauses: [],
      recent: [{ day: '2026-11-16' }, { day: '2026-11-17' }, { day: '2026-11-18', due: true, paused: false, status: null }],
      lastCheckIn: null,
    });

    const edited = await s.call(me, e.updateRoutine, { routineId: run.id, name: 'Morning run', target: null, reminderTime: null });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Morning run', target: null, reminderTime: null, minimumVersion: 'Walk 10 minutes' });

    const archived = (await s.call(me, e.archiveRoutine, { routineId: run.id })).json();
    expect(archived.archivedAt).toBe('2026-11-18T10:00:00.000Z');
    expect((await s.call(me, e.listRoutines, {})).json().items.map((r: { name: string }) => r.name)).toEqual(['Piano']);
    const all = (await s.call(me, e.listRoutines, { includeArchived: true })).json().items;
    expect(all.map((r: { state: string }) => r.state)).toEqual(['archived', 'starts 2026-11-25']);
    const checkArchived = await s.call(me, e.checkInRoutine, { routineId: run.id });
    expect(checkArchived.statusCode).toBe(409);
    expect((await s.call(me, e.restoreRoutine, { routineId: run.id })).json().archivedAt).toBeNull();

    const dup = await s.call(me, e.createRoutine, { name: 'PIANO' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/already have a routine called "PIANO"/);
  });

  it('answers bad routine input with 400 and the field paths', async () => {
    const me = await s.user();
    const bad = await s.call(me, e.createRoutine, { name: '', schedule: { kind: 'times', times: 9, periodDays: 7 }, reminderTime: '7am', startDay: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['name', 'reminderTime', 'schedule.times', 'startDay']);
    const rule = await s.call(me, e.createRoutine, { name: 'Review', schedule: { kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=XX' } });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().error.message).toMatch(/BYDAY=XX is not a valid value/);
    const days = await s.call(me, e.showRoutine, { routineId: 'whatever', days: 0 });
    expect(days.statusCode).toBe(400);
    expect(paths(days.json())).toEqual(['days']);
    expect((await s.call(me, e.listRoutines, { includeArchived: true })).json().items).toEqual([]);
  });

  it('checks in, replaces a same-day check-in, lists the range and undoes a day', async () => {
    const me = await s.user();
    const write = (await s.call(me, e.createRoutine, { name: 'Write', minimumVersion: 'One sentence', startDay: '2026-11-09' })).json();
    const run = (await s.call(me, e.createRoutine, { name: 'Run', target: { kind: 'at_least', value: 5, unit: 'km' }, startDay: '2026-11-09' })).json();

    const first = await s.call(me, e.checkInRoutine, { routineId: write.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ routineId: write.id, day: '2026-11-18', status: 'done', value: null, note: '' });
    const again = await s.call(me, e.checkInRoutine, { routineId: write.id, status: 'minimum', note: 'tired' });
    expect(again.json()).toMatchObject({ id: first.json().id, status: 'minimum', note: 'tired' });
    await s.call(me, e.checkInRoutine, { routineId: write.id, day: '2026-11-16', status: 'skipped' });

    expect((await s.call(me, e.checkInRoutine, { routineId: run.id, value: 3.2, day: '2026-11-17' })).json()).toMatchObject({ status: 'missed', value: 3.2 });
    expect((await s.call(me, e.checkInRoutine, { routineId: run.id, value: 6 })).json()).toMatchObject({ status: 'done', value: 6 });
    const noValue = await s.call(me, e.checkInRoutine, { routineId: run.id });
    expect(noValue.statusCode).toBe(400);
    expect(paths(noValue.json())).toEqual(['value']);

    const future = await s.call(me, e.checkInRoutine, { routineId: write.id, day: '2026-11-19' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/2026-11-19 has not come yet/);
    const badInput = await s.call(me, e.checkInRoutine, { routineId: write.id, day: 'yesterday', status: 'perfect', value: 'x' });
    expect(badInput.statusCode).toBe(400);
    expect(paths(badInput.json())).toEqual(['day', 'status', 'value']);

    const all = (await s.call(me, e.listCheckIns, { routineId: write.id })).json().items;
    expect(all.map((c: { day: string; status: string }) => [c.day, c.status])).toEqual([['2026-11-16', 'skipped'], ['2026-11-18', 'minimum']]);
    const range = (await s.call(me, e.listCheckIns, { routineId: write.id, from: '2026-11-17', to: '2026-11-18' })).json().items;
    expect(range.map((c: { day: string }) => c.day)).toEqual(['2026-11-18']);
    const backwards = await s.call(me, e.listCheckIns, { routineId: write.id, from: '2026-11-18', to: '2026-11-01' });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards.json())).toEqual(['to']);

    const undone = await s.call(me, e.undoCheckIn, { routineId: write.id, day: '2026-11-18' });
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ day: '2026-11-18', status: 'minimum' });
    const twice = await s.call(me, e.undoCheckIn, { routineId: write.id, day: '2026-11-18' });
    expect(twice.statusCode).toBe(404);
    expect(twice.json().error.message).toMatch(/no check-in on 2026-11-18/);
    expect((await s.call(me, e.undoCheckIn, { routineId: write.id, day: 'today' })).statusCode).toBe(400);
    expect((await s.call(me, e.showRoutine, { routineId: write.id })).json().lastCheckIn).toMatchObject({ day: '2026-11-16' });
  });

  it('pauses a routine, refuses an overlap, lists pauses, leaves it out of the due list and resumes it', async () => {
    const me = await s.user();
    const piano = (await s.call(me, e.createRoutine, { name: 'Piano', startDay: '2026-11-09' })).json();
    const review = (await s.call(me, e.createRoutine, { name: 'Review', schedule: { kind: 'times', times: 2, periodDays: 7 }, startDay: '2026-11-09' })).json();
    await s.call(me, e.checkInRoutine, { routineId: review.id, day: '2026-11-17' });

    const pause = await s.call(me, e.pauseRoutine, { routineId: piano.id, from: '2026-11-17', reason: 'Flu' });
    expect(pause.statusCode).toBe(201);
    expect(pause.json()).toMatchObject({ routineId: piano.id, startDay: '2026-11-17', endDay: null, reason: 'Flu' });
    const overlap = await s.call(me, e.pauseRoutine, { routineId: piano.id, from: '2026-11-20', to: '2026-11-22' });
    expect(overlap.statusCode).toBe(409);
    const backwards = await s.call(me, e.pauseRoutine, { routineId: piano.id, from: '2026-11-22', to: '2026-11-20' });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards.json())).toEqual(['to']);
    expect((await s.call(me, e.listPauses, { routineId: piano.id })).json().items).toHaveLength(1);

    const due = (await s.call(me, e.routinesDue, {})).json().items;
    expect(due).toEqual([
      expect.objectContaining({
        routine: expect.objectContaining({ name: 'Review' }),
        checkIn: null,
        quota: { done: 1, times: 2, periodStart: '2026-11-16', periodEnd: '2026-11-22' },
      }),
    ]);
    expect((await s.call(me, e.routinesDue, { day: '2026-11-16' })).json().items.map((d: { routine: { name: string } }) => d.routine.name)).toEqual(['Piano', 'Review']);

    const resumed = await s.call(me, e.resumeRoutine, { routineId: piano.id });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toMatchObject({ removed: false, pause: { startDay: '2026-11-17', endDay: '2026-11-17' } });
    expect((await s.call(me, e.resumeRoutine, { routineId: piano.id })).statusCode).toBe(409);
    expect((await s.call(me, e.routinesDue, {})).json().items).toHaveLength(2);
  });

  it("answers 404 for another workspace's routines, check-ins, checklists, runs and templates", async () => {
    const me = await s.user();
    const other = await s.user();
    const theirs = (await s.call(other, e.createRoutine, { name: 'Secret habit', startDay: '2026-11-01' })).json();
    await s.call(other, e.checkInRoutine, { routineId: theirs.id, note: 'secret note' });
    const list = (await s.call(other, e.createChecklist, { name: 'Secret list', items: ['a'] })).json();
    const run = (await s.call(other, e.startChecklistRun, { checklistId: list.id })).json().run;
    const template = (await s.call(other, e.createTemplate, { name: 'Secret template', steps: [{ title: 'x', minutes: 30 }] })).json();

    const attempts = [
      await s.call(me, e.showRoutine, { routineId: theirs.id }),
      await s.call(me, e.updateRoutine, { routineId: theirs.id, name: 'Hijacked' }),
      await s.call(me, e.archiveRoutine, { routineId: theirs.id }),
      await s.call(me, e.pauseRoutine, { routineId: theirs.id }),
      await s.call(me, e.listPauses, { routineId: theirs.id }),
      await s.call(me, e.checkInRoutine, { routineId: theirs.id }),
      await s.call(me, e.listCheckIns, { routineId: theirs.id }),
      await s.call(me, e.undoCheckIn, { routineId: theirs.id, day: '2026-11-18' }),
      await s.call(me, e.showChecklist, { checklistId: list.id }),
      await s.call(me, e.startChecklistRun, { checklistId: list.id }),
      await s.call(me, e.showChecklistRun, { runId: run.id }),
      await s.call(me, e.checkChecklistItem, { runId: run.id, position: 1 }),
      await s.call(me, e.completeChecklistRun, { runId: run.id, force: true }),
      await s.call(me, e.showTemplate, { templateId: template.id }),
      await s.call(me, e.applyTemplate, { templateId: template.id }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/Secret|secret/);
    }
    expect((await s.call(me, e.listRoutines, {}, { workspaceId: other.workspaceId })).statusCode).toBe(404);
    const still = (await s.call(other, e.showRoutine, { routineId: theirs.id })).json();
    expect(still.routine).toMatchObject({ name: 'Secret habit', archivedAt: null });
    expect(still.lastCheckIn).toMatchObject({ note: 'secret note' });
    expect((await s.call(other, e.showChecklistRun, { runId: run.id })).json()).toMatchObject({ checked: 0, run: { completedAt: null } });
  });

  it('lets a viewer read routines, checklists and templates but not write', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const ws = { workspaceId: owner.workspaceId };
    const routine = (await s.call(owner, e.createRoutine, { name: 'Shared habit', startDay: '2026-11-10' })).json();
    const list = (await s.call(owner, e.createChecklist, { name: 'Shared list', items: ['a'] })).json();
    const run = (await s.call(owner, e.startChecklistRun, { checklistId: list.id })).json().run;
    const template = (await s.call(owner, e.createTemplate, { name: 'Shared template', steps: [{ title: 'x', minutes: 30 }] })).json();

    expect((await s.call(viewer, e.listRoutines, {}, ws)).json().items.map((r: { name: string }) => r.name)).toEqual(['Shared habit']);
    expect((await s.call(viewer, e.showRoutine, { routineId: routine.id }, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, e.routinesDue, {}, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, e.listChecklists, {}, ws)).json().items).toHaveLength(1);
    expect((await s.call(viewer, e.showChecklistRun, { runId: run.id }, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, e.listTemplates, {}, ws)).json().items).toHaveLength(1);

    const writes = [
      await s.call(viewer, e.createRoutine, { name: 'Nope' }, ws),
      await s.call(viewer, e.updateRoutine, { routineId: routine.id, name: 'Nope' }, ws),
      await s.call(viewer, e.archiveRoutine, { routineId: routine.id }, ws),
      await s.call(viewer, e.pauseRoutine, { routineId: routine.id }, ws),
      await s.call(viewer, e.checkInRoutine, { routineId: routine.id }, ws),
      await s.call(viewer, e.undoCheckIn, { routineId: routine.id, day: '2026-11-18' }, ws),
      await s.call(viewer, e.createChecklist, { name: 'Nope', items: ['a'] }, ws),
      await s.call(viewer, e.checkChecklistItem, { runId: run.id, position: 1 }, ws),
      await s.call(viewer, e.completeChecklistRun, { runId: run.id, force: true }, ws),
      await s.call(viewer, e.createTemplate, { name: 'Nope', steps: [{ title: 'x', minutes: 30 }] }, ws),
      await s.call(viewer, e.applyTemplate, { templateId: template.id }, ws),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toMatch(/member role/);
    }
    expect((await s.call(owner, e.listCheckIns, { routineId: routine.id })).json().items).toEqual([]);
  });

  it('runs a checklist: start, tick by number or id, refuse to complete with open items, then force', async () => {
    const me = await s.user();
    const created = await s.call(me, e.createChecklist, { name: 'Launch', description: 'Ship it', items: ['Write the post', 'Check the links', 'Tell the list'] });
    expect(created.statusCode).toBe(201);
    const list = created.json();
    expect(list.items.map((i: { position: number; text: string }) => [i.position, i.text])).toEqual([[1, 'Write the post'], [2, 'Check the links'], [3, 'Tell the list']]);
    const empty = await s.call(me, e.createChecklist, { name: 'Empty', items: [] });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(['items']);

    const started = await s.call(me, e.startChecklistRun, { checklistId: list.id, label: 'v1.2' });
    expect(started.statusCode).toBe(201);
    const { run } = started.json();
    expect(started.json()).toMatchObject({ run: { label: 'v1.2', completedAt: null }, checklist: { id: list.id, name: 'Launch' }, checked: 0, total: 3 });

    const ticked = await s.call(me, e.checkChecklistItem, { runId: run.id, position: 3 });
    expect(ticked.statusCode).toBe(200);
    expect(ticked.json().items.map((i: { checkedAt: string | null }) => i.checkedAt)).toEqual([null, null, '2026-11-18T10:00:00.000Z']);
    expect((await s.call(me, e.checkChecklistItem, { runId: run.id, itemId: list.items[0].id })).json().checked).toBe(2);
    const both = await s.call(me, e.checkChecklistItem, { runId: run.id, itemId: list.items[0].id, position: 1 });
    expect(both.statusCode).toBe(400);
    const missing = await s.call(me, e.checkChecklistItem, { runId: run.id, position: 9 });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing.json())).toEqual(['position']);

    const refused = await s.call(me, e.completeChecklistRun, { runId: run.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([{ path: 'items.2', message: 'not ticked: Check the links' }]);
    const forced = await s.call(me, e.completeChecklistRun, { runId: run.id, force: true });
    expect(forced.json()).toMatchObject({ checked: 2, total: 3, run: { completedAt: '2026-11-18T10:00:00.000Z' } });
    expect((await s.call(me, e.checkChecklistItem, { runId: run.id, position: 2 })).statusCode).toBe(409);

    expect((await s.call(me, e.showChecklist, { checklistId: list.id })).json()).toMatchObject({ name: 'Launch', description: 'Ship it' });
    expect((await s.call(me, e.showChecklistRun, { runId: run.id })).json().run.completedAt).toBe('2026-11-18T10:00:00.000Z');
    const lists = (await s.call(me, e.listChecklists, {})).json().items;
    expect(lists).toEqual([expect.objectContaining({ name: 'Launch', runs: 1, openRuns: [] })]);
  });

  it('creates, lists and applies a template as tasks from a start day', async () => {
    const me = await s.user();
    const created = await s.call(me, e.createTemplate, {
      name: 'Outreach',
      steps: [{ title: 'Send the first email', minutes: 30 }, { title: 'Follow up', minutes: 15, dayOffset: 3 }],
    });
    expect(created.statusCode).toBe(201);
    const template = created.json();
    expect(template.steps.map((st: { position: number; dayOffset: number }) => [st.position, st.dayOffset])).toEqual([[1, 0], [2, 3]]);
    const long = await s.call(me, e.createTemplate, { name: 'Long', steps: [{ title: 'Deep work', minutes: 90 }, { title: '', minutes: 30, dayOffset: -1 }] });
    expect(long.statusCode).toBe(400);
    expect(paths(long.json())).toEqual(['steps.0.minutes', 'steps.1.dayOffset', 'steps.1.title']);

    expect((await s.call(me, e.listTemplates, {})).json().items.map((t: { name: string }) => t.name)).toEqual(['Outreach']);
    expect((await s.call(me, e.showTemplate, { templateId: template.id })).json().steps).toHaveLength(2);

    const goal = (await s.call(me, goalEndpoints.createGoal, { title: 'First customers' })).json().goal;
    const applied = await s.call(me, e.applyTemplate, { templateId: template.id, startDay: '2026-11-19', goalId: goal.id });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ template: { id: template.id }, startDay: '2026-11-19' });
    expect(applied.json().tasks.map((t: { day: string; title: string; goalId: string; status: string }) => [t.day, t.title, t.goalId, t.status])).toEqual([
      ['2026-11-19', 'Send the first email', goal.id, 'planned'],
      ['2026-11-22', 'Follow up', goal.id, 'planned'],
    ]);
    const unknownGoal = await s.call(me, e.applyTemplate, { templateId: template.id, goalId: 'nosuchgoal000000' });
    expect(unknownGoal.statusCode).toBe(404);
  });
});
