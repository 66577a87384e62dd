import { sql } from 'kysely';
import type { Ctx, Executor, Role } from '../context.js';
import { AppError, invalid, notFound } from '../errors.js';
import { weekStart, isoWeekOf, type IsoWeek } from '../time/iso-week.js';

/**
 * A task or a micro-goal as the team lists show it: what it is, where it belongs, who does it and
 * who handed it over. `open` is true while there is still something to do (status planned).
 */
export interface WorkItem {
  kind: 'task' | 'micro_goal';
  id: string;
  title: string;
  status: 'planned' | 'done' | 'skipped' | 'carried' | 'dropped';
  open: boolean;
  /** A task's day; null for a micro-goal. */
  day: string | null;
  /** A micro-goal's week, or the week of a task's day. */
  week: IsoWeek;
  /** A task's planned length; null for a micro-goal. */
  minutes: number | null;
  goalId: string | null;
  goalTitle: string | null;
  /** The micro-goal a task belongs to; null for a micro-goal. */
  microGoalId: string | null;
  microGoalTitle: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  assignedById: string | null;
  assignedByName: string | null;
  openForPickup: boolean;
  /** Order within its day (a task) or week (a micro-goal). */
  position: number;
  doneAt: string | null;
  createdAt: string;
}

/** Tasks with their goal, micro-goal, assignee and assigner, in the actor's workspace. */
export function taskItems(ctx: Ctx) {
  return ctx.db
    .selectFrom('tasks')
    .leftJoin('goals', 'goals.id', 'tasks.goalId')
    .leftJoin('microGoals', 'microGoals.id', 'tasks.microGoalId')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assigneeId')
    .leftJoin('users as assigner', 'assigner.id', 'tasks.assignedById')
    .select([
      'tasks.id', 'tasks.title', 'tasks.status', 'tasks.day', 'tasks.minutes', 'tasks.goalId', 'tasks.microGoalId',
      'tasks.assigneeId', 'tasks.assignedById', 'tasks.openForPickup', 'tasks.doneAt', 'tasks.createdAt', 'tasks.position',
      'goals.title as goalTitle', 'microGoals.title as microGoalTitle', 'assignee.name as assigneeName', 'assigner.name as assignedByName',
    ])
    .where('tasks.workspaceId', '=', ctx.actor.workspaceId)
    // A carried original is history: its planned copy on the new day is the work.
    .where('tasks.status', '!=', 'carried');
}

/** Micro-goals with their goal, assignee and assigner, in the actor's workspace. */
export function microGoalItems(ctx: Ctx) {
  return ctx.db
    .selectFrom('microGoals')
    .innerJoin('goals', 'goals.id', 'microGoals.goalId')
    .leftJoin('users as assignee', 'assignee.id', 'microGoals.assigneeId')
    .leftJoin('users as assigner', 'assigner.id', 'microGoals.assignedById')
    .select([
      'microGoals.id', 'microGoals.title', 'microGoals.status', 'microGoals.week', 'microGoals.goalId',
      'microGoals.assigneeId', 'microGoals.assignedById', 'microGoals.doneAt', 'microGoals.createdAt', 'microGoals.position',
      'goals.title as goalTitle', 'assignee.name as assigneeName', 'assigner.name as assignedByName',
    ])
    .where('microGoals.workspaceId', '=', ctx.actor.workspaceId);
}

type TaskItemRow = Awaited<ReturnType<ReturnType<typeof taskItems>['execute']>>[number];
type MicroGoalItemRow = Awaited<ReturnType<ReturnType<typeof microGoalItems>['execute']>>[number];

export function taskToWorkItem(r: TaskItemRow): WorkItem {
  return {
    kind: 'task', id: r.id, title: r.title, status: r.status, open: r.status === 'planned', day: r.day, week: isoWeekOf(r.day), minutes: r.minutes,
    goalId: r.goalId, goalTitle: r.goalTitle, microGoalId: r.microGoalId, microGoalTitle: r.microGoalTitle,
    assigneeId: r.assigneeId, assigneeName: r.assigneeName, assignedById: r.assignedById, assignedByName: r.assignedByName,
    openForPickup: r.openForPickup === 1, position: r.position, doneAt: r.doneAt, createdAt: r.createdAt,
  };
}

export function microGoalToWorkItem(r: MicroGoalItemRow): WorkItem {
  return {
    kind: 'micro_goal', id: r.id, title: r.title, status: r.status, open: r.status === 'planned', day: null, week: r.week, minutes: null,
    goalId: r.goalId, goalTitle: r.goalTitle, microGoalId: null, microGoalTitle: null,
    assigneeId: r.assigneeId, assigneeName: r.assigneeName, assignedById: r.assignedById, assignedByName: r.assignedByName,
    openForPickup: false, position: r.position, doneAt: r.doneAt, createdAt: r.createdAt,
  };
}

/** The day an item is due by: a task's day, a micro-goal's Monday (so it comes before that week's tasks). */
function dueKey(item: WorkItem): string {
  return item.day ?? weekStart(item.week);
}

/** Open items first, soonest first (a week's micro-goal before its tasks); then the rest, latest first. */
export function byOpenThenDue(a: WorkItem, b: WorkItem): number {
  if (a.open !== b.open) return a.open ? -1 : 1;
  if (a.open) return dueKey(a).localeCompare(dueKey(b)) || (a.kind === b.kind ? 0 : a.kind === 'micro_goal' ? -1 : 1) || a.position - b.position || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  return (b.doneAt ?? dueKey(b)).localeCompare(a.doneAt ?? dueKey(a)) || b.id.localeCompare(a.id);
}

export async function getTaskItem(ctx: Ctx, taskId: string): Promise<WorkItem> {
  const row = await taskItems(ctx).where('tasks.id', '=', taskId).executeTakeFirst();
  if (!row) throw notFound('task', taskId);
  return taskToWorkItem(row);
}

export async function getMicroGoalItem(ctx: Ctx, microGoalId: string): Promise<WorkItem> {
  const row = await microGoalItems(ctx).where('microGoals.id', '=', microGoalId).executeTakeFirst();
  if (!row) throw notFound('micro-goal', microGoalId);
  return microGoalToWorkItem(row);
}

/** Whether the actor's workspace is a team one (assignment changes what Today shows only there). */
export async function isTeamWorkspace(db: Executor, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('kind').where('id', '=', workspaceId).executeTakeFirst();
  return row?.kind === 'team';
}

export interface Assignee {
  userId: string;
  name: string;
  role: Role;
}

/**
 * The current member `ref` names: their user id, their email, or their exact name (ignoring case).
 * Anyone else, a former member included, is refused with what to do; so is a viewer, who only reads.
 */
export async function resolveAssignee(ctx: Ctx, ref: string): Promise<Assignee> {
  const wanted = ref.trim();
  const members = ctx.db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.userId')
    .select(['members.userId', 'users.name', 'members.role'])
    .where('members.workspaceId', '=', ctx.actor.workspaceId);
  let found = await members
    .where((eb) => eb.or([eb('users.id', '=', wanted), eb(sql`lower(${sql.ref('users.email')})`, '=', wanted.toLowerCase())]))
    .executeTakeFirst();
  if (!found) {
    const byName = await members.where(sql`lower(${sql.ref('users.name')})`, '=', wanted.toLowerCase()).limit(3).execute();
    if (byName.length > 1) throw invalid('assignee', `Several members are called "${wanted}"; use their email instead.`);
    found = byName[0];
  }
  if (!found) {
    throw invalid('assignee', `"${wanted}" is not a member of this workspace. Assign work to a current member (list them with: smallwins member list), or invite them first.`);
  }
  if (found.role === 'viewer') {
    throw invalid('assignee', `${found.name} is a viewer and can only read. Make them a member first (smallwins member role ${found.userId} member).`);
  }
  return found;
}

/** The one message for work that is no longer open. */
export function closedConflict(item: { title: string; status: string }, what: 'task' | 'micro-goal', verb: string): AppError {
  return new AppError('conflict', `"${item.title}" is ${item.status}; only a planned ${what} can be ${verb}.`);
}
