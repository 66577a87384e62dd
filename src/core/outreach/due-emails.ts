import { isRoundDay, roundOpensAt, type RoundRule } from '../pulses/pulse-rounds.js';
import { isoWeekOf, type IsoWeek } from '../time/iso-week.js';
import { localDay, wallTime, type DaySettings } from '../time/local-day.js';
import { addDays, eachDay, endOfMonth, isoWeekday, type IsoDate } from '../time/plain-date.js';
import type { EmailPreferences } from './email-preferences.js';
import { instantAt } from './local-instant.js';

/*
 * Which emails fall due, and when: pure, no clock and no database. Every moment is a wall-clock time
 * on a calendar date in the person's own time zone, turned into an instant by `instantAt`, so
 * daylight saving moves the instant, never the local time, and each date yields one instant.
 */

/** The weekly review reminder: Sunday evening, when the week is done and the next not begun. */
export const WEEKLY_REVIEW_REMINDER = { weekday: 7, time: '18:00' } as const;
/** The monthly review reminder: the evening of the month's last day. */
export const MONTHLY_REVIEW_REMINDER = { time: '18:00' } as const;

/** A window of instants, `from` excluded and `to` included: consecutive windows never share an instant. */
export interface InstantWindow {
  from: Date;
  to: Date;
}

export type DueSlot =
  | { kind: 'report'; at: Date; week: IsoWeek }
  | { kind: 'review_reminder'; at: Date; review: 'weekly' | 'monthly'; period: string }
  | { kind: 'routine_reminder'; at: Date; routineId: string; day: IsoDate }
  | { kind: 'pulse_prompt'; at: Date; workspaceId: string; dueOn: IsoDate };

export interface DuePerson extends DaySettings {
  preferences: EmailPreferences;
  /** Routines with a reminder time "HH:MM" (whether each is due that day is the caller's to check). */
  routines: ReadonlyArray<{ id: string; reminderTime: string }>;
  /** The pulse schedules (on) of the workspaces the person answers pulses in. */
  pulseSchedules?: ReadonlyArray<RoundRule & { workspaceId: string }>;
}

const inWindow = (at: Date, w: InstantWindow): boolean => at.getTime() > w.from.getTime() && at.getTime() <= w.to.getTime();

/**
 * The emails of one person whose moment falls in the window: the weekly report on their report day
 * and time (the report of the week that moment belongs to), the weekly review reminder on Sunday at
 * 18:00, the monthly one at 18:00 on the last day of the month, a reminder of each routine at
 * its reminder time, and a pulse prompt when a round of a pulse schedule opens. The period of each
 * is read on the person's day (their start-of-day hour applied), so a 01:00 reminder with a 04:00
 * start of day is about the day before.
 */
export function dueSlots(person: DuePerson, window: InstantWindow): DueSlot[] {
  if (window.to.getTime() <= window.from.getTime()) return [];
  const settings: DaySettings = { timeZone: person.timeZone, dayStartHour: person.dayStartHour };
  // Every wall date the window touches, with a day of margin either side for times before the start of day.
  const first = addDays(wallTime(window.from, person.timeZone).date, -1);
  const last = addDays(wallTime(window.to, person.timeZone).date, 1);
  const prefs = person.preferences;
  const out: DueSlot[] = [];
  for (const date of eachDay(first, last)) {
    const at = (time: string) => instantAt(date, time, person.timeZone);
    if (prefs.report && isoWeekday(date) === prefs.reportWeekday) {
      const when = at(prefs.reportTime);
      if (inWindow(when, window)) out.push({ kind: 'report', at: when, week: isoWeekOf(localDay(when, settings)) });
    }
    if (prefs.reviewReminders && isoWeekday(date) === WEEKLY_REVIEW_REMINDER.weekday) {
      const when = at(WEEKLY_REVIEW_REMINDER.time);
      if (inWindow(when, window)) out.push({ kind: 'review_reminder', at: when, review: 'weekly', period: isoWeekOf(localDay(when, settings)) });
    }
    if (prefs.reviewReminders && date === endOfMonth(date)) {
      const when = at(MONTHLY_REVIEW_REMINDER.time);
      if (inWindow(when, window)) out.push({ kind: 'review_reminder', at: when, review: 'monthly', period: localDay(when, settings).slice(0, 7) });
    }
    if (prefs.routineReminders) {
      for (const routine of person.routines) {
        const when = at(routine.reminderTime);
        if (inWindow(when, window)) out.push({ kind: 'routine_reminder', at: when, routineId: routine.id, day: localDay(when, settings) });
      }
    }
    if (prefs.pulsePrompts) {
      // Here `date` is the person's day a round begins on; its moment may fall on the next calendar date.
      for (const schedule of person.pulseSchedules ?? []) {
        if (!isRoundDay(schedule, date)) continue;
        const when = roundOpensAt(schedule, date, settings);
        if (inWindow(when, window)) out.push({ kind: 'pulse_prompt', at: when, workspaceId: schedule.workspaceId, dueOn: date });
      }
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The idempotency key of a slot: the same email for the same person and period has one key, ever. */
export function slotKey(slot: DueSlot, userId: string, workspaceId: string): string {
  switch (slot.kind) {
    case 'report':
      return `report:${userId}:${workspaceId}:${slot.week}`;
    case 'review_reminder':
      return `review-reminder:${userId}:${slot.review}:${slot.period}`;
    case 'routine_reminder':
      return `routine-reminder:${slot.routineId}:${slot.day}`;
    case 'pulse_prompt':
      // A round is its workspace and first day: one prompt per person per round, ever.
      return `pulse-prompt:${userId}:${slot.workspaceId}:${slot.dueOn}`;
  }
}

/**
 * How late an email may still go out after its moment (the server was down, email was just turned
 * on): a routine reminder hours late is noise, a week's report a day late is still worth reading,
 * and a pulse round stays open for days, so its prompt is still useful half a day late.
 */
export const MAX_LATENESS_MS: Record<DueSlot['kind'], number> = {
  report: 24 * 3_600_000,
  review_reminder: 6 * 3_600_000,
  routine_reminder: 3_600_000,
  pulse_prompt: 12 * 3_600_000,
};
