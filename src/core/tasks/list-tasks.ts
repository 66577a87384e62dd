import { ListTasksSchema, type ListTasksInput } from '#contracts/plan.js';
import { today, type Ctx } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { daysBetween } from '../time/plain-date.js';
import { toTask, type Task } from './task-queries.js';

export interface TaskItem extends Task {
  goalTitle: string | null;
  microGoalTitle: string | null;
  assigneeName: string | null;
}

/** Tasks of a day (default today) or of a from/to range (at most a year), in day and plan order. */
export async function listTasks(ctx: Ctx, input: ListTasksInput = {}): Promise<TaskItem[]> {
  const data = parseInput(ListTasksSchema, input, 'task list');
  const from = data.from ?? data.day ?? today(ctx);
  const to = data.to ?? from;
  if (daysBetween(from, to) > 366) throw invalid('to', 'A task list covers at most a year; narrow the range.');
  const rows = await ctx.db
    .selectFrom('tasks')
    .leftJoin('goals', 'goals.id', 'tasks.goalId')
    .leftJoin('microGoals', 'microGoals.id', 'tasks.microGoalId')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assigneeId')
    .selectAll('tasks')
    .select(['goals.title as goalTitle', 'microGoals.title as microGoalTitle', 'assignee.name as assigneeName'])
    .where('tasks.workspaceId', '=', ctx.actor.workspaceId)
    .where('tasks.day', '>=', from)
    .where('tasks.day', '<=', to)
    .orderBy('tasks.day')
    .orderBy('tasks.position')
    .orderBy('tasks.createdAt')
    .orderBy('tasks.id')
    .execute();
  return rows.map((row) => ({ ...toTask(row), goalTitle: row.goalTitle, microGoalTitle: row.microGoalTitle, assigneeName: row.assigneeName }));
}
