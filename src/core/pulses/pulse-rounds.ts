import { instantAt } from '../outreach/local-instant.js';
import { isoWeekOf, weekStart, type IsoWeek } from '../time/iso-week.js';
import { localDay, type DaySettings } from '../time/local-day.js';
import { addDays, daysBetween, isoWeekday, type IsoDate } from '../time/plain-date.js';

/*
 * When a pulse schedule's rounds open, for one person: pure, no clock and no database. A round is a
 * run of the person's own calendar days (their time zone and start-of-day hour): it begins on the
 * scheduled weekday of a scheduled week and its last day is the day before the next round begins,
 * so every day belongs to exactly one round and an answer belongs to the round of its day. It opens
 * at the schedule's local time on its first day (the card appears, the email goes out).
 */

/** What decides the rounds: the weekday and local time they open, and every how many weeks from `startWeek`. */
export interface RoundRule {
  weekday: number;
  time: string;
  everyWeeks: number;
  startWeek: IsoWeek;
}

export interface RoundOpening {
  /** The person's day the round begins on. */
  dueOn: IsoDate;
  /** The instant it opens: the schedule's time on that day, in the person's time zone. */
  opensAt: Date;
}

export interface Round extends RoundOpening {
  /** The round's last day (the day before the next round begins): answers up to it count. */
  lastDay: IsoDate;
}

export interface RoundState {
  /** The round open now; null before the first round, or on a round's first day before its time. */
  open: Round | null;
  /** The round that opens next. */
  next: RoundOpening;
}

/** Whole weeks from the anchor week to the week of `day` (negative before it): calendar arithmetic on Mondays. */
function weeksFromStart(rule: RoundRule, day: IsoDate): number {
  return daysBetween(weekStart(rule.startWeek), weekStart(isoWeekOf(day))) / 7;
}

/** The first day of the first round. */
function firstRoundDay(rule: RoundRule): IsoDate {
  return addDays(weekStart(rule.startWeek), rule.weekday - 1);
}

/** Whether a round begins on this day. */
export function isRoundDay(rule: RoundRule, day: IsoDate): boolean {
  if (isoWeekday(day) !== rule.weekday) return false;
  const weeks = weeksFromStart(rule, day);
  return weeks >= 0 && weeks % rule.everyWeeks === 0;
}

/** The first day of the latest round beginning on or before `day`, or null before the first round. */
export function roundDayOnOrBefore(rule: RoundRule, day: IsoDate): IsoDate | null {
  const weeks = weeksFromStart(rule, day);
  if (weeks < 0) return null;
  let candidate = addDays(firstRoundDay(rule), (weeks - (weeks % rule.everyWeeks)) * 7);
  if (candidate > day) candidate = addDays(candidate, -7 * rule.everyWeeks);
  return candidate < firstRoundDay(rule) ? null : candidate;
}

/**
 * The instant a round beginning on the person's day `dueOn` opens. A time before their start-of-day
 * hour is on the next calendar date, still their `dueOn` (01:00 with a 04:00 start of day is the
 * night after). Daylight saving moves the instant, never the local time (`instantAt`).
 */
export function roundOpensAt(rule: RoundRule, dueOn: IsoDate, settings: DaySettings): Date {
  const hour = Number(rule.time.slice(0, 2));
  return instantAt(hour < settings.dayStartHour ? addDays(dueOn, 1) : dueOn, rule.time, settings.timeZone);
}

/** The round open at `now` for a person, and the next one to open. */
export function roundAt(rule: RoundRule, now: Date, settings: DaySettings): RoundState {
  const today = localDay(now, settings);
  const day = roundDayOnOrBefore(rule, today);
  const opening = (dueOn: IsoDate): RoundOpening => ({ dueOn, opensAt: roundOpensAt(rule, dueOn, settings) });
  if (day === null) return { open: null, next: opening(firstRoundDay(rule)) };
  const current = opening(day);
  const following = opening(addDays(day, 7 * rule.everyWeeks));
  // The round's first day, before its time: the previous round's days are over, this one is not open yet.
  if (now.getTime() < current.opensAt.getTime()) return { open: null, next: current };
  return { open: { ...current, lastDay: addDays(following.dueOn, -1) }, next: following };
}
