import type { Insertable } from 'kysely';
import type { CheckInTable, RoutineTable } from '#db/schema.js';
import { newId } from '../../ids.js';
import { frequency } from '../../insights/loop-entry.js';
import type { IsoDate } from '../../time/plain-date.js';
import type { LoopHabit } from './loop-export.js';

export interface RoutinePlan {
  loopName: string;
  routine: Insertable<RoutineTable>;
  checkIns: Array<Insertable<CheckInTable>>;
}

export interface PlanContext {
  workspaceId: string;
  now: string;
  today: IsoDate;
  /** Lower-cased names already used in the workspace; filled as names are taken. */
  taken: Set<string>;
  firstPosition: number;
  warnings: string[];
}

const MAX_NAME = 200;

/** The habit's name, or with " (Loop)", " (Loop 2)"… when a routine already has it (case-insensitively). */
export function uniqueName(name: string, position: number, taken: Set<string>): string {
  const base = name.replace(/\s+/g, ' ').trim() || `Loop habit ${position}`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : n === 2 ? ' (Loop)' : ` (Loop ${n - 1})`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) {
      taken.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

type Status = CheckInTable['status'];

// What a Loop day becomes: YES_AUTO and UNKNOWN days are not check-ins (the frequency recreates
// the automatic ones); amounts are stored in real units, "done" when they meet the target.
function checkInOf(habit: LoopHabit, value: number): { status: Status; value: number | null } | null {
  if (value === -1 || (!habit.numerical && value === 1)) return null;
  if (value === 3) return { status: 'skipped', value: null };
  if (!habit.numerical) return { status: value === 0 ? 'missed' : 'done', value: null };
  const amount = value / 1000;
  const met =
    habit.targetType === null || habit.target === null
      ? amount > 0
      : habit.targetType === 'at_least' ? amount >= habit.target : amount <= habit.target;
  return { status: met ? 'done' : 'missed', value: amount };
}

/** The routine row and check-in rows one Loop habit becomes. */
export function planRoutine(habit: LoopHabit, index: number, ctx: PlanContext): RoutinePlan {
  const id = newId();
  const name = uniqueName(habit.name, habit.position, ctx.taken);
  let { numerator, denominator } = frequency(habit.numerator, habit.denominator);
  if (!(numerator >= 1 && denominator >= numerator)) {
    ctx.warnings.push(`"${name}" had the frequency ${habit.numerator}/${habit.denominator}, which is not a valid schedule: it is now daily.`);
    numerator = denominator = 1;
  }
  const hasTarget = habit.numerical && habit.targetType !== null && habit.target !== null;
  if (habit.numerical && !hasTarget) {
    ctx.warnings.push(`"${name}" counts amounts but its export does not say its target: set one to score it by amount.`);
  }

  const checkIns: RoutinePlan['checkIns'] = [];
  let lostNotes = 0;
  for (const entry of habit.entries) {
    const c = checkInOf(habit, entry.value);
    if (!c) {
      if (entry.note.trim()) lostNotes++;
      continue;
    }
    checkIns.push({
      id: newId(), workspaceId: ctx.workspaceId, routineId: id, day: entry.date, status: c.status, value: c.value,
      note: entry.note.slice(0, 10_000), createdAt: ctx.now, updatedAt: ctx.now,
    });
  }
  if (lostNotes > 0) ctx.warnings.push(`"${name}": ${lostNotes} note(s) on days without a check of their own were left out.`);
  const startDay = checkIns.reduce((min, c) => (c.day < min ? c.day : min), ctx.today);

  return {
    loopName: habit.name,
    routine: {
      id,
      workspaceId: ctx.workspaceId,
      goalId: null,
      name,
      scheduleKind: numerator === 1 && denominator === 1 ? 'daily' : 'times',
      timesPerPeriod: numerator === 1 && denominator === 1 ? null : numerator,
      periodDays: numerator === 1 && denominator === 1 ? null : denominator,
      weekdays: null,
      rrule: null,
      targetKind: hasTarget ? habit.targetType! : 'none',
      targetValue: hasTarget ? habit.target : null,
      unit: habit.numerical ? habit.unit.trim().slice(0, 40) : '',
      minimumVersion: '',
      reminderTime: habit.reminderTime,
      startDay,
      archivedAt: habit.archived ? ctx.now : null,
      position: ctx.firstPosition + index,
      createdAt: ctx.now,
    },
    checkIns,
  };
}
