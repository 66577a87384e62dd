import type { Executor } from '../context.js';

/**
 * When someone leaves a workspace (or is removed), the work they still had goes back to the team in
 * the same transaction: their planned tasks become unassigned and open for pickup, their planned
 * micro-goals unassigned. What they finished keeps their name: it is the record of who did it.
 */
export async function releaseMemberWork(db: Executor, workspaceId: string, userId: string): Promise<{ tasks: number; microGoals: number }> {
  const tasks = await db
    .updateTable('tasks')
    .set({ assigneeId: null, assignedById: null, openForPickup: 1 })
    .where('workspaceId', '=', workspaceId)
    .where('assigneeId', '=', userId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  const microGoals = await db
    .updateTable('microGoals')
    .set({ assigneeId: null, assignedById: null })
    .where('workspaceId', '=', workspaceId)
    .where('assigneeId', '=', userId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return { tasks: Number(tasks.numUpdatedRows), microGoals: Number(microGoals.numUpdatedRows) };
}
