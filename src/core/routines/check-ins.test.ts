import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { checkInRoutine, listCheckIns, undoCheckIn } from './check-in-routine.js';
import { createRoutine } from './create-routine.js';
import { listPauses, pauseRoutine, resumeRoutine } from './pause-routine.js';
import { routinesDue } from './routines-due.js';
import { showRoutine } from './show-routine.js';

// The default test clock reads Wednesday 2026-11-18, 11:00 in Paris.
describeEachEngine('check-ins, pauses and due routines', (s) => {
  it('files a check-in on the local day, with the start-of-day hour, across the DST night', async () => {
    // 22:30 UTC on 29 March is 00:30 on the 30th in Paris (summer time began that night); with
    // days starting at 03:00 it still belongs to the 29th.
    const ctx = await s.newCtx({ now: '2026-03-29T22:30:00Z', dayStartHour: 3 });
    const r = await createRoutine(ctx, { name: 'Read', startDay: '2026-03-01' });
    expect((await checkInRoutine(ctx, { routineId: r.id })).day).toBe('2026-03-29');
    // 00:30 UTC on the 29th is 01:30 winter time, an hour before the clocks jump: still the 28th.
    ctx.clock.set('2026-03-29T00:30:00Z');
    expect((await checkInRoutine(ctx, { routineId: r.id })).day).toBe('2026-03-28');
    // 01:30 UTC is 03:30 summer time: the new day has begun.
    ctx.clock.set('2026-03-29T01:30:00Z');
    expect((await checkInRoutine(ctx, { routineId: r.id })).day).toBe('2026-03-29');
    expect((await listCheckIns(ctx, { routineId: r.id })).map((c) => c.day)).toEqual(['2026-03-28', '2026-03-29']);
  });

  it('replaces the check-in of a day instead of adding a second one', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Walk', minimumVersion: 'Around the block' });
    const first = await checkInRoutine(ctx, { routineId: r.id, status: 'skipped', note: 'rain' });
    ctx.clock.advance(3_600_000);
    const second = await checkInRoutine(ctx, { routineId: r.id, status: 'minimum' });
    expect(second).toMatchObject({ id: first.id, status: 'minimum', note: '', createdAt: first.createdAt, updatedAt: '2026-11-18T11:00:00.000Z' });
    expect(await listCheckIns(ctx, { routineId: r.id })).toEqual([second]);
  });

  it('stores exactly one row for 20 identical check-ins at once', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Stand up' });
    const results = await Promise.all(Array.from({ length: 20 }, () => checkInRoutine(ctx, { routineId: r.id, note: 'same' })));
    expect(results.every((c) => c.day === '2026-11-18' && c.status === 'done')).toBe(true);
    const rows = await s.db().selectFrom('checkIns').selectAll().where('routineId', '=', r.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses days in the future and before the start day, and writes nothing', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Read', startDay: '2026-11-10' });
    await expect(checkInRoutine(ctx, { routineId: r.id, day: '2026-11-19' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/2026-11-19 has not come yet; check in for today \(2026-11-18\)/) });
    await expect(checkInRoutine(ctx, { routineId: r.id, day: '2026-11-09' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/starts on 2026-11-10/) });
    await expect(checkInRoutine(ctx, { routineId: r.id, day: '18/11/2026' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/day: must be a date in the form YYYY-MM-DD/) });
    expect(await listCheckIns(ctx, { routineId: r.id })).toEqual([]);
  });

  it('allows "minimum" only for a routine that has a minimum version', async () => {
    const ctx = await s.newCtx();
    const plain = await createRoutine(ctx, { name: 'Gym' });
    await expect(checkInRoutine(ctx, { routineId: plain.id, status: 'minimum' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/"Gym" has no minimum version yet.*--minimum/) });
    const tiny = await createRoutine(ctx, { name: 'Push-ups', minimumVersion: 'One push-up' });
    expect((await checkInRoutine(ctx, { routineId: tiny.id, status: 'minimum' })).status).toBe('minimum');
    await expect(checkInRoutine(ctx, { routineId: plain.id, value: 3 })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/yes\/no routine/) });
  });

  it('derives the status of a numeric check-in from its target and keeps the value', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T20:00:00Z' });
    const run = await createRoutine(ctx, { name: 'Run', target: { kind: 'at_least', value: 5, unit: 'km' }, startDay: '2026-11-01' });
    const coffee = await createRoutine(ctx, { name: 'Coffee', target: { kind: 'at_most', value: 2, unit: 'cups' }, startDay: '2026-11-01' });
    const check = (routineId: string, day: string, value: number) => checkInRoutine(ctx, { routineId, day, value });
    expect(await check(run.id, '2026-11-16', 5)).toMatchObject({ status: 'done', value: 5 });
    expect(await check(run.id, '2026-11-17', 6.5)).toMatchObject({ status: 'done', value: 6.5 });
    expect(await check(run.id, '2026-11-18', 3.2)).toMatchObject({ status: 'missed', value: 3.2 });
    expect(await check(coffee.id, '2026-11-17', 2)).toMatchObject({ status: 'done', value: 2 });
    expect(await check(coffee.id, '2026-11-18', 3)).toMatchObject({ status: 'missed', value: 3 });
    await expect(checkInRoutine(ctx, { routineId: run.id })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/at least 5 km.*--value 5/) });
    expect(await checkInRoutine(ctx, { routineId: run.id, day: '2026-11-15', status: 'skipped' })).toMatchObject({ status: 'skipped', value: null });
    expect((await listCheckIns(ctx, { routineId: run.id, from: '2026-11-16', to: '2026-11-17' })).map((c) => c.value)).toEqual([5, 6.5]);
  });

  it('undoes a check-in, and says so when there is none', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Floss' });
    await checkInRoutine(ctx, { routineId: r.id });
    expect((await undoCheckIn(ctx, { routineId: r.id })).day).toBe('2026-11-18');
    expect(await listCheckIns(ctx, { routineId: r.id })).toEqual([]);
    await expect(undoCheckIn(ctx, { routineId: r.id })).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/no check-in on 2026-11-18/) });
  });

  it('pauses for a range, refuses overlapping pauses, and resumes from today', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Swim', startDay: '2026-11-01' });
    const trip = await pauseRoutine(ctx, { routineId: r.id, from: '2026-11-20', to: '2026-11-25', reason: 'Trip' });
    expect(trip).toMatchObject({ startDay: '2026-11-20', endDay: '2026-11-25', reason: 'Trip' });
    for (const [from, to] of [['2026-11-25', '2026-11-30'], ['2026-11-15', '2026-11-20'], ['2026-11-21', '2026-11-22'], ['2026-11-10', null]] as const) {
      await expect(pauseRoutine(ctx, { routineId: r.id, from, to })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already paused from 2026-11-20 to 2026-11-25/) });
    }
    await expect(pauseRoutine(ctx, { routineId: r.id, from: '2026-11-12', to: '2026-11-11' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'to' }] });
    // A pause in force today (from a week ago); resuming ends it yesterday.
    await pauseRoutine(ctx, { routineId: r.id, from: '2026-11-11', to: '2026-11-19' });
    expect(await routinesDue(ctx)).toEqual([]);
    await expect(pauseRoutine(ctx, { routineId: r.id, from: '2026-11-26' })).resolves.toMatchObject({ endDay: null });
    const resumed = await resumeRoutine(ctx, { routineId: r.id });
    expect(resumed).toMatchObject({ removed: false, pause: { startDay: '2026-11-11', endDay: '2026-11-17' } });
    expect((await routinesDue(ctx)).map((d) => d.routine.name)).toEqual(['Swim']);
    expect((await listPauses(ctx, { routineId: r.id })).map((p) => [p.startDay, p.endDay])).toEqual([
      ['2026-11-11', '2026-11-17'],
      ['2026-11-20', '2026-11-25'],
      ['2026-11-26', null],
    ]);
    // No pause covers today now; the open-ended one still to come is the one resumed, and dropped.
    expect(await resumeRoutine(ctx, { routineId: r.id })).toMatchObject({ removed: true, pause: { startDay: '2026-11-26' } });
    await expect(resumeRoutine(ctx, { routineId: r.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/not paused/) });
  });

  it('removes a pause that began today when the routine is resumed the same day', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Cold shower', startDay: '2026-11-01' });
    await pauseRoutine(ctx, { routineId: r.id, reason: 'Flu' });
    expect(await routinesDue(ctx)).toEqual([]);
    expect(await resumeRoutine(ctx, { routineId: r.id })).toMatchObject({ removed: true });
    expect(await listPauses(ctx, { routineId: r.id })).toEqual([]);
  });

  it('lists what is due on a day, by schedule, with its check-in and quota', async () => {
    // Wednesday 18 November.
    const ctx = await s.newCtx();
    const start = '2026-11-01';
    const daily = await createRoutine(ctx, { name: 'Daily', startDay: start });
    await createRoutine(ctx, { name: 'Mon-Wed-Fri', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, startDay: start });
    await createRoutine(ctx, { name: 'Tuesdays', schedule: { kind: 'weekdays', weekdays: [2] }, startDay: start });
    await createRoutine(ctx, { name: 'Rule Wed', schedule: { kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=WE' }, startDay: start });
    await createRoutine(ctx, { name: 'Later', startDay: '2026-11-19' });
    const twice = await createRoutine(ctx, { name: 'Twice a week', schedule: { kind: 'times', times: 2, periodDays: 7 }, startDay: start });
    await checkInRoutine(ctx, { routineId: daily.id });
    await checkInRoutine(ctx, { routineId: twice.id, day: '2026-11-16' });
    let due = await routinesDue(ctx);
    expect(due.map((d) => d.routine.name)).toEqual(['Daily', 'Mon-Wed-Fri', 'Rule Wed', 'Twice a week']);
    expect(due[0]?.checkIn?.status).toBe('done');
    expect(due[3]?.quota).toEqual({ done: 1, times: 2, periodStart: '2026-11-16', periodEnd: '2026-11-22' });
    // Meeting the quota today keeps it on today's list (with the check-in), not tomorrow's.
    await checkInRoutine(ctx, { routineId: twice.id });
    due = await routinesDue(ctx);
    expect(due.find((d) => d.routine.id === twice.id)?.quota?.done).toBe(2);
    expect((await routinesDue(ctx, { day: '2026-11-17' })).map((d) => d.routine.name)).toEqual(['Daily', 'Tuesdays', 'Twice a week']);
    ctx.clock.set('2026-11-19T10:00:00Z');
    expect((await routinesDue(ctx)).map((d) => d.routine.name)).toEqual(['Daily', 'Later']);
    // A new week brings the quota back.
    expect((await routinesDue(ctx, { day: '2026-11-23' })).map((d) => d.routine.name)).toContain('Twice a week');
  });

  it('shows the last 14 days of a routine', async () => {
    const ctx = await s.newCtx();
    const r = await createRoutine(ctx, { name: 'Piano', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, startDay: '2026-11-09', minimumVersion: 'Scales' });
    await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-09' });
    await checkInRoutine(ctx, { routineId: r.id, day: '2026-11-11', status: 'minimum' });
    await pauseRoutine(ctx, { routineId: r.id, from: '2026-11-13', to: '2026-11-13' });
    const detail = await showRoutine(ctx, { routineId: r.id });
    expect(detail.recent).toHaveLength(14);
    expect(detail.recent[0]?.day).toBe('2026-11-05');
    const byDay = new Map(detail.recent.map((d) => [d.day, d]));
    expect(byDay.get('2026-11-06')).toMatchObject({ due: false });
    expect(byDay.get('2026-11-09')).toMatchObject({ due: true, status: 'done' });
    expect(byDay.get('2026-11-11')).toMatchObject({ due: true, status: 'minimum' });
    expect(byDay.get('2026-11-13')).toMatchObject({ due: false, paused: true });
    expect(byDay.get('2026-11-16')).toMatchObject({ due: true, status: null });
    expect(detail.frequency).toEqual({ numerator: 3, denominator: 7 });
    expect(detail.lastCheckIn?.day).toBe('2026-11-11');
  });
});
