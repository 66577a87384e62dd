import { sql, type Selectable } from 'kysely';
import { isPostgres } from '#db/dialect.js';
import type { RoutineTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import type { CheckInShape } from '../insights/routine-progress.js';
import { firstWindowStart, settleWindows, type WindowRead } from '../insights/routine-window.js';
import {
  toCheckIn,
  toPause,
  toRoutine,
  type CheckIn,
  type Routine,
} from '../routines/routine-queries.js';
import { describeSchedule, isDue, isPaused, periodOf } from '../routines/schedule.js';
import { addDays, type IsoDate } from '../time/plain-date.js';

export interface TodayRoutine extends Routine {
  scheduleText: string;
  checkIn: CheckIn | null;
  currentStreak: number;
  /** Strength score 0..1 at the end of the day (within 5·10⁻⁵ of the whole history's). */
  score: number;
}

/**
 * The routines due on `day` (not archived, not paused), each with its check-in, current streak and
 * score. Each routine's check-ins are read only as far back as its score and streak need (see
 * routine-window.ts), so the cost follows the window shown, not years of history.
 */
export async function dueRoutines(ctx: Ctx, day: IsoDate): Promise<TodayRoutine[]> {
  const ws = ctx.actor.workspaceId;
  const rows = await ctx.db
    .selectFrom('routines')
    .selectAll()
    .where('workspaceId', '=', ws)
    .where('archivedAt', 'is', null)
    .where('startDay', '<=', day)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const from = new Map(rows.map((r) => [r.id, firstWindowStart(r, day)]));
  const [pauseRows, history, todaysRows] = await Promise.all([
    ctx.db
      .selectFrom('routinePauses')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('routineId', 'in', ids)
      .execute(),
    readHistory(
      ctx,
      rows.map((r) => ({ id: r.id, from: from.get(r.id) ?? null, before: addDays(day, 1) })),
    ),
    ctx.db
      .selectFrom('checkIns')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('routineId', 'in', ids)
      .where('day', '=', day)
      .execute(),
  ]);
  const todays = new Map(todaysRows.map((c) => [c.routineId, toCheckIn(c)]));

  const due = rows.flatMap((row) => {
    const pauses = pauseRows.filter((p) => p.routineId === row.id).map(toPause);
    if (isPaused(pauses, day)) return [];
    const routine = toRoutine(row);
    const checkIns = history.get(row.id) ?? [];
    if (!isDue(routine, day, doneBeforeInPeriod(row, routine, checkIns, day))) return [];
    return [{ row, routine, pauses, checkIns }];
  });
  const now = await settleWindows(
    due.map(({ row, pauses, checkIns }) => ({
      id: row.id,
      routine: row,
      pauses,
      checkIns,
      from: from.get(row.id) ?? null,
    })),
    day,
    (reads) => readHistory(ctx, reads),
  );
  return due.map(({ row, routine }) => ({
    ...routine,
    scheduleText: describeSchedule(routine.schedule),
    checkIn: todays.get(row.id) ?? null,
    currentStreak: now.get(row.id)?.currentStreak ?? 0,
    score: now.get(row.id)?.score ?? 0,
  }));
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
