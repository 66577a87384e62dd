import { MomentumSchema, type MomentumInput } from '#contracts/insights-stats.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { lookBackFrom } from '../routines/day-states.js';
import { pausesOf, toRoutine } from '../routines/routine-queries.js';
import { localDay } from '../time/local-day.js';
import { addDays, type IsoDate } from '../time/plain-date.js';
import { momentumSeries, tallyDays, trendOf, WARM_UP_DAYS, type MomentumDay, type MomentumRoutine, type Trend } from './momentum.js';

export interface Momentum {
  today: IsoDate;
  /** Momentum at the end of today (so far), 0..1. */
  value: number;
  trend: Trend;
  /** One entry per day of the window, oldest first; values rounded to 4 decimals. */
  series: MomentumDay[];
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * The workspace's momentum over the last `days` days (30 unless said). Only the window and a
 * 28-day warm-up before it are read, so the cost follows the window, not the whole history.
 */
export async function momentum(ctx: Ctx, input: MomentumInput = {}): Promise<Momentum> {
  const { days } = parseInput(MomentumSchema, input, 'momentum window');
  const to = today(ctx);
  const series = await momentumBetween(ctx, addDays(to, -(days - 1)), to);
  return {
    today: to,
    value: round4(series[series.length - 1]?.value ?? 0),
    trend: (({ change, direction }) => ({ change: round4(change), direction }))(trendOf(series)),
    series: series.map((d) => ({ ...d, completion: d.completion === null ? null : round4(d.completion), value: round4(d.value) })),
  };
}

/**
 * Momentum at the end of each day from `shownFrom` to `to` (unrounded), counted as of today.
 * Reads those days and the 28-day warm-up before them, nothing older.
 */
export async function momentumBetween(ctx: Ctx, shownFrom: IsoDate, to: IsoDate): Promise<MomentumDay[]> {
  const ws = ctx.actor.workspaceId;
  const from = addDays(shownFrom, -WARM_UP_DAYS);

  const [tasks, routineRows] = await Promise.all([
    ctx.db.selectFrom('tasks').select(['day', 'status']).where('workspaceId', '=', ws).where('day', '>=', from).where('day', '<=', to).execute(),
    ctx.db.selectFrom('routines').selectAll().where('workspaceId', '=', ws).where('startDay', '<=', to).execute(),
  ]);
  const routines = routineRows
    .map((row) => ({ routine: toRoutine(row), endDay: row.archivedAt ? localDay(new Date(row.archivedAt), ctx.actor) : null }))
    .filter((r) => r.endDay === null || r.endDay > from);
  const ids = routines.map((r) => r.routine.id);
  const checkInsFrom = routines.map((r) => lookBackFrom(r.routine, from)).reduce((a, b) => (a < b ? a : b), from);
  const [pauses, checkIns] = await Promise.all([
    pausesOf(ctx, ids),
    ids.length === 0
      ? Promise.resolve([])
      : // Only what momentum counts: thousands of full rows would cost more than the read.
        ctx.db.selectFrom('checkIns').select(['routineId', 'day', 'status']).where('workspaceId', '=', ws).where('routineId', 'in', ids).where('day', '>=', checkInsFrom).where('day', '<=', to).execute(),
  ]);
  const shapes: MomentumRoutine[] = routines.map(({ routine, endDay }) => ({
    schedule: routine.schedule,
    startDay: routine.startDay,
    endDay,
    pauses: pauses.filter((p) => p.routineId === routine.id),
    checkIns: checkIns.filter((c) => c.routineId === routine.id),
  }));
  return momentumSeries(tallyDays(tasks, shapes, { from, to, today: today(ctx) })).filter((d) => d.day >= shownFrom);
}
