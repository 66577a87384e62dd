import { CheckInRoutineSchema, ListCheckInsSchema, UndoCheckInSchema, type CheckInRoutineInput, type ListCheckInsInput, type UndoCheckInInput } from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { AppError, conflict, invalid, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { routineHistory, routineMilestoneWins } from '../insights/milestone-wins.js';
import type { Win } from '../wins/win-queries.js';
import { getRoutine, toCheckIn, type CheckIn, type Routine, type RoutineTarget } from './routine-queries.js';
import { touchScoreCheckpoint } from './score-checkpoints.js';

type Status = CheckIn['status'];

/** A check-in, with the milestone wins it earned (a new best streak, a strength threshold) when it earned any. */
export type CheckInResult = CheckIn & { milestones?: Win[] };

/** A numeric check-in is done when it meets the target; otherwise missed, with the value kept. */
export function statusForValue(target: RoutineTarget, value: number): Status {
  const met = target.kind === 'at_least' ? value >= target.value : value <= target.value;
  return met ? 'done' : 'missed';
}

function resolveStatus(routine: Routine, status: Status | undefined, value: number | null | undefined): { status: Status; value: number | null } {
  const name = routine.name;
  if (status === 'minimum' && !routine.minimumVersion) {
    throw invalid('status', `"${name}" has no minimum version yet. Give it one with: smallwins routine edit "${name}" --minimum "<tiny version>"`);
  }
  if (!routine.target) {
    if (value !== undefined && value !== null) {
      throw invalid('value', `"${name}" is a yes/no routine and takes no value. To log numbers, give it a target: smallwins routine edit "${name}" --at-least <n>`);
    }
    return { status: status ?? 'done', value: null };
  }
  // Skipping, missing or doing the minimum needs no number; a plain check-in of a numeric routine does.
  if (status === 'skipped' || status === 'missed' || status === 'minimum') return { status, value: value ?? null };
  if (value === undefined || value === null) {
    const unit = routine.target.unit ? ` ${routine.target.unit}` : '';
    throw invalid('value', `"${name}" is counted (${routine.target.kind === 'at_least' ? 'at least' : 'at most'} ${routine.target.value}${unit}). Give the value, e.g. smallwins check "${name}" --value ${routine.target.value}`);
  }
  return { status: statusForValue(routine.target, value), value };
}

/**
 * Check in a routine for a local day (today unless said; never a future day, never before the
 * start day). One check-in per routine per day: a second one replaces the first, as one upsert,
 * so concurrent identical check-ins leave exactly one row. A numeric routine needs a value and its
 * status follows from the target; "minimum" needs a minimum version. Milestones it earns become
 * wins in the same transaction.
 */
export async function checkInRoutine(ctx: Ctx, input: CheckInRoutineInput): Promise<CheckInResult> {
  requireWriter(ctx);
  const data = parseInput(CheckInRoutineSchema, input, 'check-in');
  const current = today(ctx);
  const day = data.day ?? current;
  if (day > current) {
    throw invalid('day', `${day} has not come yet; check in for today (${current}) or an earlier day.`);
  }
  const routine = await getRoutine(ctx, data.routineId);
  if (routine.archivedAt) {
    throw conflict(`"${routine.name}" is archived. Bring it back first with: smallwins routine archive "${routine.name}" --restore`);
  }
  if (day < routine.startDay) {
    throw invalid('day', `"${routine.name}" starts on ${routine.startDay}; check in on or after that day, or move its start with: smallwins routine edit "${routine.name}" --start ${day}`);
  }
  const { status, value } = resolveStatus(routine, data.status, data.value);
  const now = nowIso(ctx);
  return inTransaction(ctx, async (trx) => {
    const before = await routineHistory(trx, routine.id);
    const row = await trx.db
      .insertInto('checkIns')
      .values({ id: newId(), workspaceId: trx.actor.workspaceId, routineId: routine.id, day, status, value, note: data.note, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.columns(['routineId', 'day']).doUpdateSet({ status, value, note: data.note, updatedAt: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await touchScoreCheckpoint(trx, routine.id, day);
    const checkIn = toCheckIn(row);
    const milestones = await routineMilestoneWins(trx, before, checkIn);
    return milestones.length > 0 ? { ...checkIn, milestones } : checkIn;
  });
}

/** Remove a routine's check-in of a day (today unless said). */
export async function undoCheckIn(ctx: Ctx, input: UndoCheckInInput): Promise<CheckIn> {
  requireWriter(ctx);
  const data = parseInput(UndoCheckInSchema, input, 'check-in');
  const day = data.day ?? today(ctx);
  const routine = await getRoutine(ctx, data.routineId);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.db
      .deleteFrom('checkIns')
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('routineId', '=', routine.id)
      .where('day', '=', day)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `"${routine.name}" has no check-in on ${day}; nothing to undo. See its days with: smallwins routine show "${routine.name}"`);
    await touchScoreCheckpoint(trx, routine.id, day);
    return toCheckIn(row);
  });
}

/** A routine's check-ins in day order, optionally within [from, to]. */
export async function listCheckIns(ctx: Ctx, input: ListCheckInsInput): Promise<CheckIn[]> {
  const data = parseInput(ListCheckInsSchema, input, 'check-in range');
  const routine = await getRoutine(ctx, data.routineId);
  let query = ctx.db
    .selectFrom('checkIns')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', '=', routine.id);
  if (data.from) query = query.where('day', '>=', data.from);
  if (data.to) query = query.where('day', '<=', data.to);
  return (await query.orderBy('day').execute()).map(toCheckIn);
}
