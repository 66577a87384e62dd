import { today, type Ctx } from '../context.js';
import { describeSchedule, isDue, isPaused, toSchedule, type Schedule } from '../routines/schedule.js';
import { localDay } from '../time/local-day.js';
import { addDays, daysBetween, endOfMonth, isoWeekday, type IsoDate } from '../time/plain-date.js';
import { buildIcs, type CalendarEvent } from './ics.js';

/*
 * The person's iCalendar feed in a workspace: their focus windows, the weekly and monthly review,
 * and a reminder for each routine that has a reminder time. Routines without one have no time of
 * day to put in a calendar, so they are left out; so are archived routines and routines paused
 * with no end (a planned pause removes its days).
 */

/** When reviews are held: the product has no per-person setting yet, so one fixed slot for everyone. */
export const WEEKLY_REVIEW = { weekday: 5, byDay: 'FR', start: '16:00', minutes: 30 } as const;
/** The monthly review follows the weekly one on the month's last Friday. */
export const MONTHLY_REVIEW = { start: '16:30', minutes: 45 } as const;
const ROUTINE_REMINDER_MINUTES = 15;
/** Focus windows further back than this are history, not plans. */
const FOCUS_HISTORY_DAYS = 60;
const MAX_FOCUS_WINDOWS = 2000;
/** Days of a pause written as exceptions, from a little before today on. */
const PAUSE_HORIZON_DAYS = 400;

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The recurrence of a routine's reminder: its due days, or every day for "N times per period". */
export function reminderRule(s: Schedule): string {
  switch (s.kind) {
    case 'daily':
    case 'times':
      return 'FREQ=DAILY';
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=${s.weekdays.map((d) => BYDAY[d - 1]).join(',')}`;
    case 'rrule':
      return s.rrule;
  }
}

function firstOnOrAfter(day: IsoDate, weekday: number): IsoDate {
  return addDays(day, (weekday - isoWeekday(day) + 7) % 7);
}

function lastFridayOf(day: IsoDate): IsoDate {
  const end = endOfMonth(day);
  return addDays(end, -((isoWeekday(end) - WEEKLY_REVIEW.weekday + 7) % 7));
}

/** The events of the actor's feed in their workspace. */
export async function calendarEvents(ctx: Ctx): Promise<CalendarEvent[]> {
  const { userId, workspaceId } = ctx.actor;
  const now = today(ctx);
  const events: CalendarEvent[] = [];

  const windows = await ctx.db
    .selectFrom('focusWindows')
    .select(['id', 'day', 'startTime', 'minutes', 'label'])
    .where('workspaceId', '=', workspaceId)
    .where('userId', '=', userId)
    .where('day', '>=', addDays(now, -FOCUS_HISTORY_DAYS))
    .orderBy('day')
    .orderBy('startTime')
    .limit(MAX_FOCUS_WINDOWS)
    .execute();
  for (const w of windows) {
    events.push({ uid: `focus-${w.id}@smallwins`, summary: w.label ? `Focus: ${w.label}` : 'Focus window', description: 'A focus window planned in Small Wins.', day: w.day, start: w.startTime, minutes: w.minutes });
  }

  const member = await ctx.db.selectFrom('members').select('createdAt').where('workspaceId', '=', workspaceId).where('userId', '=', userId).executeTakeFirst();
  const joined = member ? localDay(new Date(member.createdAt), ctx.actor) : now;
  const firstMonthly = lastFridayOf(joined) >= joined ? lastFridayOf(joined) : lastFridayOf(addDays(endOfMonth(joined), 1));
  events.push(
    {
      uid: `weekly-review-${workspaceId}-${userId}@smallwins`,
      summary: 'Weekly review',
      description: 'Look back on the week: what got done, wins, misses, lessons; then plan next week. Start it with: smallwins review week',
      day: firstOnOrAfter(joined, WEEKLY_REVIEW.weekday),
      start: WEEKLY_REVIEW.start,
      minutes: WEEKLY_REVIEW.minutes,
      rrule: `FREQ=WEEKLY;BYDAY=${WEEKLY_REVIEW.byDay}`,
    },
    {
      uid: `monthly-review-${workspaceId}-${userId}@smallwins`,
      summary: 'Monthly review',
      description: 'Look back on the month and decide what to keep, change or drop. Start it with: smallwins review month',
      day: firstMonthly,
      start: MONTHLY_REVIEW.start,
      minutes: MONTHLY_REVIEW.minutes,
      rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
    },
  );

  const routines = await ctx.db
    .selectFrom('routines')
    .selectAll()
    .where('workspaceId', '=', workspaceId)
    .where('archivedAt', 'is', null)
    .where('reminderTime', 'is not', null)
    .orderBy('position')
    .orderBy('createdAt')
    .execute();
  const pauses =
    routines.length === 0
      ? []
      : await ctx.db
          .selectFrom('routinePauses')
          .select(['routineId', 'startDay', 'endDay'])
          .where('workspaceId', '=', workspaceId)
          .where('routineId', 'in', routines.map((r) => r.id))
          .where((eb) => eb.or([eb('endDay', 'is', null), eb('endDay', '>=', addDays(now, -FOCUS_HISTORY_DAYS))]))
          .execute();
  for (const r of routines) {
    const schedule = toSchedule(r);
    const mine = pauses.filter((p) => p.routineId === r.id);
    if (mine.some((p) => p.endDay === null && p.startDay <= now)) continue;
    const exdates = new Set<IsoDate>();
    // RFC 5545 counts DTSTART as an occurrence; the routine's start day may not be a due day.
    if (!isDue({ schedule, startDay: r.startDay }, r.startDay)) exdates.add(r.startDay);
    for (const p of mine) {
      const from = p.startDay > addDays(now, -FOCUS_HISTORY_DAYS) ? p.startDay : addDays(now, -FOCUS_HISTORY_DAYS);
      const to = p.endDay ?? addDays(from, PAUSE_HORIZON_DAYS);
      for (let d = from; d <= to && daysBetween(from, d) < PAUSE_HORIZON_DAYS; d = addDays(d, 1)) if (d >= r.startDay && isPaused([p], d)) exdates.add(d);
    }
    let rule = reminderRule(schedule);
    // A COUNT includes DTSTART: one more when the start day is left out, so as many reminders remain.
    if (exdates.has(r.startDay)) rule = rule.replace(/COUNT=(\d+)/, (_m, n: string) => `COUNT=${Number(n) + 1}`);
    const minimum = r.minimumVersion ? `\nMinimum version: ${r.minimumVersion}` : '';
    events.push({
      uid: `routine-${r.id}@smallwins`,
      summary: r.name,
      description: `Routine (${describeSchedule(schedule)}).${minimum}\nCheck in with: smallwins check "${r.name}"`,
      day: r.startDay,
      start: r.reminderTime!,
      minutes: ROUTINE_REMINDER_MINUTES,
      rrule: rule,
      exdates: [...exdates].sort(),
      alarm: true,
    });
  }
  return events;
}

/** The actor's calendar feed as an iCalendar document, in their time zone. */
export async function calendarIcs(ctx: Ctx): Promise<string> {
  const events = await calendarEvents(ctx);
  const workspace = await ctx.db.selectFrom('workspaces').select('name').where('id', '=', ctx.actor.workspaceId).executeTakeFirstOrThrow();
  return buildIcs({ name: `Small Wins: ${workspace.name}`, timeZone: ctx.actor.timeZone, events, stamp: ctx.clock.now() });
}
