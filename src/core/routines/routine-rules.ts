import { AppError } from '../errors.js';
import { getGoal } from '../goals/goal-queries.js';
import type { Ctx } from '../context.js';
import { RRULE_EXAMPLE, normalizeRrule, rruleFirstDay } from './rrule-schedule.js';
import type { Schedule } from './schedule.js';

/**
 * The checks a schedule needs beyond its shape: a recurrence rule must parse and must fall on
 * some day within four years of the start. Returns the schedule with the rule in canonical form.
 */
export function checkSchedule(schedule: Schedule, startDay: string): Schedule {
  if (schedule.kind !== 'rrule') return schedule;
  let rrule: string;
  try {
    rrule = normalizeRrule(schedule.rrule);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The rule "${schedule.rrule}" is not a valid recurrence rule: ${reason}. Write it like ${RRULE_EXAMPLE} (RFC 5545).`;
    throw new AppError('validation', message, [{ path: 'schedule.rrule', message: reason }]);
  }
  if (rruleFirstDay(rrule, startDay) === null) {
    const message = `The rule "${rrule}" never falls on a day in the four years from ${startDay}; a routine must be due sometimes. Try e.g. ${RRULE_EXAMPLE}.`;
    throw new AppError('validation', message, [{ path: 'schedule.rrule', message: 'has no occurrence' }]);
  }
  return { kind: 'rrule', rrule };
}

/** A routine's goal must be one of the workspace's goals. */
export async function checkGoal(ctx: Ctx, goalId: string | null | undefined): Promise<void> {
  if (goalId) await getGoal(ctx, goalId);
}
