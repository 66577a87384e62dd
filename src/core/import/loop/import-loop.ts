import { ImportLoopSchema, ImportLoopUploadSchema, type ImportLoopInput, type ImportLoopUploadInput } from '#contracts/insights.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../../context.js';
import { AppError, parseInput } from '../../errors.js';
import { touchScoreCheckpoints } from '../../routines/score-checkpoints.js';
import type { LoopExport } from './loop-export.js';
import { readLoopBytes, readLoopFile, readLoopFiles } from './read-loop-file.js';
import { planRoutine, type PlanContext } from './to-routines.js';

export interface ImportedRoutine {
  id: string;
  name: string;
  /** The habit's name in Loop (the routine's may carry a " (Loop)" suffix). */
  loopName: string;
  scheduleKind: 'daily' | 'times';
  timesPerPeriod: number | null;
  periodDays: number | null;
  targetKind: 'none' | 'at_least' | 'at_most';
  targetValue: number | null;
  unit: string;
  /** Loop counted amounts for this habit (its target may be unknown in older CSV formats). */
  numerical: boolean;
  archived: boolean;
  checkIns: number;
}

export interface LoopImportResult {
  source: LoopExport['source'];
  format: string;
  routines: ImportedRoutine[];
  checkIns: number;
  warnings: string[];
}

const CHUNK = 400;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Import a Loop Habit Tracker export (CSV .zip or folder, or .db backup) as routines with their
 * check-ins, all in one transaction: a file that cannot be read imports nothing. Names already used
 * by a routine get a " (Loop)" suffix; Loop's automatic days are not stored, they follow from the
 * routine's schedule.
 */
export async function importLoop(ctx: Ctx, input: ImportLoopInput): Promise<LoopImportResult> {
  requireWriter(ctx);
  const { path } = parseInput(ImportLoopSchema, input, 'Loop import');
  return storeLoopExport(ctx, readLoopFile(path));
}

/**
 * Import a Loop export sent as content (over the API): one base64 file (CSV .zip or .db backup),
 * or the files of an unzipped CSV export. Same rules and result as `importLoop`.
 */
export async function importLoopUpload(ctx: Ctx, input: ImportLoopUploadInput): Promise<LoopImportResult> {
  requireWriter(ctx);
  const data = parseInput(ImportLoopUploadSchema, input, 'Loop import');
  let exported: LoopExport;
  try {
    exported = data.files
      ? readLoopFiles(data.filename, data.files.map((f) => ({ path: f.path, bytes: Buffer.from(f.content, 'base64') })))
      : readLoopBytes(data.filename, Buffer.from(data.content ?? '', 'base64'));
  } catch (error) {
    // The readers name the `path` field of a local import; here the file came in `content` or `files`.
    if (error instanceof AppError && error.details) {
      const field = data.files ? 'files' : 'content';
      throw new AppError(error.code, error.message, error.details.map((d) => ({ ...d, path: d.path === 'path' ? field : d.path })));
    }
    throw error;
  }
  return storeLoopExport(ctx, exported);
}

/** Store what a Loop export holds as routines and check-ins, in one transaction. */
async function storeLoopExport(ctx: Ctx, exported: LoopExport): Promise<LoopImportResult> {
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    const existing = await trx.db.selectFrom('routines').select(['name', 'position']).where('workspaceId', '=', ws).execute();
    const plan: PlanContext = {
      workspaceId: ws,
      now: nowIso(trx),
      today: today(trx),
      taken: new Set(existing.map((r) => r.name.toLowerCase())),
      firstPosition: existing.reduce((max, r) => Math.max(max, r.position + 1), 0),
      warnings: [...exported.warnings],
    };
    const plans = exported.habits.map((habit, i) => planRoutine(habit, i, plan));
    await insertChunks(plans.map((p) => p.routine), (rows) => trx.db.insertInto('routines').values(rows).execute());
    await insertChunks(plans.flatMap((p) => p.checkIns), (rows) => trx.db.insertInto('checkIns').values(rows).execute());
    // New routines have no checkpoint yet; the rows (without one) make sure none computed before can be stored.
    await touchScoreCheckpoints(trx, plans.map((p) => p.routine.id), null);
    if (plans.length === 0) plan.warnings.push('The export holds no habits, so nothing was imported.');
    const routines = plans.map(({ routine: r, loopName, checkIns }, i): ImportedRoutine => ({
      id: r.id,
      name: r.name,
      loopName,
      scheduleKind: r.scheduleKind === 'times' ? 'times' : 'daily',
      timesPerPeriod: r.timesPerPeriod ?? null,
      periodDays: r.periodDays ?? null,
      targetKind: r.targetKind ?? 'none',
      targetValue: r.targetValue ?? null,
      unit: r.unit ?? '',
      numerical: exported.habits[i]!.numerical,
      archived: r.archivedAt != null,
      checkIns: checkIns.length,
    }));
    return {
      source: exported.source,
      format: exported.format,
      routines,
      checkIns: routines.reduce((n, r) => n + r.checkIns, 0),
      warnings: plan.warnings,
    };
  });
}
