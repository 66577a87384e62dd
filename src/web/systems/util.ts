import { ApiError, type Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type RoutineItem = Output<typeof api.listRoutines>;
export type Schedule = RoutineItem['schedule'];
export type Target = RoutineItem['target'];
export type RoutineDetail = Output<typeof api.showRoutine>;
export type Streaks = Output<typeof api.routineStreaks>;
export type Scores = Output<typeof api.routineScores>;
export type ChecklistItem = Output<typeof api.listChecklists>;
export type RunDetail = Output<typeof api.showChecklistRun>;
export type TemplateItem = Output<typeof api.listTemplates>;
export type GoalItem = Output<typeof api.listGoals>;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

/** The error's message when none of its details belongs to one of the form's fields. */
export function generalMessage(error: ApiError | null, fields: string[]): string | null {
  if (!error) return null;
  const claimed = error.details.some((d) =>
    fields.some((f) => d.path === f || d.path.endsWith(`.${f}`)),
  );
  if (!claimed) {
    const detail = error.details[0];
    return detail
      ? `${error.message} (${detail.path || 'input'}: ${detail.message})`
      : error.message;
  }
  return null;
}

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/** The schedule in words: "every day", "3 times per 7 days", "Mon, Wed, Fri", the rule. */
export function describeSchedule(s: Schedule): string {
  switch (s.kind) {
    case 'daily':
      return 'Every day';
    case 'times':
      return s.periodDays === 7
        ? `${s.times}× per week`
        : `${s.times}× per ${s.periodDays} day${s.periodDays === 1 ? '' : 's'}`;
    case 'weekdays':
      return s.weekdays.length === 7
        ? 'Every day'
        : s.weekdays.map((d) => WEEKDAYS[d - 1]?.slice(0, 3)).join(', ');
    case 'rrule':
      return `Rule: ${s.rrule}`;
  }
}

export function describeTarget(t: Target): string | null {
  if (!t) return null;
  return `${t.kind === 'at_least' ? 'At least' : 'At most'} ${t.value}${t.unit ? ` ${t.unit}` : ''}`;
}

const parse = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  return ((parse(day).getUTCDay() + 6) % 7) + 1;
}

/** "Mon 3 Mar 2025" for a calendar day, whatever the browser's time zone. */
export function shortDay(day: string, withYear = true): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  }).format(parse(day));
}

export function monthOf(day: string): string {
  return new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' }).format(parse(day));
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
