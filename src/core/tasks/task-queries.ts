import type { Selectable } from 'kysely';
import type { TaskTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { getMicroGoal } from '../plan/plan-queries.js';

export interface Task {
  id: string;
  title: string;
  minutes: number;
  day: string;
  status: TaskTable['status'];
  actualMinutes: number | null;
  goalId: string | null;
  microGoalId: string | null;
  /** The task this one continues, when it was carried over from an earlier day. */
  carriedFromId: string | null;
  note: string;
  position: number;
  doneAt: string | null;
  createdAt: string;
  /** The member doing it (team workspaces); null while unassigned. */
  assigneeId: string | null;
  assignedById: string | null;
  /** Offered for anyone to pick up (and unassigned meanwhile). */
  openForPickup: boolean;
}

export function toTask(row: Selectable<TaskTable>): Task {
  return {
    id: row.id,
    title: row.title,
    minutes: row.minutes,
    day: row.day,
    status: row.status,
    actualMinutes: row.actualMinutes,
    goalId: row.goalId,
    microGoalId: row.microGoalId,
    carriedFromId: row.carriedFromId,
    note: row.note,
    position: row.position,
    doneAt: row.doneAt,
    createdAt: row.createdAt,
    assigneeId: row.assigneeId,
    assignedById: row.assignedById,
    openForPickup: row.openForPickup === 1,
  };
}

export async function getTask(ctx: Ctx, taskId: string): Promise<Task> {
  const row = await ctx.db
    .selectFrom('tasks')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!row) throw notFound('task', taskId);
  return toTask(row);
}

export interface TaskLinks {
  microGoalId: string | null;
  goalId: string | null;
}

/**
 * What a task belongs to: a micro-goal (its goal is then taken from it), a goal, or nothing.
 * Both must exist in the workspace; a goal that contradicts the micro-goal's own goal is refused.
 */
export async function resolveTaskLinks(ctx: Ctx, links: { microGoalId?: string | null; goalId?: string | null }): Promise<TaskLinks> {
  if (links.microGoalId) {
    const micro = await getMicroGoal(ctx, links.microGoalId);
    if (links.goalId && links.goalId !== micro.goalId) {
      throw invalid('goalId', `The micro-goal "${micro.title}" belongs to another goal; leave the goal out and it is taken from the micro-goal.`);
    }
    return { microGoalId: micro.id, goalId: micro.goalId };
  }
  if (links.goalId) {
    const goal = await ctx.db
      .selectFrom('goals')
      .select('id')
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('id', '=', links.goalId)
      .executeTakeFirst();
    if (!goal) throw notFound('goal', links.goalId);
    return { microGoalId: null, goalId: goal.id };
  }
  return { microGoalId: null, goalId: null };
}
