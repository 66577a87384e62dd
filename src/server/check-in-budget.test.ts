import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRequest } from '#contracts/api/request.js';
import { systemsEndpoints as e } from '#contracts/api/systems.js';
import { createApiToken } from '#core/accounts/api-tokens.js';
import { newId } from '#core/ids.js';
import { fixedClock } from '#core/time/clock.js';
import { addDays } from '#core/time/plain-date.js';
import { createUserWithWorkspace } from '#core/workspaces/bootstrap.js';
import { buildServer } from '#server/app.js';
import { engines, openTestDb, type TestDb } from '#test/db.js';
import { testConfig } from '#test/server.js';

/*
 * The statement budget of the API's hot path, a check-in over HTTP: who calls and their role in the
 * workspace (one statement), then begin, the routine with its checkpoint, pauses and recent
 * check-ins (one), the upsert, the checkpoint (one), commit. Counted, not timed: a statement
 * added to this path fails here, and so would reading a history that grows with its length.
 */
const WARM_BUDGET = 6;

for (const engine of engines()) {
  describe(`check-in statement budget [${engine}]`, () => {
    let handle: TestDb | undefined;
    let app: FastifyInstance | undefined;
    const statements: string[] = [];
    // Wednesday 2026-11-18, 11:00 in Paris.
    const clock = fixedClock('2026-11-18T10:00:00Z');
    beforeAll(async () => {
      handle = await openTestDb(engine, { log: (event) => statements.push(event.query.sql) });
      app = await buildServer({ db: handle.db, clock, config: testConfig() });
    });
    afterAll(async () => {
      await app?.close();
      await handle?.close();
    });

    /** A person with a token, and a daily routine with `years` of check-ins written straight to the table. */
    async function seed(years: number) {
      const db = handle!.db;
      const actor = await createUserWithWorkspace(db, clock, { name: 'Budget', timeZone: 'Europe/Paris' });
      const { token } = await createApiToken(db, clock, { userId: actor.userId, name: 'bench' });
      const routineId = newId();
      const start = addDays('2026-11-18', -365 * years);
      const now = clock.now().toISOString();
      await db.insertInto('routines').values({
        id: routineId, workspaceId: actor.workspaceId, goalId: null, name: `Read ${years}`, scheduleKind: 'daily', timesPerPeriod: null, periodDays: null,
        weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '', minimumVersion: '', reminderTime: null, startDay: start,
        archivedAt: null, position: 1, createdAt: now,
      }).execute();
      const rows = [];
      for (let day = start; day < '2026-11-18'; day = addDays(day, 1)) {
        if (day.endsWith('5')) continue; // a few days missed, so streaks stay short of a record
        rows.push({ id: newId(), workspaceId: actor.workspaceId, routineId, day, status: 'done' as const, value: null, note: '', createdAt: now, updatedAt: now });
      }
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('checkIns').values(rows.slice(i, i + 500)).execute();
      return { workspaceId: actor.workspaceId, routineId, token };
    }

    async function checkIn(who: { workspaceId: string; routineId: string; token: string }, body: Record<string, unknown>) {
      const req = buildRequest(e.checkInRoutine, { routineId: who.routineId, ...body }, { workspaceId: who.workspaceId });
      statements.length = 0;
      const res = await app!.inject({ method: req.method, url: req.url, headers: { authorization: `Bearer ${who.token}` }, payload: req.body });
      expect(res.statusCode, res.body).toBe(201);
      return { count: statements.length, sql: [...statements], body: res.json() };
    }

    it(`spends at most ${WARM_BUDGET} statements on a check-in, however long the history`, async () => {
      for (const years of [1, 10]) {
        const who = await seed(years);
        // The first check-in reads the whole history once (no checkpoint yet) and stores one; the
        // token's last use is recorded then too (at most once a minute).
        const first = await checkIn(who, { day: '2026-11-17', status: 'done' });
        expect(first.count).toBeLessThanOrEqual(WARM_BUDGET + 2);
        const warm = await checkIn(who, { status: 'done' });
        expect(warm.count, warm.sql.join('\n')).toBeLessThanOrEqual(WARM_BUDGET);
        expect(warm.body).toMatchObject({ day: '2026-11-18', status: 'done' });
        const again = await checkIn(who, { day: '2026-11-17', status: 'done', note: 'late' });
        expect(again.count, again.sql.join('\n')).toBeLessThanOrEqual(WARM_BUDGET);
      }
    });
  });
}
