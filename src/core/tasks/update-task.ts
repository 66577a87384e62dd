import { UpdateTaskSchema, type UpdateTaskInput } from '#contracts/plan.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getMicroGoal } from '../plan/plan-queries.js';
import { getTask, resolveTaskLinks, type Task, type TaskLinks } from './task-queries.js';

/**
 * Change a task's title, length (still 15–60 minutes), day, note or what it belongs to. Setting a
 * micro-goal also sets its goal; setting another goal unlinks a micro-goal of a different goal;
 * clearing the goal (null) clears the micro-goal too.
 */
export async function updateTask(ctx: Ctx, input: UpdateTaskInput): Promise<Task> {
  requireWriter(ctx);
  const { taskId, microGoalId, goalId, ...fields } = parseInput(UpdateTaskSchema, input, 'task change');
  return inTransaction(ctx, async (trx) => {
    const before = await getTask(trx, taskId);
    const links = await nextLinks(trx, before, microGoalId, goalId);
    const changes = { ...fields, ...links };
    if (Object.keys(changes).length > 0) {
      await trx.db.updateTable('tasks').set(changes).where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', taskId).execute();
    }
    return getTask(trx, taskId);
  });
}

async function nextLinks(ctx: Ctx, task: Task, microGoalId: string | null | undefined, goalId: string | null | undefined): Promise<Partial<TaskLinks>> {
  if (microGoalId) return resolveTaskLinks(ctx, { microGoalId, goalId });
  if (goalId === null) return { microGoalId: null, goalId: null };
  if (goalId !== undefined) {
    const links = await resolveTaskLinks(ctx, { goalId });
    const keep = microGoalId === undefined && task.microGoalId !== null && (await getMicroGoal(ctx, task.microGoalId)).goalId === goalId;
    return { goalId: links.goalId, microGoalId: keep ? task.microGoalId : null };
  }
  return microGoalId === null ? { microGoalId: null } : {};
}
