import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filesUnder, loopAnchor as anchor, zip } from '#test/zip.js';
import { dataEndpoints as d } from '#contracts/api/data.js';
import { insightsEndpoints as i } from '#contracts/api/insights.js';
import type { Ctx } from '#core/context.js';
import { logEnergy } from '#core/energy/log-energy.js';
import { createExperiment } from '#core/experiments/create-experiment.js';
import { addMetric } from '#core/goals/add-metric.js';
import { createGoal } from '#core/goals/create-goal.js';
import { recordMeasurement } from '#core/goals/record-measurement.js';
import { addLesson } from '#core/lessons/add-lesson.js';
import { checkInRoutine } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { addTask } from '#core/tasks/add-task.js';
import { completeTask } from '#core/tasks/complete-task.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import { cliRunner } from '#test/cli.js';
import { describeServer, type TestUser } from '#test/server.js';


type ExportDoc = { workspace: object; tables: Record<string, Array<Record<string, unknown>>> };

/**
 * An export with its ids replaced by the table they belong to and the person by "<user>", each
 * table's rows sorted: two workspaces with the same content give equal documents.
 */
function comparable(doc: ExportDoc, userId: string): object {
  const owner = new Map<string, string>();
  for (const [table, rows] of Object.entries(doc.tables)) for (const row of rows) if (typeof row.id === 'string') owner.set(row.id, table);
  const tables: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(doc.tables)) {
    tables[table] = rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === userId ? '<user>' : typeof v === 'string' && owner.has(v) ? `<${owner.get(v)}>` : v]))))
      .sort();
  }
  return { workspace: doc.workspace, tables };
}

describeServer('data routes', (s) => {
  const ctxOf = async (user: TestUser): Promise<Ctx> => ({ db: s.db(), clock: s.clock, actor: (await actorFor(s.db(), user.userId, user.workspaceId))! });
  const routinesOf = (user: TestUser) => s.db().selectFrom('routines').select(['id', 'name']).where('workspaceId', '=', user.workspaceId).orderBy('position').execute();

  /** A workspace with a bit of everything that references something else. */
  async function filled(user: TestUser) {
    const ctx = await ctxOf(user);
    const { goal } = await createGoal(ctx, { title: 'First 10 customers', purpose: 'seed-secret purpose', targetDate: '2027-03-31' });
    const metric = await addMetric(ctx, { goalId: goal.id, name: 'Customers', baseline: 0, target: 10, targetDate: '2027-03-31' });
    await recordMeasurement(ctx, { metricId: metric.id, value: 2, day: '2026-11-17', note: 'two demos' });
    const routine = await createRoutine(ctx, { name: 'Morning run', goalId: goal.id, startDay: '2026-11-10' });
    for (const day of ['2026-11-10', '2026-11-11', '2026-11-13', '2026-11-17']) await checkInRoutine(ctx, { routineId: routine.id, day });
    const task = await addTask(ctx, { title: 'Call Ana', minutes: 30, goalId: goal.id });
    await completeTask(ctx, { taskId: task.id });
    await logEnergy(ctx, { energy: 4, sleepHours: 7 });
    await createExperiment(ctx, { title: 'Short onboarding', assumption: 'Shorter helps', hypothesis: 'More finish', goalId: goal.id, metricId: metric.id, endDay: '2026-11-30', variants: ['Long', 'Short'] });
    await addLesson(ctx, { title: 'Ask for the sale', body: 'seed-secret lesson', tags: ['sales'] });
    return { goal, routine };
  }

  it('exports a workspace and restores it over HTTP into a new one with the same data and scores', async () => {
    const me = await s.user();
    const { routine } = await filled(me);
    const exported = await s.call(me, d.exportWorkspace, {});
    expect(exported.statusCode).toBe(200);
    const doc = exported.json() as ExportDoc & { format: string; version: number };
    expect(doc).toMatchObject({ format: 'smallwins-export', version: 1 });
    expect(doc.tables.checkIns).toHaveLength(4);

    const fresh = await s.user();
    const restored = await s.call(fresh, d.restoreWorkspace, doc);
    expect(restored.statusCode).toBe(201);
    expect(restored.json()).toMatchObject({ renumbered: true, rows: { goals: 1, metrics: 1, routines: 1, checkIns: 4, tasks: 1, experiments: 1, experimentVariants: 2, lessons: 1 } });

    const again = (await s.call(fresh, d.exportWorkspace, {})).json() as ExportDoc;
    expect(comparable(again, fresh.userId)).toEqual(comparable(doc, me.userId));
    const [copy] = await routinesOf(fresh);
    expect(copy!.id).not.toBe(routine.id);
    const scores = async (user: TestUser, routineId: string) => (await s.call(user, i.routineScores, { routineId })).json().series;
    expect(await scores(fresh, copy!.id)).toEqual(await scores(me, routine.id));

    // The workspace has content now: a second restore is refused and changes nothing.
    const twice = await s.call(fresh, d.restoreWorkspace, doc);
    expect(twice.statusCode).toBe(409);
    expect(await routinesOf(fresh)).toHaveLength(1);
  });

  it('writes one CSV document per table', async () => {
    const me = await s.user();
    await filled(me);
    const res = await s.call(me, d.exportCsv, {});
    expect(res.statusCode).toBe(200);
    const files = res.json().files as Array<{ name: string; content: string }>;
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['goals.csv', 'routines.csv', 'checkIns.csv']));
    const goals = files.find((f) => f.name === 'goals.csv')!.content.split('\r\n');
    expect(goals[0]).toMatch(/^id,title,purpose,/);
    expect(goals[1]).toMatch(/First 10 customers,seed-secret purpose,/);
  });

  it('refuses a foreign document with 400 and its field paths, and restores nothing', async () => {
    const me = await s.user();
    const res = await s.call(me, d.restoreWorkspace, { format: 'something-else', tables: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((x: { path: string }) => x.path)).toEqual(expect.arrayContaining(['format', 'version', 'workspace']));
    const notJson = await s.app().inject({ method: 'POST', url: `/api/v1/workspaces/${me.workspaceId}/restore`, headers: { ...me.headers, 'content-type': 'application/json' }, payload: '[1,2]' });
    expect(notJson.statusCode).toBe(400);
    expect((await s.call(me, d.exportWorkspace, {})).json().tables.goals).toEqual([]);
  });

  it("refuses a document that points at another workspace's rows", async () => {
    const victim = await s.user();
    const { goal } = await filled(victim);
    const me = await s.user();
    const doc = (await s.call(me, d.exportWorkspace, {})).json() as ExportDoc;
    doc.tables.tasks = [{
      id: 'task-of-mine-0001', goalId: goal.id, microGoalId: null, title: 'Peek', minutes: 30, day: '2026-11-18', status: 'planned',
      actualMinutes: null, carriedFromId: null, note: '', position: 0, doneAt: null, createdAt: '2026-11-18T09:00:00.000Z',
    }];
    const res = await s.call(me, d.restoreWorkspace, doc);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/refers to goalId .* not a row of goals in the file/);
    expect(res.body).not.toContain('seed-secret');
    expect(await s.db().selectFrom('tasks').select('id').where('workspaceId', '=', me.workspaceId).execute()).toEqual([]);
  });

  it('lets only admins export, restore and import', async () => {
    const owner = await s.user();
    const member = await s.user();
    const viewer = await s.user();
    const admin = await s.user();
    await s.join(member, owner.workspaceId, 'member');
    await s.join(viewer, owner.workspaceId, 'viewer');
    await s.join(admin, owner.workspaceId, 'admin');
    const doc = (await s.call(owner, d.exportWorkspace, {})).json();
    const loop = { filename: 'loop.db', content: readFileSync(anchor('uhabits-core-assets-test/loop.db')).toString('base64') };
    const calls = [[d.exportWorkspace, {}], [d.exportCsv, {}], [d.restoreWorkspace, doc], [d.importLoop, loop]] as const;
    for (const who of [member, viewer]) {
      for (const [e, input] of calls) {
        const res = await s.call(who, e, input, { workspaceId: owner.workspaceId });
        expect(res.statusCode, e.id).toBe(403);
        expect(res.json().error.message).toMatch(/admin role/);
      }
    }
    expect(await routinesOf(owner)).toEqual([]);
    expect((await s.call(admin, d.exportWorkspace, {}, { workspaceId: owner.workspaceId })).statusCode).toBe(200);
    const imported = await s.call(admin, d.importLoop, loop, { workspaceId: owner.workspaceId });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().source).toBe('db');
    expect((await routinesOf(owner)).length).toBe(imported.json().routines.length);
  });

  it("imports a real Loop export sent as a zip, with the same scores as Loop's Scores.csv", async () => {
    const me = await s.user();
    const sample = 'real-exports/rahullath-meshOlake';
    const content = zip(filesUnder(anchor(sample))).toString('base64');
    const res = await s.call(me, d.importLoop, { filename: 'Loop Habits CSV 2025-04-18.zip', content });
    expect(res.statusCode).toBe(201);
    const result = res.json() as { source: string; routines: Array<{ id: string; loopName: string; numerical: boolean }> };
    expect(result.source).toBe('csv');
    expect(result.routines).toHaveLength(10);

    const rows = readFileSync(anchor(sample, 'Scores.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const days = rows.map((r) => r[0]!).sort();
    let compared = 0;
    for (const [n, routine] of result.routines.entries()) {
      if (routine.numerical) continue;
      const series = (await s.call(me, i.routineScores, { routineId: routine.id, to: days.at(-1) })).json().series as Array<{ date: string; score: number }>;
      const byDay = new Map(series.map((x) => [x.date, x.score]));
      for (const row of rows) {
        expect(Math.abs((byDay.get(row[0]!) ?? 0) - Number(row[n + 1])), `${routine.loopName} on ${row[0]}`).toBeLessThanOrEqual(0.00005 + 1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('imports the files of an unzipped export, as the CLI sends a folder', async () => {
    const me = await s.user();
    const files = filesUnder(anchor('uhabits-core-assets-test/csv_export')).map(([p, bytes]) => ({ path: p, content: bytes.toString('base64') }));
    const res = await s.call(me, d.importLoop, { filename: 'csv_export', files });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'csv', checkIns: 7, routines: [{ name: 'Meditate' }, { name: 'Wake up early', scheduleKind: 'times', timesPerPeriod: 2, periodDays: 3 }] });
    const loop = (await s.call(me, i.routineScores, { routineId: res.json().routines[1].id, from: '2015-01-25', to: '2015-01-25' })).json();
    expect(loop.series).toEqual([{ date: '2015-01-25', score: 0.2557 }]);
  });

  it('answers a foreign or damaged file with 400 and imports nothing', async () => {
    const me = await s.user();
    const b64 = (file: string) => readFileSync(anchor(file)).toString('base64');
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ filename: 'habitbull.csv', content: b64('uhabits-core-assets-test/habitbull.csv') }, 'content', /habitbull\.csv is not a Loop Habit Tracker export: it is a lone CSV file/],
      [{ filename: 'rewire.db', content: b64('uhabits-core-assets-test/rewire.db') }, 'content', /no Habits and Repetitions tables/],
      [{ filename: 'cut.db', content: readFileSync(anchor('uhabits-core-assets-test/loop.db')).subarray(0, 5000).toString('base64') }, 'content', /reading it failed|cannot be opened/],
      [{ filename: 'empty.zip', content: '' }, 'content', /the file is empty/],
      [{ filename: 'half.zip', content: zip(filesUnder(anchor('uhabits-core-assets-test/csv_export'))).subarray(0, 300).toString('base64') }, 'content', /zip archive cannot be read/],
      [{ filename: 'folder', files: [{ path: 'notes.txt', content: 'aGk=' }] }, 'files', /has no Habits\.csv/],
      [{ filename: 'x.zip', content: 'not base64!' }, 'content', /base64/],
      [{ filename: 'x.zip' }, 'content', /either content/],
      [{ filename: '', content: 'aGk=' }, 'filename', /filename/],
    ];
    for (const [input, field, message] of cases) {
      const res = await s.call(me, d.importLoop, input);
      expect(res.statusCode, String(input.filename)).toBe(400);
      expect(res.json().error.message, String(input.filename)).toMatch(message);
      expect(res.json().error.details.map((x: { path: string }) => x.path), String(input.filename)).toContain(field);
    }
    expect(await routinesOf(me)).toEqual([]);
    expect(await s.db().selectFrom('checkIns').select('id').where('workspaceId', '=', me.workspaceId).execute()).toEqual([]);
  });

  it('takes bodies above the default 1 MiB on restore and import, up to 64 MiB', async () => {
    const me = await s.user();
    const big = { filename: 'big.bin', content: Buffer.alloc(2 * 1024 * 1024, 7).toString('base64') };
    const res = await s.call(me, d.importLoop, big);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/neither a zip archive nor an SQLite backup/);
  });

  it("runs the CLI's export, import and Loop import over HTTP; backup stays local", async () => {
    const me = await s.user();
    const { routine } = await filled(me);
    const fresh = await s.user();
    const address = await s.app().listen({ host: '127.0.0.1', port: 0 });
    const dir = mkdtempSync(path.join(tmpdir(), 'smallwins-data-cli-'));
    const cli = (user: TestUser) => cliRunner({ env: { SMALLWINS_SERVER: address, SMALLWINS_TOKEN: user.token, SMALLWINS_WORKSPACE: user.workspaceId } });
    const mine = cli(me);
    const theirs = cli(fresh);
    const file = path.join(dir, 'backup.json');
    const exported = await mine('export', '--out', file, '--csv', path.join(dir, 'csv'));
    expect(exported.stderr).toMatch(/CSV files written to[\s\S]*rows exported to/);
    expect(existsSync(path.join(dir, 'csv', 'goals.csv'))).toBe(true);
    const restored = await theirs('import', file);
    expect(restored.stdout).toMatch(/✓ Restored \d+ rows from .*backup\.json \(ids renumbered/);
    const [copy] = await routinesOf(fresh);
    const scores = async (sw: typeof mine, id: string) => (await sw('--json', 'routine', 'scores', id)).json();
    expect(await scores(theirs, copy!.id)).toEqual(await scores(mine, routine.id));

    const folder = await mine('import', 'loop', anchor('uhabits-core-assets-test/csv_export'));
    expect(folder.stdout).toMatch(/✓ Imported 2 routines and 7 check-ins from a Loop CSV export/);
    const habits = await mine('--json', 'import', 'loop', anchor('uhabits-v2.3.0-csv_export', 'Habits.csv'));
    expect(habits.json()).toMatchObject({ source: 'csv', routines: [{ name: 'Meditate (Loop)' }, { name: 'Wake up early (Loop)' }] });
    const backup = await mine('--json', 'import', 'loop', anchor('uhabits-core-assets-test/loop.db'));
    expect(backup.json()).toMatchObject({ source: 'db' });
    expect((await mine('--json', 'routine', 'scores', 'Wake up early', '--from', '2015-01-25', '--to', '2015-01-25')).json()).toEqual([{ date: '2015-01-25', score: 0.2557 }]);
    const foreign = await mine('import', 'loop', anchor('uhabits-core-assets-test/habitbull.csv'));
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/habitbull\.csv is not a Loop Habit Tracker export: it is a lone CSV file/);

    const local = await mine('backup', path.join(dir, 'copy.db'));
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/works on the local database only/);
  });
});
