import { TaskIdSchema, type TaskIdInput } from '#contracts/team.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { closedConflict, getTaskItem, type WorkItem } from './work-queries.js';

/**
 * Offer a planned task for anyone in the team to pick up (volunteer-style work). Offering releases
 * it: whoever had it no longer does, so the first person to pick it up gets it.
 */
export async function offerTask(ctx: Ctx, input: TaskIdInput): Promise<WorkItem> {
  requireWriter(ctx);
  const { taskId } = parseInput(TaskIdSchema, input, 'task');
  return inTransaction(ctx, async (trx) => {
    const task = await getTaskItem(trx, taskId);
    if (!task.open) throw closedConflict(task, 'task', 'offered');
    await trx.db
      .updateTable('tasks')
      .set({ openForPickup: 1, assigneeId: null, assignedById: trx.actor.userId })
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('id', '=', task.id)
      .execute();
    return getTaskItem(trx, task.id);
  });
}

/** Take an offered task off the pickup list (it stays unassigned). Harmless when it was not offered. */
export async function withdrawOffer(ctx: Ctx, input: TaskIdInput): Promise<WorkItem> {
  requireWriter(ctx);
  const { taskId } = parseInput(TaskIdSchema, input, 'task');
  return inTransaction(ctx, async (trx) => {
    const task = await getTaskItem(trx, taskId);
    await trx.db.updateTable('tasks').set({ openForPickup: 0 }).where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', task.id).execute();
    return getTaskItem(trx, task.id);
  });
}

/**
 * Pick up an offered task: it becomes yours. One conditional UPDATE (still unassigned, still offered,
 * still planned) decides between people picking at once, on either engine: exactly one row changes,
 * so one wins and the others get a 409 naming who was faster. Picking up a task that is already
 * yours answers it unchanged, so a retried request is harmless.
 */
export async function pickUpTask(ctx: Ctx, input: TaskIdInput): Promise<WorkItem> {
  requireWriter(ctx);
  const { taskId } = parseInput(TaskIdSchema, input, 'task');
  const me = ctx.actor.userId;
  const res = await ctx.db
    .updateTable('tasks')
    .set({ assigneeId: me, assignedById: me, openForPickup: 0 })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', taskId)
    .where('assigneeId', 'is', null)
    .where('openForPickup', '=', 1)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  const task = await getTaskItem(ctx, taskId);
  if (Number(res.numUpdatedRows) === 1 || task.assigneeId === me) return task;
  if (task.assigneeId) throw conflict(`${task.assigneeName ?? 'Someone'} picked up "${task.title}" first; see what is still open with: smallwins team open`);
  if (!task.open) throw closedConflict(task, 'task', 'picked up');
  throw conflict(`"${task.title}" is not open for pickup. Ask for it to be offered (smallwins team offer) or assigned to you.`);
}
