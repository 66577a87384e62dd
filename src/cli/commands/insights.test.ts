import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importLoop } from '#core/import/loop/import-loop.js';
import { newId } from '#core/ids.js';
import { localOwner } from '#core/workspaces/bootstrap.js';
import { cliRunner } from '#test/cli.js';
import { engines, openTestDb, type TestDb } from '#test/db.js';

const ANCHORS = path.resolve(process.cwd(), '../shared/anchors/loop');
const opened: TestDb[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

/** A CLI on a fresh database of `engine`, whose owner has the routine "Morning run" and a Loop import. */
async function setup(engine: 'sqlite' | 'postgres') {
  const handle = await openTestDb(engine);
  opened.push(handle);
  const sw = cliRunner({ databaseUrl: handle.url });
  const ctx = { db: handle.db, clock: sw.clock, actor: await localOwner(handle.db, sw.clock, { timeZone: 'Europe/Paris' }) };
  const id = newId();
  await ctx.db.insertInto('routines').values({
    id, workspaceId: ctx.actor.workspaceId, goalId: null, name: 'Morning run', scheduleKind: 'daily', timesPerPeriod: null, periodDays: null,
    weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '', minimumVersion: '', reminderTime: null,
    startDay: '2026-11-10', archivedAt: null, position: 0, createdAt: '2026-11-10T08:00:00.000Z',
  }).execute();
  const statuses = ['done', 'done', 'done', 'done', 'missed', 'done', 'skipped', 'minimum', 'done'] as const;
  await ctx.db.insertInto('checkIns').values(statuses.map((status, i) => ({
    id: newId(), workspaceId: ctx.actor.workspaceId, routineId: id, day: `2026-11-${String(10 + i)}`, status, value: null, note: '',
    createdAt: '2026-11-10T08:00:00.000Z', updatedAt: '2026-11-10T08:00:00.000Z',
  }))).execute();
  await importLoop(ctx, { path: path.join(ANCHORS, 'uhabits-core-assets-test/csv_export') });
  return { sw, id };
}

for (const engine of engines()) {
  describe(`smallwins routine scores / streaks [${engine}]`, () => {
    it('prints the daily score series as JSON, exactly date and score', async () => {
      const { sw } = await setup(engine);
      const res = await sw('routine', 'scores', 'morning run', '--json');
      expect(res.code).toBe(0);
      const series = res.json<Array<{ date: string; score: number }>>();
      expect(series).toHaveLength(9);
      expect(series[0]).toEqual({ date: '2026-11-10', score: 0.0519 });
      expect(series.every((d) => Object.keys(d).join() === 'date,score' && d.score === Math.round(d.score * 1e4) / 1e4)).toBe(true);
      const range = await sw('--json', 'routine', 'scores', 'Morning run', '--from', '2026-11-15', '--to', '2026-11-16');
      expect(range.json<Array<{ date: string }>>().map((d) => d.date)).toEqual(['2026-11-15', '2026-11-16']);
    });

    it('shows a compact table of recent scores', async () => {
      const { sw } = await setup(engine);
      const res = await sw('routine', 'scores', 'Wake up early');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Wake up early \(\w{6}\) strength score/);
      expect(res.stdout).toMatch(/DATE\s+SCORE/);
      expect(res.stdout).toMatch(/2026-11-18\s+\d+\.\d%\s+[█·]{20}/);
      expect(res.stdout).toMatch(/Showing the last 30 of \d+ days/);
      // Loop's own export of this habit says 0.2557 on 2015-01-25.
      const loop = await sw('--json', 'routine', 'scores', 'Wake up early', '--from', '2015-01-25', '--to', '2015-01-25');
      expect(loop.json()).toEqual([{ date: '2015-01-25', score: 0.2557 }]);
    });

    it('lists current, best and every streak', async () => {
      const { sw } = await setup(engine);
      const json = await sw('--json', 'routine', 'streaks', 'Morning run');
      expect(json.json()).toMatchObject({ name: 'Morning run', current: 3, best: 4, streaks: [{ start: '2026-11-15', end: '2026-11-18', length: 3 }, { start: '2026-11-10', end: '2026-11-13', length: 4 }] });
      const human = await sw('routine', 'streaks', 'Morning run');
      expect(human.stdout).toMatch(/Current streak\s+3 days/);
      expect(human.stdout).toMatch(/Best streak\s+4 days/);
      expect(human.stdout).toMatch(/2026-11-15\s+2026-11-18\s+3\s+✓ current/);
      expect(human.stdout).toMatch(/2026-11-10\s+2026-11-13\s+4\s+★ best/);
      const empty = await sw('routine', 'streaks', 'Meditate');
      expect(empty.stdout).toMatch(/No streaks yet/);
    });

    it('answers bad input with the right exit code and message', async () => {
      const { sw } = await setup(engine);
      const unknown = await sw('routine', 'scores', 'Evening swim');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/No routine matches "Evening swim"/);
      const reversed = await sw('routine', 'scores', 'Morning run', '--from', '2026-11-18', '--to', '2026-11-01');
      expect(reversed.code).toBe(2);
      expect(reversed.stderr).toMatch(/from must not be after to/);
      const missing = await sw('routine', 'streaks');
      expect(missing.code).toBe(2);
      const help = await sw('routine', 'scores', '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:\n\s+smallwins routine scores/);
    });
  });
}
