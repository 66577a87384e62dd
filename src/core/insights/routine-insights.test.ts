import type { Insertable } from 'kysely';
import { expect, it } from 'vitest';
import type { RoutineTable } from '#db/schema.js';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { newId } from '../ids.js';
import { addDays } from '../time/plain-date.js';
import { routineScores, routineStreaks } from './routine-insights.js';

async function addRoutine(ctx: TestCtx, over: Partial<Insertable<RoutineTable>> = {}): Promise<string> {
  const id = newId();
  await ctx.db.insertInto('routines').values({
    id, workspaceId: ctx.actor.workspaceId, goalId: null, name: `Routine ${id}`, scheduleKind: 'daily', timesPerPeriod: null,
    periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '', minimumVersion: '',
    reminderTime: null, startDay: '2026-11-10', archivedAt: null, position: 0, createdAt: '2026-11-10T08:00:00.000Z', ...over,
  }).execute();
  return id;
}

async function checkIn(ctx: TestCtx, routineId: string, day: string, status: 'done' | 'minimum' | 'skipped' | 'missed', value: number | null = null) {
  await ctx.db.insertInto('checkIns').values({
    id: newId(), workspaceId: ctx.actor.workspaceId, routineId, day, status, value, note: '', createdAt: `${day}T08:00:00.000Z`, updatedAt: `${day}T08:00:00.000Z`,
  }).execute();
}

describeEachEngine('routine scores and streaks', (s) => {
  it('gives one score per day, rounded to 4 decimals, up to the local today', async () => {
    // 23:30 UTC on the 18th is already the 19th in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T23:30:00Z' });
    const id = await addRoutine(ctx);
    for (let i = 0; i < 9; i++) await checkIn(ctx, id, addDays('2026-11-10', i), i === 4 ? 'missed' : i === 6 ? 'skipped' : 'done');
    const { series } = await routineScores(ctx, { routineId: id });
    expect(series.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => addDays('2026-11-10', i)));
    expect(series[0]).toEqual({ date: '2026-11-10', score: 0.0519 });
    expect(series.every((d) => d.score === Math.round(d.score * 10_000) / 10_000)).toBe(true);
    expect(series[6]!.score).toBe(series[5]!.score);
    const streaks = await routineStreaks(ctx, { routineId: id });
    expect(streaks).toMatchObject({ current: 3, best: 4 });
    expect(streaks.streaks).toEqual([{ start: '2026-11-15', end: '2026-11-18', length: 3 }, { start: '2026-11-10', end: '2026-11-13', length: 4 }]);
  });

  it('limits the series to --from/--to, and runs past today when asked', async () => {
    const ctx = await s.newCtx();
    const id = await addRoutine(ctx);
    await checkIn(ctx, id, '2026-11-10', 'done');
    const window = await routineScores(ctx, { routineId: id, from: '2026-11-12', to: '2026-11-14' });
    expect(window.series.map((d) => d.date)).toEqual(['2026-11-12', '2026-11-13', '2026-11-14']);
    const ahead = await routineScores(ctx, { routineId: id, from: '2026-11-20', to: '2026-11-21' });
    expect(ahead.series.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-21']);
    expect(ahead.series[1]!.score).toBeLessThan(ahead.series[0]!.score);
  });

  it('freezes a paused routine and scores amounts against the target', async () => {
    const ctx = await s.newCtx();
    const id = await addRoutine(ctx, { targetKind: 'at_least', targetValue: 5, unit: 'km' });
    await checkIn(ctx, id, '2026-11-10', 'done', 5);
    await checkIn(ctx, id, '2026-11-11', 'done', 6);
    await ctx.db.insertInto('routinePauses').values({
      id: newId(), workspaceId: ctx.actor.workspaceId, routineId: id, startDay: '2026-11-12', endDay: null, reason: 'injury', createdAt: '2026-11-12T08:00:00.000Z',
    }).execute();
    const { series } = await routineScores(ctx, { routineId: id });
    expect(new Set(series.slice(1).map((d) => d.score)).size).toBe(1);
    expect(await routineStreaks(ctx, { routineId: id })).toMatchObject({ current: 2, best: 2 });
  });

  it('refuses a reversed range and hides other workspaces', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const id = await addRoutine(alice);
    await expect(routineScores(alice, { routineId: id, from: '2026-11-15', to: '2026-11-12' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'from' }] });
    await expect(routineScores(alice, { routineId: id, from: '2026-02-30' })).rejects.toMatchObject({ code: 'validation' });
    await expect(routineScores(bob, { routineId: id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(routineStreaks(bob, { routineId: id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
