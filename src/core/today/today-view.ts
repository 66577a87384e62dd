import type { Selectable } from 'kysely';
import type { CheckInTable, RoutineTable } from '#db/schema.js';
import { today as todayOf, type Ctx } from '../context.js';
import { listFocusWindows } from '../energy/focus-windows.js';
import type { FocusWindow } from '../energy/energy-queries.js';
import { listGoals, type GoalSummary } from '../goals/list-goals.js';
import { routineProgress, scoreWindowDays, windowSettled } from '../insights/routine-progress.js';
import { toCheckIn, toPause, toRoutine, type CheckIn, type Routine } from '../routines/routine-queries.js';
import { describeSchedule, isDue, isPaused, periodOf } from '../routines/schedule.js';
import { listTasks, type TaskItem } from '../tasks/list-tasks.js';
import { isoWeekOf } from '../time/iso-week.js';
import { addDays, daysBetween, type IsoDate } from '../time/plain-date.js';
import { listWins } from '../wins/list-wins.js';
import type { Win } from '../wins/win-queries.js';

export interface TodayRoutine extends Routine {
  scheduleText: string;
  checkIn: CheckIn | null;
  currentStreak: number;
  /** Strength score 0..1 at the end of the day (exact to 4 decimals). */
  score: number;
}

export interface TodayView {
  day: IsoDate;
  week: string;
  tasks: TaskItem[];
  /** Tasks still planned on earlier days: candidates for carry-over. */
  unfinishedBefore: number;
  routines: TodayRoutine[];
  focusWindows: FocusWindow[];
  wins: Win[];
  energy: { energy: number; sleepHours: number | null } | null;
  goals: GoalSummary[];
  totals: { tasksDone: number; tasksOpen: number; minutesPlanned: number; minutesDone: number; routinesDue: number; routinesChecked: number };
}

/** Everything the day asks for: its tasks, the routines due with their streaks, focus windows, wins and energy. */
export async function todayView(ctx: Ctx, input: { day?: IsoDate } = {}): Promise<TodayView> {
  const day = input.day ?? todayOf(ctx);
  const ws = ctx.actor.workspaceId;
  const [tasks, unfinished, routines, focusWindows, wins, energy, goals] = await Promise.all([
    listTasks(ctx, { day }),
    ctx.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspaceId', '=', ws)
      .where('status', '=', 'planned')
      .where('day', '<', day)
      .executeTakeFirstOrThrow(),
    dueRoutines(ctx, day),
    listFocusWindows(ctx, { from: day, to: day }),
    listWins(ctx, { from: day, to: day }),
    ctx.db
      .selectFrom('energyEntries')
      .select(['energy', 'sleepHours'])
      .where('workspaceId', '=', ws)
      .where('userId', '=', ctx.actor.userId)
      .where('day', '=', day)
      .executeTakeFirst(),
    listGoals(ctx, { status: 'active' }),
  ]);
  const live = tasks.filter((t) => t.status !== 'carried');
  return {
    day,
    week: isoWeekOf(day),
    tasks,
    unfinishedBefore: Number(unfinished.n),
    routines,
    focusWindows,
    wins,
    energy: energy ?? null,
    goals,
    totals: {
      tasksDone: live.filter((t) => t.status === 'done').length,
      tasksOpen: live.filter((t) => t.status === 'planned').length,
      minutesPlanned: live.filter((t) => t.status !== 'skipped').reduce((n, t) => n + t.minutes, 0),
      minutesDone: live.filter((t) => t.status === 'done').reduce((n, t) => n + (t.actualMinutes ?? t.minutes), 0),
      routinesDue: routines.length,
      routinesChecked: routines.filter((r) => r.checkIn !== null).length,
    },
  };
}

type HistoryRow = Pick<Selectable<CheckInTable>, 'routineId' | 'day' | 'status' | 'value'>;

/** The routines due on `day` (not archived, not paused), each with its check-in, streaks and score. */
async function dueRoutines(ctx: Ctx, day: IsoDate): Promise<TodayRoutine[]> {
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
  // Each routine's history is read only as far back as its score needs (`scoreWindowDays`): the cost
  // follows the window shown, not years of check-ins.
  const windowStart = new Map(rows.map((r) => [r.id, addDays(day, -scoreWindowDays(r))]));
  const [pauseRows, checkInRows, todaysRows] = await Promise.all([
    ctx.db.selectFrom('routinePauses').selectAll().where('workspaceId', '=', ws).where('routineId', 'in', ids).execute(),
    recentHistory(ctx, windowStart, day),
    ctx.db.selectFrom('checkIns').selectAll().where('workspaceId', '=', ws).where('routineId', 'in', ids).where('day', '=', day).execute(),
  ]);
  const todays = new Map(todaysRows.map((c) => [c.routineId, toCheckIn(c)]));
  const byRoutine = new Map<string, HistoryRow[]>();
  for (const c of checkInRows) {
    let list = byRoutine.get(c.routineId);
    if (!list) byRoutine.set(c.routineId, (list = []));
    list.push(c);
  }
  const out: TodayRoutine[] = [];
  for (const row of rows) {
    const pauses = pauseRows.filter((p) => p.routineId === row.id).map(toPause);
    if (isPaused(pauses, day)) continue;
    const routine = toRoutine(row);
    const recent = byRoutine.get(row.id) ?? [];
    if (!isDue(routine, day, doneBeforeInPeriod(row, routine, recent, day))) continue;
    let from = windowStart.get(row.id)!;
    let progress = routineProgress(row, recent, pauses, { today: day, from });
    // Too many skipped days in the window, or a streak reaching its edge: widen the window (doubling)
    // until the result is exact, so a long streak costs its own length, not the whole history.
    for (let span = daysBetween(from, day); row.startDay < from && !windowSettled(row, progress, from); ) {
      span *= 2;
      from = addDays(day, -span);
      progress = routineProgress(row, await historySince(ctx, row.id, from, day), pauses, { today: day, from });
    }
    out.push({
      ...routine,
      scheduleText: describeSchedule(routine.schedule),
      checkIn: todays.get(row.id) ?? null,
      currentStreak: progress.currentStreak,
      score: progress.score,
    });
  }
  return out;
}

/**
 * Check-ins of each routine since its window start, one indexed range read per distinct window
 * length (routine_id IN … AND day >= …), so nothing older is touched.
 */
async function recentHistory(ctx: Ctx, windowStart: Map<string, IsoDate>, day: IsoDate): Promise<HistoryRow[]> {
  const byStart = new Map<IsoDate, string[]>();
  for (const [id, start] of windowStart) byStart.set(start, [...(byStart.get(start) ?? []), id]);
  const parts = await Promise.all(
    [...byStart].map(([start, ids]) =>
      ctx.db
        .selectFrom('checkIns')
        .select(['routineId', 'day', 'status', 'value'])
        .where('workspaceId', '=', ctx.actor.workspaceId)
        .where('routineId', 'in', ids)
        .where('day', '>=', start)
        .where('day', '<=', day)
        .orderBy('day')
        .execute(),
    ),
  );
  return parts.flat();
}

async function historySince(ctx: Ctx, routineId: string, from: IsoDate, day: IsoDate): Promise<HistoryRow[]> {
  return ctx.db
    .selectFrom('checkIns')
    .select(['routineId', 'day', 'status', 'value'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', '=', routineId)
    .where('day', '>=', from)
    .where('day', '<=', day)
    .orderBy('day')
    .execute();
}

function doneBeforeInPeriod(row: Selectable<RoutineTable>, routine: Routine, checkIns: HistoryRow[], day: IsoDate): number {
  if (routine.schedule.kind !== 'times') return 0;
  const period = periodOf(routine.schedule.periodDays, row.startDay, day);
  return checkIns.filter((c) => c.day >= period.start && c.day < day && (c.status === 'done' || c.status === 'minimum')).length;
}
