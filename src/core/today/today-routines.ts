import { sql, type Selectable } from 'kysely';
import { isPostgres } from '#db/dialect.js';
import type { RoutineTable } from '#db/schema.js';
import { inTransaction, type Ctx } from '../context.js';
import type { CheckInShape } from '../insights/routine-progress.js';
import { settleWindows, type RoutineNow, type WindowItem, type WindowRead } from '../insights/routine-window.js';
import {
  checkpointReadFrom,
  progressFromCheckpoint,
  progressFromStart,
  type ScoreCheckpoint,
} from '../insights/score-checkpoint.js';
import { toCheckIn, toPause, toRoutine, type CheckIn, type Routine } from '../routines/routine-queries.js';
import { describeSchedule, isDue, isPaused, periodOf } from '../routines/schedule.js';
import { checkpointTokens, storeScoreCheckpoints, type CheckpointWrite } from '../routines/score-checkpoints.js';
import { addDays, type IsoDate } from '../time/plain-date.js';

export interface TodayRoutine extends Routine {
  scheduleText: string;
  checkIn: CheckIn | null;
  currentStreak: number;
  /** Strength score 0..1 at the end of the day, exactly the whole history's. */
  score: number;
}

/** Reads that saw a history write land between them are made again, this many times at most. */
const ATTEMPTS = 3;

/**
 * The routines due on `day` (not archived, not paused), each with its check-in, current streak and
 * score. Each routine continues from its score checkpoint (score-checkpoint.ts), reading only the
 * check-ins since, so the cost follows the window shown, not years of history; a routine without
 * one is read whole once and gets one.
 */
export async function dueRoutines(ctx: Ctx, day: IsoDate): Promise<TodayRoutine[]> {
  for (let attempt = 1; ; attempt++) {
    const due = await readDueRoutines(ctx, day, attempt < ATTEMPTS);
    if (due) return due;
  }
}

type Row = Selectable<RoutineTable> & { cpToken: string | null; cpDay: string | null; cpScore: number | null; cpStreak: number | null };

/**
 * One attempt. The routine rows come with their checkpoints in one statement; the tokens are read
 * again after the check-ins and pauses: a write to a routine's history in between changed its
 * token, and the attempt (null) is made again rather than mix a checkpoint with later check-ins.
 * Without `useCheckpoints`, every history is read whole and nothing is stored.
 */
async function readDueRoutines(ctx: Ctx, day: IsoDate, useCheckpoints: boolean): Promise<TodayRoutine[] | null> {
  const ws = ctx.actor.workspaceId;
  const rows: Row[] = await ctx.db
    .selectFrom('routines')
    .leftJoin('routineScoreCheckpoints as cp', 'cp.routineId', 'routines.id')
    .selectAll('routines')
    .select(['cp.token as cpToken', 'cp.day as cpDay', 'cp.score as cpScore', 'cp.streak as cpStreak'])
    .where('routines.workspaceId', '=', ws)
    .where('routines.archivedAt', 'is', null)
    .where('routines.startDay', '<=', day)
    .orderBy('routines.position')
    .orderBy('routines.createdAt')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const plans = new Map(rows.map((r) => [r.id, planRead(r, day, useCheckpoints)]));
  const [pauseRows, history, todaysRows] = await Promise.all([
    ctx.db
      .selectFrom('routinePauses')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('routineId', 'in', ids)
      .execute(),
    readHistory(
      ctx,
      rows.map((r) => ({ id: r.id, from: plans.get(r.id)!.from, before: addDays(day, 1) })),
    ),
    ctx.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('routineId', 'in', ids)
      .where('day', '=', day)
      .execute(),
  ]);
  if (useCheckpoints) {
    const tokens = await checkpointTokens(ctx, ids);
    if (rows.some((r) => (tokens.get(r.id) ?? null) !== r.cpToken)) return null;
  }
  const todays = new Map(todaysRows.map((c) => [c.routineId, toCheckIn(c)]));

  // Every routine read is scored, due today or not, so each gets a checkpoint and no later Today
  // reads its whole history just to find it is not due.
  const now = new Map<string, RoutineNow>();
  const writes: CheckpointWrite[] = [];
  const windows: WindowItem[] = [];
  const due = rows.flatMap((row) => {
    const pauses = pauseRows.filter((p) => p.routineId === row.id).map(toPause);
    const checkIns = history.get(row.id) ?? [];
    const routine = toRoutine(row);
    const isShown = !isPaused(pauses, day) && isDue(routine, day, doneBeforeInPeriod(row, routine, checkIns, day));
    const plan = plans.get(row.id)!;
    let next: ScoreCheckpoint | null;
    if (plan.stored && plan.from !== null) {
      const progress = progressFromCheckpoint(row, checkIns, pauses, { today: day, from: plan.from, stored: plan.stored });
      next = progress.next;
      now.set(row.id, { score: progress.score, currentStreak: progress.currentStreak ?? 0 });
      // Loop's automatic check-marks: the streak is read from a window, widened until it is exact.
      if (progress.currentStreak === null && isShown) windows.push({ id: row.id, routine: row, pauses, checkIns, from: plan.from, needScore: false });
    } else {
      const whole = progressFromStart(row, checkIns, pauses, day);
      now.set(row.id, whole.now);
      // Never move a checkpoint back (a look at an earlier day): the next Today would read from there.
      next = whole.checkpoint && (row.cpDay === null || whole.checkpoint.day > row.cpDay) ? whole.checkpoint : null;
    }
    if (next && useCheckpoints) writes.push({ routineId: row.id, token: row.cpToken, checkpoint: next });
    return isShown ? [{ row, routine }] : [];
  });
  const streaks = await settleWindows(windows, day, (reads) => readHistory(ctx, reads));
  for (const [id, settled] of streaks) now.set(id, { ...now.get(id)!, currentStreak: settled.currentStreak });
  if (writes.length > 0) await inTransaction(ctx, (trx) => storeScoreCheckpoints(trx, writes));

  return due.map(({ row, routine }) => ({
    ...routine,
    scheduleText: describeSchedule(routine.schedule),
    checkIn: todays.get(row.id) ?? null,
    currentStreak: now.get(row.id)?.currentStreak ?? 0,
    score: now.get(row.id)?.score ?? 0,
  }));
}

/** What to read of a routine: from its checkpoint's window, or (null) its whole history. */
function planRead(row: Row, day: IsoDate, useCheckpoints: boolean): { from: IsoDate | null; stored: ScoreCheckpoint | null } {
  if (!useCheckpoints || row.cpDay === null || row.cpScore === null) return { from: null, stored: null };
  const stored = { day: row.cpDay, score: row.cpScore, streak: row.cpStreak };
  let from = checkpointReadFrom(row, stored, day);
  if (from === null) return { from: null, stored: null };
  // "N times per period" routines are due until the period's quota is met: read the whole period.
  if (row.scheduleKind === 'times' && row.periodDays) {
    const period = periodOf(row.periodDays, row.startDay, day).start;
    if (period < from) from = period;
  }
  return { from, stored };
}

/**
 * Check-ins of several routines, each from its own first day (or the beginning) up to the day
 * before its `before`: one indexed range read (routine_id IN … AND day in range) per distinct range.
 * Each routine's window comes back as one aggregated string ("day:status:value,…") rather than a
 * row per day: materialising thousands of small rows costs far more than the database's scan, and
 * Today reads about half a year of check-ins for every routine.
 */
async function readHistory(ctx: Ctx, reads: readonly WindowRead[]): Promise<Map<string, CheckInShape[]>> {
  const byRange = new Map<string, { from: IsoDate | null; before: IsoDate; ids: string[] }>();
  for (const r of reads) {
    const key = `${r.from ?? ''}|${r.before}`;
    const group = byRange.get(key);
    if (group) group.ids.push(r.id);
    else byRange.set(key, { from: r.from, before: r.before, ids: [r.id] });
  }
  const entry = sql<string>`day || ':' || status || ':' || coalesce(cast(value as text), '')`;
  const joined = isPostgres(ctx.db) ? sql<string>`string_agg(${entry}, ',')` : sql<string>`group_concat(${entry}, ',')`;
  const parts = await Promise.all(
    [...byRange.values()].map((g) => {
      let query = ctx.db
        .selectFrom('checkIns')
        .select(['routineId', joined.as('entries')])
        .where('workspaceId', '=', ctx.actor.workspaceId)
        .where('routineId', 'in', g.ids)
        .where('day', '<', g.before);
      if (g.from !== null) query = query.where('day', '>=', g.from);
      return query.groupBy('routineId').execute();
    }),
  );
  const out = new Map<string, CheckInShape[]>();
  for (const part of parts) for (const row of part) out.set(row.routineId, parseEntries(row.entries));
  return out;
}

// Scanned by hand rather than split twice: this runs over thousands of entries on every Today.
function parseEntries(joined: string | null): CheckInShape[] {
  const out: CheckInShape[] = [];
  if (!joined) return out;
  for (let i = 0; i < joined.length; ) {
    // "YYYY-MM-DD:status:value", the value empty when null.
    const statusEnd = joined.indexOf(':', i + 11);
    let end = joined.indexOf(',', statusEnd);
    if (end < 0) end = joined.length;
    out.push({
      day: joined.slice(i, i + 10),
      status: joined.slice(i + 11, statusEnd) as CheckInShape['status'],
      value: end > statusEnd + 1 ? Number(joined.slice(statusEnd + 1, end)) : null,
    });
    i = end + 1;
  }
  return out;
}

function doneBeforeInPeriod(
  row: Selectable<RoutineTable>,
  routine: Routine,
  checkIns: readonly CheckInShape[],
  day: IsoDate,
): number {
  if (routine.schedule.kind !== 'times') return 0;
  const period = periodOf(routine.schedule.periodDays, row.startDay, day);
  return checkIns.filter(
    (c) => c.day >= period.start && c.day < day && (c.status === 'done' || c.status === 'minimum'),
  ).length;
}
