import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { filesUnder, loopAnchor as anchor, zip } from '#test/zip.js';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { routineProgress } from '../../insights/routine-progress.js';
import { importLoop, type LoopImportResult } from './import-loop.js';
import { readZip } from './zip-reader.js';

const CSV_SAMPLES = [
  'uhabits-core-assets-test/csv_export',
  'uhabits-v2.3.0-csv_export',
  'real-exports/rahullath-meshOlake',
  'real-exports/cramble19-dailyHabitsAppCSVAnalysis/DailyHabitAllFiles',
];
const DB_SAMPLES = [
  'uhabits-core-assets-test/loop.db',
  'uhabits-core-assets-test/databases/021.db',
  'uhabits-core-assets-test/databases/022.db',
  'other-loop-db/tkarabela-miscreaders-test.db',
];

const scratch = mkdtempSync(path.join(tmpdir(), 'smallwins-loop-'));
function scratchFile(name: string, content: Buffer | string): string {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, content);
  return file;
}

async function routinesOf(ctx: TestCtx) {
  return ctx.db.selectFrom('routines').selectAll().where('workspaceId', '=', ctx.actor.workspaceId).orderBy('position').execute();
}

async function checkInsOf(ctx: TestCtx, routineId: string) {
  return ctx.db.selectFrom('checkIns').selectAll().where('workspaceId', '=', ctx.actor.workspaceId).where('routineId', '=', routineId).orderBy('day').execute();
}

/** Our score of each imported yes/no habit on each day of the sample's Scores.csv. */
async function compareScores(ctx: TestCtx, sample: string, result: LoopImportResult): Promise<number> {
  const lines = readFileSync(anchor(sample, 'Scores.csv'), 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((l) => l.split(','));
  const lastDay = rows.map((r) => r[0]!).sort().at(-1)!;
  let compared = 0;
  for (const [i, imported] of result.routines.entries()) {
    if (imported.numerical) continue;
    const routine = (await ctx.db.selectFrom('routines').selectAll().where('id', '=', imported.id).executeTakeFirstOrThrow());
    const progress = routineProgress(routine, await checkInsOf(ctx, imported.id), [], { today: lastDay });
    const byDay = new Map(progress.series.map((d) => [d.date, d.score]));
    for (const row of rows) {
      const expected = Number(row[i + 1]);
      const ours = byDay.get(row[0]!) ?? 0;
      expect(Math.abs(ours - expected), `${imported.loopName} on ${row[0]}`).toBeLessThanOrEqual(0.00005 + 1e-9);
      compared++;
    }
  }
  return compared;
}

describeEachEngine('import from Loop Habit Tracker', (s) => {
  it('imports the reference CSV export: schedules, check-ins, notes, and no automatic days', async () => {
    const ctx = await s.newCtx();
    const result = await importLoop(ctx, { path: anchor('uhabits-core-assets-test/csv_export') });
    expect(result).toMatchObject({ source: 'csv', format: 'Loop CSV export (v2.3.1 or later)', checkIns: 7 });
    const [meditate, wake] = await routinesOf(ctx);
    expect(meditate).toMatchObject({ name: 'Meditate', scheduleKind: 'daily', targetKind: 'none', archivedAt: null, startDay: '2026-11-18' });
    expect(wake).toMatchObject({ name: 'Wake up early', scheduleKind: 'times', timesPerPeriod: 2, periodDays: 3, startDay: '2015-01-16' });
    const checkIns = await checkInsOf(ctx, wake!.id);
    expect(checkIns.map((c) => [c.day, c.status, c.note])).toEqual([
      ['2015-01-16', 'done', ''], ['2015-01-17', 'done', ''], ['2015-01-20', 'done', ''], ['2015-01-21', 'done', ''],
      ['2015-01-22', 'done', ''], ['2015-01-24', 'missed', 'Sick'], ['2015-01-25', 'done', ''],
    ]);
    // The YES_AUTO days come back from the 2-in-3-days schedule, as in Loop.
    const progress = routineProgress(wake!, checkIns, [], { today: '2015-01-25' });
    expect(progress.streaks.map((s) => [s.start, s.end])).toEqual([['2015-01-25', '2015-01-25'], ['2015-01-16', '2015-01-23']]);
    expect(result.warnings.join('\n')).toMatch(/2 note\(s\) on days without a check of their own/);
  });

  it.each(CSV_SAMPLES)('matches Loop\'s Scores.csv to 4 decimals for every yes/no habit and day of %s', async (sample) => {
    const ctx = await s.newCtx();
    const result = await importLoop(ctx, { path: anchor(sample) });
    expect(result.routines.length).toBeGreaterThan(0);
    expect(await compareScores(ctx, sample, result)).toBeGreaterThan(0);
  });

  it('reads the older CSV formats: integer cells, Entry(…) cells, SKIP days and habits with amounts', async () => {
    const old = await importLoop(await s.newCtx(), { path: anchor('uhabits-v2.3.0-csv_export') });
    expect(old.format).toBe('Loop CSV export (v2.1–v2.3.0)');
    expect(old.routines.map((r) => [r.name, r.scheduleKind, r.timesPerPeriod, r.periodDays, r.checkIns])).toEqual([
      ['Meditate', 'daily', null, null, 0], ['Wake up early', 'times', 2, 3, 7],
    ]);

    const ctx = await s.newCtx();
    const real = await importLoop(ctx, { path: anchor('real-exports/rahullath-meshOlake') });
    const wake = real.routines.find((r) => r.loopName === 'Wake Up Early')!;
    const skipped = (await checkInsOf(ctx, wake.id)).filter((c) => c.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    const vaping = real.routines.find((r) => r.loopName === 'Vaping')!;
    expect(vaping).toMatchObject({ numerical: true, targetKind: 'none' });
    expect((await checkInsOf(ctx, vaping.id)).some((c) => c.value === 100)).toBe(true);
    expect(real.warnings.join('\n')).toMatch(/"Vaping" counts amounts but its export does not say its target/);

    const v20 = await importLoop(await s.newCtx(), { path: anchor('real-exports/cramble19-dailyHabitsAppCSVAnalysis/DailyHabitAllFiles') });
    expect(v20.format).toBe('Loop CSV export (v2.0)');
    expect(v20.routines).toHaveLength(24);
    expect(v20.routines.filter((r) => r.numerical).map((r) => r.name)).toEqual(['Wake Up Early', 'Sleep on Time', 'Cycling', 'Color', 'Junk food']);
    // Habits.csv keeps the characters the folder names drop.
    expect(v20.routines.map((r) => r.name)).toEqual(expect.arrayContaining(['agd/am', 'Cat cutie 🐱']));
    expect(v20.routines.find((r) => r.name === 'Bath')!.checkIns).toBeGreaterThan(0);
  });

  it('imports a zipped export exactly like its folder, wherever Habits.csv sits in the archive', async () => {
    const folder = await s.newCtx();
    const zipped = await s.newCtx();
    const nested = await s.newCtx();
    const files = filesUnder(anchor('uhabits-core-assets-test/csv_export'));
    const fromFolder = await importLoop(folder, { path: anchor('uhabits-core-assets-test/csv_export') });
    const fromZip = await importLoop(zipped, { path: scratchFile('Loop Habits CSV 2015-01-25.zip', zip(files)) });
    const fromNested = await importLoop(nested, { path: scratchFile('nested.zip', zip(files.map(([n, d]) => [`export/${n}`, d]))) });
    const shape = (r: LoopImportResult) => r.routines.map(({ id: _id, ...rest }) => rest);
    expect(shape(fromZip)).toEqual(shape(fromFolder));
    expect(shape(fromNested)).toEqual(shape(fromFolder));
    const strip = async (ctx: TestCtx) => (await ctx.db.selectFrom('checkIns').select(['day', 'status', 'value', 'note']).where('workspaceId', '=', ctx.actor.workspaceId).orderBy('day').execute());
    expect(await strip(zipped)).toEqual(await strip(folder));
  });

  it('imports the Loop backups from schema 12 to 25', async () => {
    const ctx = await s.newCtx();
    const legacy = await importLoop(ctx, { path: anchor('uhabits-core-assets-test/loop.db') });
    expect(legacy.format).toBe('Loop backup (database schema v12)');
    expect(legacy.routines).toHaveLength(9);
    // Loop lists "Vegan", "Sport" and "I love you" twice: the second of each gets the suffix.
    expect(legacy.routines.map((r) => r.name)).toEqual([
      'Wake up early', 'brush teeth', 'Sleep early', 'Vegan', 'Sport', 'I love you', 'Vegan (Loop)', 'Sport (Loop)', 'I love you (Loop)',
    ]);
    const wake = legacy.routines[0]!;
    expect(wake).toMatchObject({ scheduleKind: 'times', timesPerPeriod: 3, periodDays: 7, checkIns: 33 });
    const days = (await checkInsOf(ctx, wake.id)).map((c) => c.day);
    expect(days).toContain('2016-03-14');
    expect(days).toContain('2016-03-16');
    expect(days).not.toContain('2016-03-17');

    const v21 = await importLoop(ctx, { path: anchor('uhabits-core-assets-test/databases/021.db') });
    expect(v21.routines.map((r) => [r.name, r.checkIns])).toEqual([['Hello world', 3]]);
    const v22 = await importLoop(ctx, { path: anchor('uhabits-core-assets-test/databases/022.db') });
    expect(v22.routines.map((r) => r.name)).toEqual(['Work out', 'Test']);
    expect((await routinesOf(ctx)).find((r) => r.name === 'Work out')).toMatchObject({ reminderTime: '18:00' });

    const v25 = await importLoop(ctx, { path: anchor('other-loop-db/tkarabela-miscreaders-test.db') });
    expect(v25.format).toBe('Loop backup (database schema v25)');
    expect(v25.routines.map((r) => r.name)).toEqual(['b', 'a', 'c', 'd']);
    expect(v25.routines[2]).toMatchObject({ numerical: true, targetKind: 'at_least', targetValue: 1, unit: 'kg', scheduleKind: 'times', timesPerPeriod: 1, periodDays: 30 });
    const a = await checkInsOf(ctx, v25.routines[1]!.id);
    expect(a.map((c) => c.status)).toEqual(['done', 'missed', 'done', 'done', 'done', 'done', 'done']);
  });

  it('imports every Loop sample of the anchors folder', async () => {
    for (const sample of [...CSV_SAMPLES, ...DB_SAMPLES]) {
      const ctx = await s.newCtx();
      const result = await importLoop(ctx, { path: anchor(sample) });
      expect(result.routines.length, sample).toBeGreaterThan(0);
      expect((await routinesOf(ctx)).length, sample).toBe(result.routines.length);
    }
  });

  it('adds " (Loop)" to a name an existing routine already has, and keeps positions after it', async () => {
    const ctx = await s.newCtx();
    await ctx.db.insertInto('routines').values({
      id: 'existing-routine-1', workspaceId: ctx.actor.workspaceId, goalId: null, name: 'meditate', scheduleKind: 'daily',
      timesPerPeriod: null, periodDays: null, weekdays: null, rrule: null, targetKind: 'none', targetValue: null, unit: '',
      minimumVersion: '', reminderTime: null, startDay: '2026-11-01', archivedAt: null, position: 4, createdAt: '2026-11-01T00:00:00.000Z',
    }).execute();
    const result = await importLoop(ctx, { path: anchor('uhabits-core-assets-test/csv_export') });
    expect(result.routines.map((r) => r.name)).toEqual(['Meditate (Loop)', 'Wake up early']);
    expect((await routinesOf(ctx)).map((r) => [r.name, r.position])).toEqual([['meditate', 4], ['Meditate (Loop)', 5], ['Wake up early', 6]]);
  });

  it('refuses foreign, damaged or missing files with a clear message and imports nothing', async () => {
    const ctx = await s.newCtx();
    const csvFiles = filesUnder(anchor('uhabits-core-assets-test/csv_export'));
    const fullZip = zip(csvFiles);
    // Habits.csv first, with a flipped byte in its compressed data.
    const damaged = zip([...csvFiles].sort(([a], [b]) => (a === 'Habits.csv' ? -1 : b === 'Habits.csv' ? 1 : 0)));
    const at = 30 + 'Habits.csv'.length + 5;
    damaged[at] = damaged[at]! ^ 0xff;
    const loopDb = readFileSync(anchor('uhabits-core-assets-test/loop.db'));
    const wrongHeader = path.join(scratch, 'wrong-header');
    mkdirSync(wrongHeader, { recursive: true });
    writeFileSync(path.join(wrongHeader, 'Habits.csv'), 'id,title\n1,Run\n');
    const badCell = path.join(scratch, 'bad-cell');
    mkdirSync(badCell, { recursive: true });
    for (const [name, data] of csvFiles) {
      mkdirSync(path.dirname(path.join(badCell, name)), { recursive: true });
      writeFileSync(path.join(badCell, name), name === '002 Wake up early/Checkmarks.csv' ? 'Date,Value,Notes\n2015-01-25,MAYBE,\n' : data);
    }
    const cases: Array<[string, string, RegExp]> = [
      ['a CSV from another app', anchor('uhabits-core-assets-test/habitbull.csv'), /lone CSV file/],
      ['an SQLite database of another app', anchor('uhabits-core-assets-test/rewire.db'), /no Habits and Repetitions tables/],
      ['another SQLite database', anchor('uhabits-core-assets-test/tickmate.db'), /no Habits and Repetitions tables/],
      ['a zip without Habits.csv', scratchFile('no-habits.zip', zip(csvFiles.filter(([n]) => n !== 'Habits.csv'))), /has no Habits\.csv/],
      ['a truncated zip', scratchFile('cut.zip', fullZip.subarray(0, Math.floor(fullZip.length / 2))), /zip archive cannot be read/],
      ['a zip with a damaged entry', scratchFile('bad.zip', damaged), /zip archive cannot be read: "Habits.csv" (is damaged|cannot be decompressed)/],
      ['a truncated backup', scratchFile('cut.db', loopDb.subarray(0, 5000)), /reading it failed|cannot be opened/],
      ['a Habits.csv of the wrong shape', wrongHeader, /not Loop's Position, Name/],
      ['a Checkmarks cell Loop never writes', badCell, /should be "YYYY-MM-DD,<value>" but is "2015-01-25,MAYBE,"/],
      ['an empty file', scratchFile('empty.zip', ''), /the file is empty/],
      ['a path that does not exist', path.join(scratch, 'nope.zip'), /Nothing exists at/],
    ];
    for (const [what, file, message] of cases) {
      const error = await importLoop(ctx, { path: file }).catch((e: unknown) => e);
      expect(error, what).toMatchObject({ code: 'validation' });
      expect((error as Error).message, what).toMatch(message);
    }
    expect(await importLoop(ctx, { path: '  ' }).catch((e: unknown) => e)).toMatchObject({ code: 'validation', details: [{ path: 'path' }] });
    expect(await routinesOf(ctx)).toEqual([]);
    expect(await ctx.db.selectFrom('checkIns').select('id').where('workspaceId', '=', ctx.actor.workspaceId).execute()).toEqual([]);
  });

  it('lets viewers read but not import', async () => {
    const ctx = await s.newCtx();
    const viewer = { ...ctx, actor: { ...ctx.actor, role: 'viewer' as const } };
    await expect(importLoop(viewer, { path: anchor('uhabits-core-assets-test/loop.db') })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await routinesOf(ctx)).toEqual([]);
  });
});

it('reads zip entries by their central directory and checks their checksums', () => {
  const data = Buffer.from('Position,Name\n001,Run\n');
  const archive = zip([['Habits.csv', data], ['dir/ü.txt', Buffer.from('x')]]);
  const entries = readZip(archive);
  expect([...entries.keys()]).toEqual(['Habits.csv', 'dir/ü.txt']);
  expect(entries.get('Habits.csv')!.read().equals(data)).toBe(true);
  const corrupt = Buffer.from(archive);
  corrupt[40] = corrupt[40]! ^ 0xff;
  expect(() => readZip(corrupt).get('Habits.csv')!.read()).toThrow(/damaged|cannot be decompressed/);
  expect(() => readZip(archive.subarray(0, archive.length - 5))).toThrow(/end record is missing/);
});
