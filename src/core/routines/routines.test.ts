import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { archiveRoutine } from './archive-routine.js';
import { checkInRoutine, listCheckIns } from './check-in-routine.js';
import { createRoutine } from './create-routine.js';
import { listRoutines } from './list-routines.js';
import { getRoutine } from './routine-queries.js';
import { showRoutine } from './show-routine.js';
import { updateRoutine } from './update-routine.js';

// The default test clock reads Wednesday 2026-11-18, 11:00 in Paris.
describeEachEngine('routines', (s) => {
  it('creates a daily routine starting today and lists it', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Write 200 words', minimumVersion: 'One sentence', reminderTime: '07:30' });
    expect(r).toMatchObject({ name: 'Write 200 words', schedule: { kind: 'daily' }, target: null, startDay: '2026-11-18', minimumVersion: 'One sentence', reminderTime: '07:30', archivedAt: null });
    const second = await createRoutine(ctx, { name: 'Run', schedule: { kind: 'times', times: 3, periodDays: 7 }, target: { kind: 'at_least', value: 5, unit: 'km' } });
    expect(second.target).toEqual({ kind: 'at_least', value: 5, unit: 'km' });
    expect((await listRoutines(ctx)).map((x) => x.name)).toEqual(['Write 200 words', 'Run']);
  });

  it('links a routine to a goal of the workspace only', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Get fit' });
    expect((await createRoutine(ctx, { name: 'Stretch', goalId: goal.id })).goalId).toBe(goal.id);
    const other = await s.newCtx();
    await expect(createRoutine(other, { name: 'Stretch', goalId: goal.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listRoutines(other)).toEqual([]);
  });

  it('refuses a name already taken in the workspace, whatever its case', async () => {
    const ctx = await s.newCtx();
    await createRoutine(ctx, { name: 'Meditate' });
    await expect(createRoutine(ctx, { name: 'meditate' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already have a routine called "meditate"/) });
    expect(await listRoutines(ctx)).toHaveLength(1);
    // Another workspace may use the name.
    await expect(createRoutine(await s.newCtx(), { name: 'Meditate' })).resolves.toMatchObject({ name: 'Meditate' });
  });

  it('refuses bad schedules, targets and reminder times, naming the field, and writes nothing', async () => {
    const ctx = await s.newCtx();
    const cases: Array<[Parameters<typeof createRoutine>[1], RegExp]> = [
      [{ name: 'A', schedule: { kind: 'weekdays', weekdays: [] } }, /schedule\.weekdays: pick at least one weekday/],
      [{ name: 'A', schedule: { kind: 'weekdays', weekdays: [1, 8] } }, /weekday from 1 \(Monday\) to 7 \(Sunday\)/],
      [{ name: 'A', schedule: { kind: 'times', times: 8, periodDays: 7 } }, /schedule\.times: must be at most the number of days in the period/],
      [{ name: 'A', schedule: { kind: 'times', times: 0, periodDays: 7 } }, /schedule\.times: must be at least 1/],
      [{ name: 'A', target: { kind: 'at_least', value: 0 } }, /target\.value: must be greater than 0/],
      [{ name: 'A', reminderTime: '7:30' }, /reminderTime: must be a 24-hour time HH:MM/],
      [{ name: 'A', startDay: '2026-02-30' }, /startDay: must be a real calendar date/],
    ];
    for (const [input, message] of cases) {
      await expect(createRoutine(ctx, input)).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(message) });
    }
    expect(await listRoutines(ctx, { includeArchived: true })).toEqual([]);
  });

  it('checks a recurrence rule, quoting the problem and showing an example', async () => {
    const ctx = await s.newCtx();
    const bad = createRoutine(ctx, { name: 'Review', schedule: { kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=MO,XX' } });
    await expect(bad).rejects.toMatchObject({
      code: 'validation',
      details: [{ path: 'schedule.rrule' }],
      message: expect.stringMatching(/"FREQ=WEEKLY;BYDAY=MO,XX" is not a valid recurrence rule: BYDAY=MO,XX is not a valid value\. Write it like FREQ=WEEKLY;BYDAY=MO,WE,FR/),
    });
    await expect(createRoutine(ctx, { name: 'Never', schedule: { kind: 'rrule', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' } })).rejects.toMatchObject({
      message: expect.stringMatching(/never falls on a day/),
    });
    const ok = await createRoutine(ctx, { name: 'Review', schedule: { kind: 'rrule', rrule: 'rrule:freq=weekly;byday=fr' } });
    expect(ok.schedule).toEqual({ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=FR' });
    expect((await showRoutine(ctx, { routineId: ok.id })).frequency).toEqual({ numerator: 1, denominator: 7 });
  });

  it('edits a routine: a new schedule kind replaces the old one, a target can be dropped', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Run', schedule: { kind: 'times', times: 3, periodDays: 7 }, target: { kind: 'at_least', value: 5, unit: 'km' } });
    const edited = await updateRoutine(ctx, { routineId: r.id, name: 'Morning run', schedule: { kind: 'weekdays', weekdays: [5, 1, 3, 3] }, target: null, reminderTime: null });
    expect(edited).toMatchObject({ name: 'Morning run', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, target: null });
    const row = await s.db().selectFrom('routines').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ scheduleKind: 'weekdays', timesPerPeriod: null, periodDays: null, weekdays: '1,3,5', targetKind: 'none', unit: '' });
    await createRoutine(ctx, { name: 'Read' });
    await expect(updateRoutine(ctx, { routineId: r.id, name: 'READ' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(updateRoutine(ctx, { routineId: r.id, schedule: { kind: 'rrule', rrule: 'FREQ=SECONDLY' } })).rejects.toMatchObject({ code: 'validation' });
    expect((await getRoutine(ctx, r.id)).name).toBe('Morning run');
  });

  it('will not move the start day past an existing check-in', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Floss', startDay: '2026-11-01' });
    await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-05' });
    await expect(updateRoutine(ctx, { routineId: r.id, startDay: '2026-11-10' })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/check-in on 2026-11-05, before 2026-11-10/),
    });
    expect((await updateRoutine(ctx, { routineId: r.id, startDay: '2026-11-05' })).startDay).toBe('2026-11-05');
  });

  it('archives a routine out of the lists, keeps its history, and restores it', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Journal', startDay: '2026-11-10' });
    await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-12' });
    const archived = await archiveRoutine(ctx, { routineId: r.id });
    expect(archived.archivedAt).toBe('2026-11-18T10:00:00.000Z');
    expect(await listRoutines(ctx)).toEqual([]);
    expect((await listRoutines(ctx, { includeArchived: true })).map((x) => x.name)).toEqual(['Journal']);
    await expect(checkInRoutine(ctx, { routineId: r.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/archived/) });
    expect(await listCheckIns(ctx, { routineId: r.id })).toHaveLength(1);
    expect((await archiveRoutine(ctx, { routineId: r.id, restore: true })).archivedAt).toBeNull();
    expect(await listRoutines(ctx)).toHaveLength(1);
  });

  it("never touches another workspace's routine", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const r = await createRoutine(alice, { name: 'Secret habit' });
    await expect(getRoutine(bob, r.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(checkInRoutine(bob, { routineId: r.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(archiveRoutine(bob, { routineId: r.id })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listCheckIns(alice, { routineId: r.id })).toEqual([]);
  });

  it('lets a viewer read but not write', async () => {
    const ctx = await s.newCtx();
    await createRoutine(ctx, { name: 'Plan the day' });
    const viewer = { ...ctx, actor: { ...ctx.actor, role: 'viewer' as const } };
    await expect(createRoutine(viewer, { name: 'Nope' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listRoutines(viewer)).toHaveLength(1);
  });
});
