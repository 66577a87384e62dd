import { CarryOverTaskSchema, type CarryOverTaskInput } from '#contracts/plan.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { conflict, invalid, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { addDays } from '../time/plain-date.js';
import { nextPosition } from './add-task.js';
import { carriedConflict } from './complete-task.js';
import { getTask, type Task } from './task-queries.js';

export interface CarriedTask {
  /** The original, now marked carried. */
  from: Task;
  /** Its copy on the new day, planned, pointing back through carriedFromId. */
  to: Task;
}

/**
 * Carry an unfinished task forward: the original is marked carried and a planned copy is made on
 * `toDay`, pointing back to it, in one transaction. Without `toDay` it goes to the day after its
 * own day, or to today when that day is already past. Only a planned task can be carried forward.
 */
export async function carryOverTask(ctx: Ctx, input: CarryOverTaskInput): Promise<CarriedTask> {
  requireWriter(ctx);
  const data = parseInput(CarryOverTaskSchema, input, 'carry-over');
  return inTransaction(ctx, async (trx) => {
    const task = await getTask(trx, data.taskId);
    if (task.status === 'carried') throw await carriedConflict(trx, task);
    if (task.status !== 'planned') throw conflict(`"${task.title}" is ${task.status}; only a planned task can be carried over.`);
    const next = addDays(task.day, 1);
    const now = today(trx);
    const toDay = data.toDay ?? (next < now ? now : next);
    if (toDay <= task.day) throw invalid('toDay', `Carry a task forward: pick a day after ${task.day}.`);
    const marked = await trx.db
      .updateTable('tasks')
      .set({ status: 'carried' })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', task.id)
      .where('status', '=', 'planned')
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) throw conflict(`"${task.title}" changed while carrying it over; try again.`);
    const id = newId();
    await trx.db
      .insertInto('tasks')
      .values({
        ...copyOf(task),
        id,
        workspaceId: trx.actor.workspaceId,
        day: toDay,
        position: nextPosition(trx, toDay),
        createdAt: nowIso(trx),
      })
      .execute();
    return { from: await getTask(trx, task.id), to: await getTask(trx, id) };
  });
}

/** The fields a carried copy keeps from its original; status and history start afresh. */
export function copyOf(task: Task) {
  return {
    goalId: task.goalId,
    microGoalId: task.microGoalId,
    title: task.title,
    minutes: task.minutes,
    status: 'planned' as const,
    actualMinutes: null,
    carriedFromId: task.id,
    note: task.note,
    doneAt: null,
    // Whoever was doing it keeps doing it on the new day; an offered task stays offered.
    assigneeId: task.assigneeId,
    assignedById: task.assignedById,
    openForPickup: task.openForPickup ? 1 : 0,
  };
}
