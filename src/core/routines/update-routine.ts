import { UpdateRoutineSchema, type UpdateRoutineInput } from '#contracts/systems.js';
import type { RoutineTable } from '#db/schema.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { conflict, invalid, parseInput } from '../errors.js';
import { nameInUse } from '../refs.js';
import { getRoutine, nameTakenMessage, scheduleColumns, type Routine } from './routine-queries.js';
import { checkGoal, checkSchedule } from './routine-rules.js';
import { touchScoreCheckpoint } from './score-checkpoints.js';

/**
 * Change a routine's name, goal, schedule, target, minimum version, reminder or start day. A start
 * day may only move later when no check-in would fall before it.
 */
export async function updateRoutine(ctx: Ctx, input: UpdateRoutineInput): Promise<Routine> {
  requireWriter(ctx);
  const { routineId, ...data } = parseInput(UpdateRoutineSchema, input, 'routine change');
  return inTransaction(ctx, async (trx) => {
    const before = await getRoutine(trx, routineId);
    const startDay = data.startDay ?? before.startDay;
    const changes: Partial<RoutineTable> = {};
    if (data.name !== undefined && data.name !== before.name) {
      if (await nameInUse(trx, 'routines', data.name, routineId)) throw conflict(nameTakenMessage(data.name));
      changes.name = data.name;
    }
    if (data.goalId !== undefined) {
      await checkGoal(trx, data.goalId);
      changes.goalId = data.goalId;
    }
    if (data.schedule !== undefined || data.startDay !== undefined) {
      Object.assign(changes, scheduleColumns(checkSchedule(data.schedule ?? before.schedule, startDay)));
    }
    if (data.target !== undefined) {
      changes.targetKind = data.target?.kind ?? 'none';
      changes.targetValue = data.target?.value ?? null;
      changes.unit = data.target?.unit ?? '';
    }
    if (data.minimumVersion !== undefined) changes.minimumVersion = data.minimumVersion;
    if (data.reminderTime !== undefined) changes.reminderTime = data.reminderTime;
    if (data.startDay !== undefined && data.startDay > before.startDay) {
      const earlier = await trx.db
        .selectFrom('checkIns')
        .select('day')
        .where('workspaceId', '=', trx.actor.workspaceId)
        .where('routineId', '=', routineId)
        .where('day', '<', data.startDay)
        .orderBy('day')
        .executeTakeFirst();
      if (earlier) {
        throw invalid('startDay', `"${before.name}" has a check-in on ${earlier.day}, before ${data.startDay}. Pick a start day on or before ${earlier.day}, or undo those check-ins first.`);
      }
    }
    if (data.startDay !== undefined) changes.startDay = data.startDay;
    if (Object.keys(changes).length > 0) {
      await trx.db
        .updateTable('routines')
        .set(changes)
        .where('workspaceId', '=', trx.actor.workspaceId)
        .where('id', '=', routineId)
        .execute();
    }
    // The schedule, start day and target decide every day's value: the checkpoint goes.
    if (data.schedule !== undefined || data.startDay !== undefined || data.target !== undefined) {
      await touchScoreCheckpoint(trx, routineId, null);
    }
    return getRoutine(trx, routineId);
  });
}
