import { ListMyWorkSchema, type ListMyWorkInput } from '#contracts/team.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { byOpenThenDue, microGoalItems, microGoalToWorkItem, taskItems, taskToWorkItem, type WorkItem } from './work-queries.js';

/** Tasks and micro-goals assigned to the actor: open ones first (soonest first), then the rest, latest first. */
export async function listMyWork(ctx: Ctx, input: ListMyWorkInput = {}): Promise<WorkItem[]> {
  const { status } = parseInput(ListMyWorkSchema, input, 'work list');
  const me = ctx.actor.userId;
  let tasks = taskItems(ctx).where('tasks.assigneeId', '=', me);
  let micros = microGoalItems(ctx).where('microGoals.assigneeId', '=', me);
  if (status === 'open') {
    tasks = tasks.where('tasks.status', '=', 'planned');
    micros = micros.where('microGoals.status', '=', 'planned');
  }
  const [t, m] = await Promise.all([tasks.execute(), micros.execute()]);
  return [...t.map(taskToWorkItem), ...m.map(microGoalToWorkItem)].sort(byOpenThenDue);
}

/**
 * What the actor is waiting on others for: open tasks and micro-goals assigned to someone else that
 * the actor handed over, plus open tasks others hold under a micro-goal assigned to the actor (the
 * actor answers for that micro-goal). Soonest first.
 */
export async function listWaitingOnOthers(ctx: Ctx): Promise<WorkItem[]> {
  const me = ctx.actor.userId;
  const [t, m] = await Promise.all([
    taskItems(ctx)
      .where('tasks.status', '=', 'planned')
      .where('tasks.assigneeId', 'is not', null)
      .where('tasks.assigneeId', '!=', me)
      .where((eb) => eb.or([eb('tasks.assignedById', '=', me), eb('microGoals.assigneeId', '=', me)]))
      .execute(),
    microGoalItems(ctx)
      .where('microGoals.status', '=', 'planned')
      .where('microGoals.assigneeId', 'is not', null)
      .where('microGoals.assigneeId', '!=', me)
      .where('microGoals.assignedById', '=', me)
      .execute(),
  ]);
  return [...t.map(taskToWorkItem), ...m.map(microGoalToWorkItem)].sort(byOpenThenDue);
}

/** Planned tasks offered for anyone to pick up, soonest first. */
export async function listOpenForPickup(ctx: Ctx): Promise<WorkItem[]> {
  const rows = await taskItems(ctx)
    .where('tasks.status', '=', 'planned')
    .where('tasks.openForPickup', '=', 1)
    .where('tasks.assigneeId', 'is', null)
    .orderBy('tasks.day')
    .orderBy('tasks.position')
    .orderBy('tasks.id')
    .execute();
  return rows.map(taskToWorkItem);
}
