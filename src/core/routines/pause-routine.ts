import { PauseRoutineSchema, RoutineRefSchema, type PauseRoutineInput, type RoutineRefInput } from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { AppError, conflict, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { addDays } from '../time/plain-date.js';
import { getRoutine, pausesOf, toPause, type Pause } from './routine-queries.js';
import { touchScoreCheckpoint } from './score-checkpoints.js';

const FOREVER = '9999-12-31';

function describe(p: Pause): string {
  return p.endDay ? `from ${p.startDay} to ${p.endDay}` : `from ${p.startDay} until resumed`;
}

/**
 * Pause a routine for a range of days (from today unless said; open-ended without `to`). Paused
 * days are not due, so they break nothing. Overlapping pauses are refused.
 */
export async function pauseRoutine(ctx: Ctx, input: PauseRoutineInput): Promise<Pause> {
  requireWriter(ctx);
  const data = parseInput(PauseRoutineSchema, input, 'pause');
  const from = data.from ?? today(ctx);
  const to = data.to ?? null;
  if (to !== null && to < from) {
    throw new AppError('validation', `The pause would end (${to}) before it starts (${from}). Give --to on or after ${from}.`, [{ path: 'to', message: 'is before the start' }]);
  }
  return inTransaction(ctx, async (trx) => {
    const routine = await getRoutine(trx, data.routineId);
    if (routine.archivedAt) throw conflict(`"${routine.name}" is archived, so it is never due; there is nothing to pause.`);
    // Touch the routine row first: on PostgreSQL this row lock makes concurrent pauses of one routine take turns.
    await trx.db.updateTable('routines').set((eb) => ({ position: eb.ref('position') })).where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', routine.id).execute();
    const clash = (await pausesOf(trx, [routine.id])).find((p) => p.startDay <= (to ?? FOREVER) && from <= (p.endDay ?? FOREVER));
    if (clash) {
      throw conflict(`"${routine.name}" is already paused ${describe(clash)}. Pick days outside that pause, or resume it first with: smallwins routine resume "${routine.name}"`);
    }
    const row = { id: newId(), workspaceId: trx.actor.workspaceId, routineId: routine.id, startDay: from, endDay: to, reason: data.reason, createdAt: nowIso(trx) };
    await trx.db.insertInto('routinePauses').values(row).execute();
    await touchScoreCheckpoint(trx, routine.id, from);
    return toPause(row);
  });
}

export interface Resumed {
  /** The pause as it now stands (ended yesterday), or as it was when it is removed. */
  pause: Pause;
  /** True when the pause had not begun before today and was dropped altogether. */
  removed: boolean;
}

/**
 * Resume a paused routine today: the pause in force (or an open-ended one still to come) ends
 * yesterday, so today is due again. A pause that only started today is removed, since no day of it
 * has passed.
 */
export async function resumeRoutine(ctx: Ctx, input: RoutineRefInput): Promise<Resumed> {
  requireWriter(ctx);
  const { routineId } = parseInput(RoutineRefSchema, input, 'routine');
  const day = today(ctx);
  return inTransaction(ctx, async (trx) => {
    const routine = await getRoutine(trx, routineId);
    const pauses = await pausesOf(trx, [routine.id]);
    const pause =
      pauses.find((p) => p.startDay <= day && (p.endDay === null || day <= p.endDay)) ??
      pauses.find((p) => p.startDay > day && p.endDay === null);
    if (!pause) throw conflict(`"${routine.name}" is not paused today, so there is nothing to resume.`);
    if (pause.startDay >= day) {
      await trx.db.deleteFrom('routinePauses').where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', pause.id).execute();
      await touchScoreCheckpoint(trx, routine.id, pause.startDay);
      return { pause, removed: true };
    }
    const endDay = addDays(day, -1);
    await trx.db
      .updateTable('routinePauses')
      .set({ endDay })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', pause.id)
      .execute();
    // Days from today on are no longer paused; the days before stay as they were.
    await touchScoreCheckpoint(trx, routine.id, day);
    return { pause: { ...pause, endDay }, removed: false };
  });
}

/** A routine's pauses, oldest first. */
export async function listPauses(ctx: Ctx, input: RoutineRefInput): Promise<Pause[]> {
  const { routineId } = parseInput(RoutineRefSchema, input, 'routine');
  const routine = await getRoutine(ctx, routineId);
  return pausesOf(ctx, [routine.id]);
}
