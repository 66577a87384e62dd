// Builds a workspace with a year of history straight through the storage layer (fast, realistic shape).
import { join } from 'node:path';
import { connect, migrateToLatest } from '../dist/db/connect.js';
import { newId } from '../dist/core/ids.js';
import { fixedClock } from '../dist/core/time/clock.js';
import { addDays } from '../dist/core/time/plain-date.js';
import { isoWeekOf } from '../dist/core/time/iso-week.js';
import { createUserWithWorkspace } from '../dist/core/workspaces/bootstrap.js';

const DAYS = 365;
const ROUTINES = 20;

export async function seedYear(dataDir, { routines = ROUTINES, days = DAYS, tasksPerDay = 4 } = {}) {
  const now = '2026-11-18T08:00:00.000Z';
  const today = '2026-11-18';
  const start = addDays(today, -days);
  const db = await connect({ url: join(dataDir, 'smallwins.db'), synchronous: 'NORMAL' });
  await migrateToLatest(db);
  const actor = await createUserWithWorkspace(db, fixedClock(now), { name: 'Bench', timeZone: 'Europe/Paris' });
  const ws = actor.workspaceId;
  let checkIns = 0;
  let tasks = 0;
  await db.transaction().execute(async (trx) => {
    const goalId = newId();
    await trx.insertInto('goals').values({ id: goalId, workspaceId: ws, title: 'First 100 customers', purpose: 'Prove it sells', leveragePoint: 'Onboarding', status: 'active', targetDate: '2027-06-30', createdAt: now, updatedAt: now }).execute();
    for (let r = 0; r < routines; r++) {
      const routineId = newId();
      const weekly = r % 4 === 3;
      await trx.insertInto('routines').values({
        id: routineId, workspaceId: ws, goalId: r < 5 ? goalId : null, name: `Routine ${r + 1}`,
        scheduleKind: weekly ? 'weekdays' : 'daily', timesPerPeriod: null, periodDays: null,
        weekdays: weekly ? '1,3,5' : null, rrule: null, targetKind: 'none', targetValue: null, unit: '',
        minimumVersion: r % 2 ? 'Just five minutes' : '', reminderTime: null, startDay: start, archivedAt: null,
        position: r, createdAt: now,
      }).execute();
      const rows = [];
      for (let d = 0; d < days; d++) {
        if ((d * 7 + r * 3) % 10 < 2) continue; // some days without a check-in
        const day = addDays(start, d);
        rows.push({ id: newId(), workspaceId: ws, routineId, day, status: (d + r) % 9 === 0 ? 'minimum' : 'done', value: null, note: '', createdAt: now, updatedAt: now });
      }
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('checkIns').values(rows.slice(i, i + 500)).execute();
      checkIns += rows.length;
    }
    for (let d = 0; d <= days; d++) {
      const day = addDays(start, d);
      const microGoalId = newId();
      if (d % 7 === 0) {
        await trx.insertInto('microGoals').values({ id: microGoalId, workspaceId: ws, goalId, week: isoWeekOf(day), title: `Ship step ${d / 7}`, status: d < days - 7 ? 'done' : 'planned', result: '', position: 0, doneAt: null, createdAt: now }).execute();
      }
      const rows = [];
      for (let t = 0; t < tasksPerDay; t++) {
        rows.push({ id: newId(), workspaceId: ws, goalId, microGoalId: null, title: `Task ${t + 1} of ${day}`, minutes: 15 + 15 * (t % 4), day, status: day < today ? (t === 3 ? 'skipped' : 'done') : 'planned', actualMinutes: null, carriedFromId: null, note: '', position: t, doneAt: null, createdAt: now });
      }
      await trx.insertInto('tasks').values(rows).execute();
      tasks += rows.length;
      await trx.insertInto('wins').values({ id: newId(), workspaceId: ws, userId: actor.userId, title: `Win of ${day}`, note: '', source: 'manual', sourceId: null, visibility: 'private', day, createdAt: now }).execute();
      await trx.insertInto('energyEntries').values({ id: newId(), workspaceId: ws, userId: actor.userId, day, energy: 1 + (d % 5), sleepHours: 6 + (d % 3), note: '', createdAt: now, updatedAt: now }).execute();
    }
  });
  await db.destroy();
  return { routines, checkIns, tasks, now, actor };
}
