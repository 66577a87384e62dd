import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addFocusWindow } from '../energy/focus-windows.js';
import { logEnergy } from '../energy/log-energy.js';
import { createGoal } from '../goals/create-goal.js';
import { addMetric } from '../goals/add-metric.js';
import { checkInRoutine } from '../routines/check-in-routine.js';
import { createRoutine } from '../routines/create-routine.js';
import { pauseRoutine } from '../routines/pause-routine.js';
import { addTask } from '../tasks/add-task.js';
import { completeTask } from '../tasks/complete-task.js';
import { addDays, isoWeekday } from '../time/plain-date.js';
import { newId } from '../ids.js';
import { routineScores, routineStreaks } from '../insights/routine-insights.js';
import { logWin } from '../wins/log-win.js';
import { todayView } from './today-view.js';

describeEachEngine('today view', (s) => {
  it('gathers the day: tasks, routines due with streaks, focus windows, wins and energy', async () => {
    // Wednesday 18 November 2026, 10:00 in Paris.
    const ctx = await s.newCtx({ now: '2026-11-18T09:00:00Z' });
    const { goal } = await createGoal(ctx, { title: 'First 10 customers' });
    await addMetric(ctx, { goalId: goal.id, name: 'Customers', target: 10 });
    const call = await addTask(ctx, { title: 'Call three leads', minutes: 30, goalId: goal.id });
    await addTask(ctx, { title: 'Write onboarding email', minutes: 45 });
    await addTask(ctx, { title: 'Yesterday leftover', minutes: 15, day: '2026-11-17' });
    await completeTask(ctx, { taskId: call.id, actualMinutes: 25 });

    const run = await createRoutine(ctx, { name: 'Morning run', minimumVersion: 'Walk 10 minutes', startDay: '2026-11-01' });
    const gym = await createRoutine(ctx, { name: 'Gym', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, startDay: '2026-11-01' });
    await createRoutine(ctx, { name: 'Weekly call', schedule: { kind: 'weekdays', weekdays: [2] }, startDay: '2026-11-01' });
    const paused = await createRoutine(ctx, { name: 'Piano', startDay: '2026-11-01' });
    await pauseRoutine(ctx, { routineId: paused.id, from: '2026-11-15' });
    for (let d = 1; d <= 4; d++) await checkInRoutine(ctx, { routineId: run.id, day: addDays('2026-11-18', -d) });
    await checkInRoutine(ctx, { routineId: run.id, status: 'minimum' });

    await addFocusWindow(ctx, { start: '09:00', minutes: 90, label: 'Deep work' });
    await logWin(ctx, { title: 'Booked the first demo' });
    await logEnergy(ctx, { energy: 4, sleepHours: 7.5 });

    const view = await todayView(ctx);
    expect(view.day).toBe('2026-11-18');
    expect(view.week).toBe('2026-W47');
    expect(view.tasks.map((t) => [t.title, t.status])).toEqual([
      ['Call three leads', 'done'],
      ['Write onboarding email', 'planned'],
    ]);
    expect(view.unfinishedBefore).toBe(1);
    expect(view.totals).toMatchObject({ tasksDone: 1, tasksOpen: 1, minutesPlanned: 75, minutesDone: 25, routinesDue: 2, routinesChecked: 1 });
    // Tuesday-only and paused routines are not due on a Wednesday.
    expect(view.routines.map((r) => r.name)).toEqual(['Morning run', 'Gym']);
    const morning = view.routines[0]!;
    expect(morning.checkIn?.status).toBe('minimum');
    expect(morning.currentStreak).toBe(5);
    expect(morning.score).toBeGreaterThan(0.2);
    expect(view.routines[1]).toMatchObject({ id: gym.id, checkIn: null, currentStreak: 0 });
    expect(view.focusWindows.map((w) => `${w.start}–${w.end}`)).toEqual(['09:00–10:30']);
    // Finishing a task is a win too.
    expect(view.wins.map((w) => w.title).sort()).toEqual(['Booked the first demo', 'Call three leads']);
    expect(view.energy).toEqual({ energy: 4, sleepHours: 7.5 });
    expect(view.goals[0]?.primaryMetric?.name).toBe('Customers');
  });

  it('shows the same streak and score as the full history, for a streak longer than its window', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T09:00:00Z' });
    const run = await createRoutine(ctx, { name: 'Run', startDay: '2024-01-01', minimumVersion: 'Walk' });
    const weekly = await createRoutine(ctx, { name: 'Call mum', schedule: { kind: 'weekdays', weekdays: [3] }, startDay: '2024-01-01' });
    const rows = [];
    for (let d = 0; d < 1000; d++) {
      const day = addDays('2024-02-22', d);
      if (day > '2026-11-18') break;
      // A miss long ago, then more than 400 days in a row (some at the minimum).
      const status = day === '2025-09-01' ? ('missed' as const) : d % 5 === 0 ? ('minimum' as const) : ('done' as const);
      rows.push({ id: newId(), workspaceId: ctx.actor.workspaceId, routineId: run.id, day, status, value: null, note: '', createdAt: '2026-11-18T09:00:00Z', updatedAt: '2026-11-18T09:00:00Z' });
      if (isoWeekday(day) === 3 && d % 3 !== 0) rows.push({ id: newId(), workspaceId: ctx.actor.workspaceId, routineId: weekly.id, day, status: 'done' as const, value: null, note: '', createdAt: '2026-11-18T09:00:00Z', updatedAt: '2026-11-18T09:00:00Z' });
    }
    for (let i = 0; i < rows.length; i += 200) await ctx.db.insertInto('checkIns').values(rows.slice(i, i + 200)).execute();
    const view = await todayView(ctx);
    for (const routine of [run, weekly]) {
      const shown = view.routines.find((r) => r.id === routine.id)!;
      const full = await routineStreaks(ctx, { routineId: routine.id });
      const scores = await routineScores(ctx, { routineId: routine.id });
      expect(shown.currentStreak, routine.name).toBe(full.current);
      expect(Math.abs(shown.score - scores.series.at(-1)!.score), routine.name).toBeLessThan(5e-5);
    }
    // 2025-09-02 through yesterday; today is still open.
    expect(view.routines.find((r) => r.id === run.id)!.currentStreak).toBe(442);
  });

  it('keeps a streak whole when a long pause hides where it started, far back in the history', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T09:00:00Z' });
    // Monday, Wednesday, Friday since 2023, every one of them done; four months off in 2025.
    const gym = await createRoutine(ctx, { name: 'Gym', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, startDay: '2023-01-02' });
    await pauseRoutine(ctx, { routineId: gym.id, from: '2025-05-01', to: '2025-09-07' });
    const rows = [];
    for (let day = '2023-01-02'; day < '2026-11-18'; day = addDays(day, 1)) {
      if (![1, 3, 5].includes(isoWeekday(day))) continue;
      rows.push({ id: newId(), workspaceId: ctx.actor.workspaceId, routineId: gym.id, day, status: 'done' as const, value: null, note: '', createdAt: '2026-11-18T09:00:00Z', updatedAt: '2026-11-18T09:00:00Z' });
    }
    for (let i = 0; i < rows.length; i += 200) await ctx.db.insertInto('checkIns').values(rows.slice(i, i + 200)).execute();
    const shown = (await todayView(ctx)).routines.find((r) => r.id === gym.id)!;
    const full = await routineStreaks(ctx, { routineId: gym.id });
    const scores = await routineScores(ctx, { routineId: gym.id });
    expect(full.current).toBeGreaterThan(500);
    expect(shown.currentStreak).toBe(full.current);
    expect(Math.abs(shown.score - scores.series.at(-1)!.score)).toBeLessThan(5e-5);
  });

  it('counts a late-night check-in before the start of day for the evening before', async () => {
    // 01:30 in Paris on the 19th, with days that start at 04:00: still the 18th.
    const ctx = await s.newCtx({ now: '2026-11-19T00:30:00Z', dayStartHour: 4 });
    const run = await createRoutine(ctx, { name: 'Read', startDay: '2026-11-10' });
    await checkInRoutine(ctx, { routineId: run.id });
    const view = await todayView(ctx);
    expect(view.day).toBe('2026-11-18');
    expect(view.routines[0]?.checkIn?.day).toBe('2026-11-18');
  });

  it('shows nothing of another workspace', async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    await addTask(alice, { title: 'Private plan', minutes: 30 });
    await createRoutine(alice, { name: 'Secret habit' });
    const view = await todayView(bob);
    expect(view.tasks).toEqual([]);
    expect(view.routines).toEqual([]);
  });
});
