import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '#db/connect.js';
import { describeEachEngine, openTestDb, type TestDb } from '#test/db.js';
import type { Ctx } from '../context.js';
import { addMetric } from '../goals/add-metric.js';
import { createGoal } from '../goals/create-goal.js';
import { recordMeasurement } from '../goals/record-measurement.js';
import { checkInRoutine } from '../routines/check-in-routine.js';
import { createRoutine } from '../routines/create-routine.js';
import { addLesson } from '../lessons/add-lesson.js';
import { searchLessons } from '../lessons/search-lessons.js';
import { newId } from '../ids.js';
import { fixedClock } from '../time/clock.js';
import { addDays } from '../time/plain-date.js';
import { todayView } from '../today/today-view.js';
import { createUserWithWorkspace } from '../workspaces/bootstrap.js';
import { backupDatabase } from './backup.js';
import { exportToCsv } from './csv-export.js';
import { exportWorkspace } from './export-workspace.js';
import { importWorkspace } from './import-workspace.js';
import { ACCOUNT_TABLES, DERIVED_TABLES, WORKSPACE_TABLES } from './table-registry.js';

const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s));
const title = fc.oneof(text(40), fc.constant('Ω'.repeat(200)), fc.constant('🚀 ünïcødé — “quotes”, commas, and \'apostrophes\''));
const body = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant('长'.repeat(10_000)));

interface Seed {
  goals: Array<{ title: string; purpose: string; values: number[] }>;
  lessons: Array<{ title: string; body: string; tags: string[] }>;
  wins: string[];
}

const seedArb: fc.Arbitrary<Seed> = fc.record({
  goals: fc.array(fc.record({ title, purpose: body, values: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), { maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
  lessons: fc.array(fc.record({ title, body, tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,12}$/), { maxLength: 3 }) }), { maxLength: 3 }),
  wins: fc.array(title, { maxLength: 3 }),
});

/** Fill a workspace through the use cases where they exist, and rows for the rest. */
async function seed(ctx: Ctx, s: Seed): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const ws = ctx.actor.workspaceId;
  for (const g of s.goals) {
    const { goal } = await createGoal(ctx, { title: g.title, purpose: g.purpose, targetDate: '2027-01-31' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: g.title, target: 10, baseline: 0 });
    for (const [i, v] of g.values.entries()) await recordMeasurement(ctx, { metricId: metric.id, value: v, day: `2026-11-${String(10 + i).padStart(2, '0')}`, note: g.purpose.slice(0, 50) });
    const first = newId();
    await ctx.db.insertInto('tasks').values([
      { id: first, workspaceId: ws, goalId: goal.id, microGoalId: null, title: g.title, minutes: 30, day: '2026-11-17', status: 'carried', actualMinutes: null, carriedFromId: null, note: '', position: 0, doneAt: null, createdAt: now },
      { id: newId(), workspaceId: ws, goalId: goal.id, microGoalId: null, title: g.title, minutes: 30, day: '2026-11-18', status: 'done', actualMinutes: 42, carriedFromId: first, note: g.purpose, position: 0, doneAt: now, createdAt: now },
    ]).execute();
  }
  for (const l of s.lessons) {
    const id = newId();
    await ctx.db.insertInto('lessons').values({ id, workspaceId: ws, title: l.title, body: l.body, origin: 'failure', day: '2026-11-18', createdAt: now, updatedAt: now }).execute();
    for (const tag of l.tags) await ctx.db.insertInto('lessonTags').values({ workspaceId: ws, lessonId: id, tag }).execute();
  }
  for (const w of s.wins) {
    await ctx.db.insertInto('wins').values({ id: newId(), workspaceId: ws, userId: ctx.actor.userId, title: w, note: '', source: 'manual', sourceId: null, visibility: 'private', day: '2026-11-18', createdAt: now }).execute();
  }
}

/** User ids belong to an installation, not to the content: compare without them. */
function content(file: Awaited<ReturnType<typeof exportWorkspace>>): unknown {
  const tables = Object.fromEntries(Object.entries(file.tables).map(([t, rows]) => [t, rows.map(({ userId: _u, ...r }) => r)]));
  return { workspace: file.workspace, tables };
}

describeEachEngine('export and import', (s) => {
  let target: TestDb;
  beforeAll(async () => {
    target = await openTestDb(s.engine);
  });
  afterAll(async () => {
    await target.close();
  });
  const freshTarget = async (): Promise<Ctx> => {
    const clock = fixedClock('2026-11-20T08:00:00Z');
    return { db: target.db, clock, actor: await createUserWithWorkspace(target.db, clock, { name: 'Restorer', timeZone: 'UTC' }) };
  };

  it('round-trips any workspace content losslessly into an empty workspace of another database', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, async (data) => {
        const source = await s.newCtx();
        await seed(source, data);
        const exported = await exportWorkspace(source);
        const restoredCtx = await freshTarget();
        const result = await importWorkspace(restoredCtx, JSON.parse(JSON.stringify(exported)));
        expect(result.renumbered).toBe(false);
        const again = await exportWorkspace(restoredCtx);
        expect(content(again)).toEqual(content(exported));
      }),
      { seed: 20261122, numRuns: 8 },
    );
  });

  it('renumbers every id, keeping references, when restoring next to the original', async () => {
    const source = await s.newCtx();
    await seed(source, { goals: [{ title: 'Grow', purpose: 'why', values: [1, 2] }], lessons: [{ title: 'L', body: 'b', tags: ['x'] }], wins: ['w'] });
    const exported = await exportWorkspace(source);
    const copy = await s.newCtx();
    const result = await importWorkspace(copy, exported);
    expect(result.renumbered).toBe(true);
    const again = await exportWorkspace(copy);
    const goalIds = new Set(again.tables.goals!.map((g) => g.id));
    expect(again.tables.metrics!.every((m) => goalIds.has(m.goalId))).toBe(true);
    const taskIds = new Set(again.tables.tasks!.map((t) => t.id));
    expect(again.tables.tasks!.filter((t) => t.carriedFromId).every((t) => taskIds.has(t.carriedFromId))).toBe(true);
    expect(again.tables.goals!.map((g) => g.title)).toEqual(['Grow']);
    expect(goalIds.has(exported.tables.goals![0]!.id)).toBe(false);
  });

  it('refuses a non-empty workspace and bad files, restoring nothing', async () => {
    const source = await s.newCtx();
    await seed(source, { goals: [{ title: 'Grow', purpose: '', values: [] }], lessons: [], wins: [] });
    const exported = await exportWorkspace(source);
    await expect(importWorkspace(source, exported)).rejects.toMatchObject({ code: 'conflict', message: /empty workspace/ });

    const empty = await freshTarget();
    await expect(importWorkspace(empty, { format: 'other' })).rejects.toMatchObject({ code: 'validation', message: /not a Small Wins export/ });
    await expect(importWorkspace(empty, { ...exported, version: 99 })).rejects.toMatchObject({ message: /upgrade Small Wins/ });
    await expect(importWorkspace(empty, { ...exported, tables: { ...exported.tables, secrets: [] } })).rejects.toMatchObject({ message: /secrets/ });
    // A broken row late in the file: the goals before it must not stay behind.
    const broken = structuredClone(exported);
    broken.tables.tasks = [{ ...broken.tables.tasks![0]!, minutes: null }];
    await expect(importWorkspace(empty, broken)).rejects.toMatchObject({ code: 'validation', message: /tasks rows 1–1 could not be restored/ });
    expect((await exportWorkspace(empty)).tables.goals).toEqual([]);
  });

  it('makes restored lessons searchable again', async () => {
    const source = await s.newCtx();
    await addLesson(source, { title: 'Cold outreach needs a warm intro', body: 'Referrals converted three times better', origin: 'experiment', tags: ['outreach'] });
    const restored = await freshTarget();
    await importWorkspace(restored, await exportWorkspace(source));
    const hits = await searchLessons(restored, { query: 'referrals' });
    expect(hits.map((h) => h.title)).toEqual(['Cold outreach needs a warm intro']);
    expect((await searchLessons(restored, { query: 'outreach' })).length).toBe(1);
  });

  it('leaves score checkpoints out of the export, and a restored workspace shows the same scores', async () => {
    const source = await s.newCtx();
    const run = await createRoutine(source, { name: 'Run', startDay: '2026-08-01' });
    for (let d = 1; d <= 60; d++) if (d % 4 !== 0) await checkInRoutine(source, { routineId: run.id, day: addDays('2026-11-18', -d) });
    const before = (await todayView(source)).routines[0]!;
    const stored = await s.db().selectFrom('routineScoreCheckpoints').select('day').where('routineId', '=', run.id).executeTakeFirstOrThrow();
    expect(stored.day).toBe('2026-11-11');
    const file = await exportWorkspace(source);
    expect(Object.keys(file.tables)).not.toContain('routineScoreCheckpoints');

    const target = await s.newCtx();
    await importWorkspace(target, JSON.parse(JSON.stringify(file)));
    const first = (await todayView(target)).routines[0]!;
    const again = (await todayView(target)).routines[0]!;
    for (const shown of [first, again]) expect({ score: shown.score, streak: shown.currentStreak }).toEqual({ score: before.score, streak: before.currentStreak });
  });

  it('writes one CSV per table with quoting', async () => {
    const source = await s.newCtx();
    await seed(source, { goals: [{ title: 'Say "hi", then go', purpose: 'line one\nline two', values: [3] }], lessons: [], wins: [] });
    const csv = exportToCsv(await exportWorkspace(source));
    expect(csv.get('goals.csv')).toContain('"Say ""hi"", then go"');
    expect(csv.get('goals.csv')).toContain('"line one\nline two"');
    expect([...csv.keys()]).toContain('checkIns.csv');
  });

  it('knows every workspace table of the schema', async () => {
    const tables = await s.db().introspection.getTables();
    const owned = tables.filter((t) => t.columns.some((c) => c.name === 'workspace_id' || c.name === 'workspaceId')).map((t) => t.name.replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase()));
    const known = new Set<string>([...WORKSPACE_TABLES.map((t) => t.table), ...DERIVED_TABLES, ...ACCOUNT_TABLES]);
    expect(owned.filter((t) => !known.has(t) && !t.startsWith('lessonSearch'))).toEqual([]);
  });

  if (s.engine === 'sqlite') {
    it('backs up the live database to a consistent, restorable copy', async () => {
      const source = await s.newCtx();
      await seed(source, { goals: [{ title: 'Backed up', purpose: '', values: [5] }], lessons: [], wins: [] });
      const file = join(mkdtempSync(join(tmpdir(), 'sw-backup-')), 'copy.db');
      await backupDatabase(s.db(), file);
      expect(existsSync(file)).toBe(true);
      await expect(backupDatabase(s.db(), file)).rejects.toMatchObject({ code: 'conflict' });
      const copy = await connect({ url: file });
      const ctx = { ...source, db: copy };
      expect(content(await exportWorkspace(ctx))).toEqual(content(await exportWorkspace(source)));
      await copy.destroy();
    });
  }
});
