import { CreateRoutineSchema, type CreateRoutineInput } from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { nameInUse } from '../refs.js';
import { getRoutine, nameTakenMessage, scheduleColumns, type Routine } from './routine-queries.js';
import { checkGoal, checkSchedule } from './routine-rules.js';

/**
 * Create a routine: a schedule (daily unless said otherwise), an optional numeric target, an
 * optional minimum version for low-energy days and a reminder time. Names are unique per
 * workspace, ignoring case, because people check in by name.
 */
export async function createRoutine(ctx: Ctx, input: CreateRoutineInput): Promise<Routine> {
  requireWriter(ctx);
  const data = parseInput(CreateRoutineSchema, input, 'routine');
  const startDay = data.startDay ?? today(ctx);
  const schedule = checkSchedule(data.schedule, startDay);
  return inTransaction(ctx, async (trx) => {
    await checkGoal(trx, data.goalId);
    if (await nameInUse(trx, 'routines', data.name)) throw conflict(nameTakenMessage(data.name));
    const last = await trx.db
      .selectFrom('routines')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('workspaceId', '=', trx.actor.workspaceId)
      .executeTakeFirst();
    const id = newId();
    const result = await trx.db
      .insertInto('routines')
      .values({
        id,
        workspaceId: trx.actor.workspaceId,
        goalId: data.goalId ?? null,
        name: data.name,
        ...scheduleColumns(schedule),
        targetKind: data.target?.kind ?? 'none',
        targetValue: data.target?.value ?? null,
        unit: data.target?.unit ?? '',
        minimumVersion: data.minimumVersion,
        reminderTime: data.reminderTime ?? null,
        startDay,
        archivedAt: null,
        position: Number(last?.max ?? 0) + 1,
        createdAt: nowIso(trx),
      })
      // A concurrent create of the same name loses here instead of failing on the constraint.
      .onConflict((oc) => oc.columns(['workspaceId', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw conflict(nameTakenMessage(data.name));
    return getRoutine(trx, id);
  });
}
