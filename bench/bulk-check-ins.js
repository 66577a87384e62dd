// 100k check-ins: the app's storage path against a raw prepared statement, same file settings.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connect, migrateToLatest } from '../dist/db/connect.js';
import { newId } from '../dist/core/ids.js';
import { fixedClock } from '../dist/core/time/clock.js';
import { addDays } from '../dist/core/time/plain-date.js';
import { createUserWithWorkspace } from '../dist/core/workspaces/bootstrap.js';

function rowsFor(ws, routineIds, n) {
  const rows = [];
  const perRoutine = Math.ceil(n / routineIds.length);
  for (const [r, routineId] of routineIds.entries()) {
    for (let d = 0; d < perRoutine && rows.length < n; d++) {
      rows.push({ id: newId(), workspaceId: ws, routineId, day: addDays('1990-01-01', d), status: (d + r) % 5 ? 'done' : 'skipped', value: null, note: '', createdAt: '2026-11-18T08:00:00.000Z', updatedAt: '2026-11-18T08:00:00.000Z' });
    }
  }
  return rows;
}

async function prepare(file) {
  const db = await connect({ url: file, synchronous: 'FULL' });
  await migrateToLatest(db);
  const actor = await createUserWithWorkspace(db, fixedClock('2026-11-18T08:00:00Z'), { name: 'Bulk', timeZone: 'UTC' });
  const routineIds = [];
  for (let r = 0; r < 10; r++) {
    const id = newId();
    routineIds.push(id);
    await db.insertInto('routines').values({ id, workspaceId: actor.workspaceId, goalId: null, name: `R${r}`, scheduleKind: 'daily', timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '', minimumVersion: '', reminderTime: null, startDay: '1990-01-01', archivedAt: null, position: r, createdAt: '2026-11-18T08:00:00.000Z' }).execute();
  }
  return { db, ws: actor.workspaceId, routineIds };
}

export async function benchBulkCheckIns(dir, n) {
  mkdirSync(dir, { recursive: true });

  const raw = await prepare(join(dir, 'raw.db'));
  const rawRows = rowsFor(raw.ws, raw.routineIds, n);
  await raw.db.destroy();
  const sqlite = new Database(join(dir, 'raw.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const stmt = sqlite.prepare('INSERT INTO check_ins (id, workspace_id, routine_id, day, status, value, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let t0 = process.hrtime.bigint();
  sqlite.transaction(() => {
    for (const r of rawRows) stmt.run(r.id, r.workspaceId, r.routineId, r.day, r.status, r.value, r.note, r.createdAt, r.updatedAt);
  })();
  const rawMs = Number(process.hrtime.bigint() - t0) / 1e6;
  sqlite.close();

  const app = await prepare(join(dir, 'app.db'));
  const appRows = rowsFor(app.ws, app.routineIds, n);
  t0 = process.hrtime.bigint();
  await app.db.transaction().execute(async (trx) => {
    for (let i = 0; i < appRows.length; i += 500) await trx.insertInto('checkIns').values(appRows.slice(i, i + 500)).execute();
  });
  const appMs = Number(process.hrtime.bigint() - t0) / 1e6;
  await app.db.destroy();
  return { rawMs, appMs };
}
