import { today, type Ctx } from '../context.js';
import { dueDays, isPaused, toSchedule } from '../routines/schedule.js';
import { localDay } from '../time/local-day.js';
import { addDays, type IsoDate } from '../time/plain-date.js';
import type { PeriodRange } from './review-period.js';

export interface CheckInStats {
  done: number;
  minimum: number;
  skipped: number;
  /** Due days with no check-in (up to yesterday) plus check-ins marked missed. */
  missed: number;
  /** Routines with the most misses, worst first (only those with at least one). */
  mostMissed: Array<{ routineId: string; name: string; misses: number }>;
  /** Misses per calendar day, for the weekday pattern. */
  missesByDay: Map<IsoDate, number>;
}

/**
 * Check-ins of the period and the misses among them. A day counts as missed when the routine was
 * due (its schedule, not paused, not archived yet, started) and nothing was checked in, or when a
 * check-in says "missed". Today is never counted as missed by absence: it is not over.
 * Every query is bounded by the period's days.
 */
export async function checkInStats(ctx: Ctx, range: PeriodRange): Promise<CheckInStats> {
  const ws = ctx.actor.workspaceId;
  const checkIns = await ctx.db
    .selectFrom('checkIns')
    .innerJoin('routines', 'routines.id', 'checkIns.routineId')
    .select(['checkIns.routineId', 'routines.name', 'checkIns.day', 'checkIns.status'])
    .where('checkIns.workspaceId', '=', ws)
    .where('checkIns.day', '>=', range.from)
    .where('checkIns.day', '<=', range.to)
    .execute();
  const routines = await ctx.db
    .selectFrom('routines')
    .select(['id', 'name', 'scheduleKind', 'timesPerPeriod', 'periodDays', 'weekdays', 'rrule', 'startDay', 'archivedAt'])
    .where('workspaceId', '=', ws)
    .where('startDay', '<=', range.to)
    // Instants compare as text; a day of margin covers any time zone.
    .where((eb) => eb.or([eb('archivedAt', 'is', null), eb('archivedAt', '>=', addDays(range.from, -1))]))
    .execute();
  const pauses = await ctx.db
    .selectFrom('routinePauses')
    .select(['routineId', 'startDay', 'endDay'])
    .where('workspaceId', '=', ws)
    .where('startDay', '<=', range.to)
    .where((eb) => eb.or([eb('endDay', 'is', null), eb('endDay', '>=', range.from)]))
    .execute();

  const stats: CheckInStats = { done: 0, minimum: 0, skipped: 0, missed: 0, mostMissed: [], missesByDay: new Map() };
  const names = new Map<string, string>();
  const misses = new Map<string, number>();
  const checked = new Set<string>();
  const miss = (routineId: string, day: IsoDate) => {
    stats.missed++;
    misses.set(routineId, (misses.get(routineId) ?? 0) + 1);
    stats.missesByDay.set(day, (stats.missesByDay.get(day) ?? 0) + 1);
  };

  for (const c of checkIns) {
    names.set(c.routineId, c.name);
    checked.add(`${c.routineId}|${c.day}`);
    if (c.status === 'missed') miss(c.routineId, c.day);
    else stats[c.status]++;
  }

  const yesterday = addDays(today(ctx), -1);
  const lastDue = yesterday < range.to ? yesterday : range.to;
  for (const r of routines) {
    names.set(r.id, r.name);
    if (lastDue < range.from) continue;
    const archivedDay = r.archivedAt ? localDay(new Date(r.archivedAt), ctx.actor) : null;
    const paused = pauses.filter((p) => p.routineId === r.id);
    // A "times" routine owes no particular day, so an empty day is not a miss.
    for (const day of dueDays({ schedule: toSchedule(r), startDay: r.startDay }, range.from, lastDue) ?? []) {
      if (archivedDay !== null && day >= archivedDay) continue;
      if (isPaused(paused, day)) continue;
      if (!checked.has(`${r.id}|${day}`)) miss(r.id, day);
    }
  }

  stats.mostMissed = [...misses]
    .map(([routineId, n]) => ({ routineId, name: names.get(routineId) ?? '', misses: n }))
    .sort((a, b) => b.misses - a.misses || a.name.localeCompare(b.name))
    .slice(0, 3);
  return stats;
}
