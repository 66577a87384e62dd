import type { Selectable } from 'kysely';
import type { CheckInTable, RoutinePauseTable, RoutineTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { toSchedule, type Schedule, type ScheduleColumns } from './schedule.js';

export interface RoutineTarget {
  kind: 'at_least' | 'at_most';
  value: number;
  unit: string;
}

export interface Routine {
  id: string;
  name: string;
  goalId: string | null;
  schedule: Schedule;
  /** Null for a yes/no routine; set for a numeric one. */
  target: RoutineTarget | null;
  /** The tiny version for low-energy days; empty when there is none. */
  minimumVersion: string;
  reminderTime: string | null;
  startDay: string;
  archivedAt: string | null;
  position: number;
  createdAt: string;
}

export interface Pause {
  id: string;
  routineId: string;
  startDay: string;
  endDay: string | null;
  reason: string;
  createdAt: string;
}

export interface CheckIn {
  id: string;
  routineId: string;
  day: string;
  status: CheckInTable['status'];
  value: number | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** The schedule columns of a row, every column set so a change of kind clears the old ones. */
export function scheduleColumns(s: Schedule): ScheduleColumns {
  return {
    scheduleKind: s.kind,
    timesPerPeriod: s.kind === 'times' ? s.times : null,
    periodDays: s.kind === 'times' ? s.periodDays : null,
    weekdays: s.kind === 'weekdays' ? s.weekdays.join(',') : null,
    rrule: s.kind === 'rrule' ? s.rrule : null,
  };
}

export function toRoutine(row: Selectable<RoutineTable>): Routine {
  return {
    id: row.id,
    name: row.name,
    goalId: row.goalId,
    schedule: toSchedule(row),
    target: row.targetKind === 'none' || row.targetValue === null ? null : { kind: row.targetKind, value: row.targetValue, unit: row.unit },
    minimumVersion: row.minimumVersion,
    reminderTime: row.reminderTime,
    startDay: row.startDay,
    archivedAt: row.archivedAt,
    position: row.position,
    createdAt: row.createdAt,
  };
}

export function toPause(row: Selectable<RoutinePauseTable>): Pause {
  return { id: row.id, routineId: row.routineId, startDay: row.startDay, endDay: row.endDay, reason: row.reason, createdAt: row.createdAt };
}

export function toCheckIn(row: Selectable<CheckInTable>): CheckIn {
  return {
    id: row.id,
    routineId: row.routineId,
    day: row.day,
    status: row.status,
    // PostgreSQL's double precision comes back as a number, but keep both engines identical.
    value: row.value === null ? null : Number(row.value),
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One routine of the actor's workspace, archived or not. */
export async function getRoutine(ctx: Ctx, routineId: string): Promise<Routine> {
  const row = await ctx.db
    .selectFrom('routines')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', routineId)
    .executeTakeFirst();
  if (!row) throw notFound('routine', routineId);
  return toRoutine(row);
}

/** Every pause of the given routines, oldest first. */
export async function pausesOf(ctx: Ctx, routineIds: string[]): Promise<Pause[]> {
  if (routineIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('routinePauses')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', 'in', routineIds)
    .orderBy('startDay')
    .orderBy('id')
    .execute();
  return rows.map(toPause);
}

export const nameTakenMessage = (name: string): string =>
  `You already have a routine called "${name}". Pick another name, or change that one with: smallwins routine edit "${name}"`;
