import { sql } from 'kysely';
import { AddTaskSchema, type AddTaskInput } from '#contracts/plan.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { getTask, resolveTaskLinks, type Task } from './task-queries.js';

/**
 * Plan a task of 15–60 minutes for a day (default: the actor's today). Longer or shorter work is
 * refused with a message that says to split it. A task may belong to a micro-goal (its goal comes
 * from it), to a goal, or to nothing. It goes last in its day. Nests in the caller's transaction.
 */
export async function addTask(ctx: Ctx, input: AddTaskInput): Promise<Task> {
  requireWriter(ctx);
  const data = parseInput(AddTaskSchema, input, 'task');
  const links = await resolveTaskLinks(ctx, data);
  const id = newId();
  const day = data.day ?? today(ctx);
  await ctx.db
    .insertInto('tasks')
    .values({
      id,
      workspaceId: ctx.actor.workspaceId,
      ...links,
      title: data.title,
      minutes: data.minutes,
      day,
      status: 'planned',
      actualMinutes: null,
      carriedFromId: null,
      note: data.note,
      position: nextPosition(ctx, day),
      doneAt: null,
      createdAt: nowIso(ctx),
    })
    .execute();
  return getTask(ctx, id);
}

/** The position after the day's last task, computed inside the insert that uses it. */
export function nextPosition(ctx: Ctx, day: string) {
  return ctx.db
    .selectFrom('tasks')
    .select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('day', '=', day);
}
