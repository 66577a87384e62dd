import { TaskRefSchema, type TaskRefInput } from '#contracts/plan.js';
import { requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { carriedConflict } from './complete-task.js';
import { getTask, toTask, type Task } from './task-queries.js';

/** Skip a planned task on purpose (it counts as skipped, not as missed work). Skipping twice is harmless. */
export async function skipTask(ctx: Ctx, input: TaskRefInput): Promise<Task> {
  requireWriter(ctx);
  const { taskId } = parseInput(TaskRefSchema, input, 'task');
  const updated = await ctx.db
    .updateTable('tasks')
    .set({ status: 'skipped' })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', taskId)
    .where('status', '=', 'planned')
    .returningAll()
    .executeTakeFirst();
  if (updated) return toTask(updated);
  const current = await getTask(ctx, taskId);
  if (current.status === 'skipped') return current;
  if (current.status === 'carried') throw await carriedConflict(ctx, current);
  throw conflict(`"${current.title}" is already done; a done task cannot be skipped.`);
}
