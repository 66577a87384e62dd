import { AssignMicroGoalSchema, AssignTaskSchema, MicroGoalIdSchema, TaskIdSchema, type AssignMicroGoalInput, type AssignTaskInput, type MicroGoalIdInput, type TaskIdInput } from '#contracts/team.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { closedConflict, getMicroGoalItem, getTaskItem, resolveAssignee, type WorkItem } from './work-queries.js';

/**
 * Hand a planned task to a current member (a writer of the workspace: members may delegate, viewers
 * may not). Assigning takes it off the pickup list. Reassigning someone else's task is allowed: in a
 * small team anyone may rebalance the work, and the assigner is recorded.
 */
export async function assignTask(ctx: Ctx, input: AssignTaskInput): Promise<WorkItem> {
  requireWriter(ctx);
  const data = parseInput(AssignTaskSchema, input, 'assignment');
  return inTransaction(ctx, async (trx) => {
    const task = await getTaskItem(trx, data.taskId);
    if (!task.open) throw closedConflict(task, 'task', 'assigned');
    const assignee = await resolveAssignee(trx, data.assignee);
    await setTask(trx, task, { assigneeId: assignee.userId, assignedById: trx.actor.userId, openForPickup: 0 });
    return getTaskItem(trx, task.id);
  });
}

/** Give a planned task back to the team: unassigned, not offered. Harmless when already unassigned. */
export async function unassignTask(ctx: Ctx, input: TaskIdInput): Promise<WorkItem> {
  requireWriter(ctx);
  const data = parseInput(TaskIdSchema, input, 'task');
  return inTransaction(ctx, async (trx) => {
    const task = await getTaskItem(trx, data.taskId);
    if (!task.open) throw closedConflict(task, 'task', 'unassigned');
    await setTask(trx, task, { assigneeId: null, assignedById: null });
    return getTaskItem(trx, task.id);
  });
}

/** Hand a planned micro-goal to a current member; the same rules as for a task. */
export async function assignMicroGoal(ctx: Ctx, input: AssignMicroGoalInput): Promise<WorkItem> {
  requireWriter(ctx);
  const data = parseInput(AssignMicroGoalSchema, input, 'assignment');
  return inTransaction(ctx, async (trx) => {
    const micro = await getMicroGoalItem(trx, data.microGoalId);
    if (!micro.open) throw closedConflict(micro, 'micro-goal', 'assigned');
    const assignee = await resolveAssignee(trx, data.assignee);
    await setMicroGoal(trx, micro, { assigneeId: assignee.userId, assignedById: trx.actor.userId });
    return getMicroGoalItem(trx, micro.id);
  });
}

/** Give a planned micro-goal back to the team. Harmless when already unassigned. */
export async function unassignMicroGoal(ctx: Ctx, input: MicroGoalIdInput): Promise<WorkItem> {
  requireWriter(ctx);
  const data = parseInput(MicroGoalIdSchema, input, 'micro-goal');
  return inTransaction(ctx, async (trx) => {
    const micro = await getMicroGoalItem(trx, data.microGoalId);
    if (!micro.open) throw closedConflict(micro, 'micro-goal', 'unassigned');
    await setMicroGoal(trx, micro, { assigneeId: null, assignedById: null });
    return getMicroGoalItem(trx, micro.id);
  });
}

type TaskChange = { assigneeId: string | null; assignedById: string | null; openForPickup?: number };

// Conditional on the status read above: a task completed meanwhile is not reassigned behind its doer's back.
async function setTask(ctx: Ctx, task: WorkItem, change: TaskChange): Promise<void> {
  const res = await ctx.db
    .updateTable('tasks')
    .set(change)
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', task.id)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict(`"${task.title}" changed meanwhile; look again and retry.`);
}

async function setMicroGoal(ctx: Ctx, micro: WorkItem, change: { assigneeId: string | null; assignedById: string | null }): Promise<void> {
  const res = await ctx.db
    .updateTable('microGoals')
    .set(change)
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', micro.id)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict(`"${micro.title}" changed meanwhile; look again and retry.`);
}
