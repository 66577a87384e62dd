import { TaskRefSchema, type TaskRefInput } from '#contracts/plan.js';
import { requireWriter, type Ctx } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { toTask, type Task } from './task-queries.js';

/**
 * Delete a task for good and return what it was. Its win, if it earned one, stays: the work
 * happened. A copy carried from it keeps its place and simply loses the link back.
 */
export async function deleteTask(ctx: Ctx, input: TaskRefInput): Promise<Task> {
  requireWriter(ctx);
  const { taskId } = parseInput(TaskRefSchema, input, 'task');
  const row = await ctx.db
    .deleteFrom('tasks')
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', taskId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('task', taskId);
  return toTask(row);
}
