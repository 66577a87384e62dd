import { CompleteTaskSchema, type CompleteTaskInput } from '#contracts/plan.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { createAutoWin } from '../wins/create-auto-win.js';
import type { Win } from '../wins/win-queries.js';
import { getTask, toTask, type Task } from './task-queries.js';

export interface CompletedTask {
  task: Task;
  /** The win this completion earned; null when the task was already done. */
  win: Win | null;
}

/**
 * Mark a task done (a skipped one may still be done) and celebrate it with a win, in one
 * transaction. Idempotent: completing a done task only corrects its actual minutes and never makes
 * a second win. A carried-over task is finished through its copy on the later day.
 */
export async function completeTask(ctx: Ctx, input: CompleteTaskInput): Promise<CompletedTask> {
  requireWriter(ctx);
  const data = parseInput(CompleteTaskSchema, input, 'task completion');
  const actual = data.actualMinutes !== undefined ? { actualMinutes: data.actualMinutes } : {};
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    // The status guard makes the transition happen once, even when two completions race.
    const updated = await trx.db
      .updateTable('tasks')
      .set({ status: 'done', doneAt: nowIso(trx), ...actual })
      .where('workspaceId', '=', ws)
      .where('id', '=', data.taskId)
      .where('status', 'in', ['planned', 'skipped'])
      .returningAll()
      .executeTakeFirst();
    if (updated) {
      const win = await createAutoWin(trx, { source: 'task', sourceId: updated.id, title: updated.title });
      return { task: toTask(updated), win };
    }
    const current = await getTask(trx, data.taskId);
    if (current.status === 'carried') throw await carriedConflict(trx, current);
    if (data.actualMinutes !== undefined) {
      await trx.db.updateTable('tasks').set(actual).where('workspaceId', '=', ws).where('id', '=', current.id).execute();
    }
    return { task: await getTask(trx, current.id), win: null };
  });
}

/** The refusal for acting on a carried-over task, naming the copy that carries it on. */
export async function carriedConflict(ctx: Ctx, task: Task) {
  const copy = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'day'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('carriedFromId', '=', task.id)
    .executeTakeFirst();
  const where = copy ? ` to ${copy.day}; act on that copy (${copy.id.slice(0, 6)}) instead` : '; act on its copy instead';
  return conflict(`"${task.title}" was carried over${where}.`);
}
