import { z } from 'zod';
import { AssignMicroGoalSchema, AssignTaskSchema, ListMyWorkSchema, MicroGoalIdSchema, TaskIdSchema } from '../team.js';
import { endpoint } from './endpoint.js';
import { Day, Instant, Week } from './shapes.js';

/** A task or a micro-goal as the team lists show it: what, where it belongs, who does it, who handed it over. */
export const WorkItemOut = z.object({
  kind: z.enum(['task', 'micro_goal']),
  id: z.string(),
  title: z.string(),
  status: z.enum(['planned', 'done', 'skipped', 'carried', 'dropped']),
  open: z.boolean().describe('Still to do (status planned)'),
  day: Day.nullable().describe("A task's day; null for a micro-goal"),
  week: Week.describe("A micro-goal's week, or the week of a task's day"),
  minutes: z.number().nullable().describe("A task's planned length; null for a micro-goal"),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  microGoalId: z.string().nullable().describe('The micro-goal a task belongs to'),
  microGoalTitle: z.string().nullable(),
  assigneeId: z.string().nullable().describe('The member doing it; null while it is the team’s'),
  assigneeName: z.string().nullable(),
  assignedById: z.string().nullable().describe('Who handed it over (or offered it); the assignee when they picked it up'),
  assignedByName: z.string().nullable(),
  openForPickup: z.boolean().describe('Offered for anyone to pick up'),
  position: z.number().describe('Order within its day (a task) or its week (a micro-goal)'),
  doneAt: Instant.nullable(),
  createdAt: Instant,
});

export const teamEndpoints = {
  listMyWork: endpoint({
    id: 'listMyWork', method: 'GET', path: '/work/mine', scope: 'workspace', tag: 'Team', list: true,
    summary: 'My work: tasks and micro-goals assigned to me, open ones first',
    description: 'Open items come first, soonest first (a micro-goal on the Monday of its week); then finished, skipped or dropped ones, latest first. `status=open` leaves those out.',
    input: ListMyWorkSchema, output: WorkItemOut,
  }),
  listWaitingOnOthers: endpoint({
    id: 'listWaitingOnOthers', method: 'GET', path: '/work/waiting', scope: 'workspace', tag: 'Team', list: true,
    summary: 'Waiting on others: open work I handed to teammates',
    description: 'Open tasks and micro-goals assigned to someone else that I assigned, plus open tasks teammates hold under a micro-goal assigned to me. Soonest first.',
    input: z.object({}), output: WorkItemOut,
  }),
  listOpenForPickup: endpoint({
    id: 'listOpenForPickup', method: 'GET', path: '/work/open', scope: 'workspace', tag: 'Team', list: true,
    summary: 'Tasks open for anyone to pick up, soonest first',
    input: z.object({}), output: WorkItemOut,
  }),
  assignTask: endpoint({
    id: 'assignTask', method: 'PUT', path: '/tasks/{taskId}/assignee', scope: 'workspace', tag: 'Team',
    summary: 'Assign a planned task to a member (delegation)',
    description: 'The assignee is a current member who may write (not a viewer), named by user id or email; anyone else answers 400. Assigning takes the task off the pickup list. A done, skipped or carried task answers 409.',
    input: AssignTaskSchema, output: WorkItemOut,
  }),
  unassignTask: endpoint({
    id: 'unassignTask', method: 'DELETE', path: '/tasks/{taskId}/assignee', scope: 'workspace', tag: 'Team',
    summary: 'Give a planned task back to the team (unassigned)',
    input: TaskIdSchema, output: WorkItemOut,
  }),
  assignMicroGoal: endpoint({
    id: 'assignMicroGoal', method: 'PUT', path: '/micro-goals/{microGoalId}/assignee', scope: 'workspace', tag: 'Team',
    summary: 'Assign a planned micro-goal to a member',
    description: 'The same rules as for a task: a current member who may write; a done or dropped micro-goal answers 409.',
    input: AssignMicroGoalSchema, output: WorkItemOut,
  }),
  unassignMicroGoal: endpoint({
    id: 'unassignMicroGoal', method: 'DELETE', path: '/micro-goals/{microGoalId}/assignee', scope: 'workspace', tag: 'Team',
    summary: 'Give a planned micro-goal back to the team (unassigned)',
    input: MicroGoalIdSchema, output: WorkItemOut,
  }),
  offerTask: endpoint({
    id: 'offerTask', method: 'POST', path: '/tasks/{taskId}/offer', scope: 'workspace', tag: 'Team',
    summary: 'Offer a planned task for anyone to pick up',
    description: 'Offering releases the task: whoever had it no longer does, and the first member to pick it up gets it.',
    input: TaskIdSchema, output: WorkItemOut,
  }),
  withdrawOffer: endpoint({
    id: 'withdrawOffer', method: 'DELETE', path: '/tasks/{taskId}/offer', scope: 'workspace', tag: 'Team',
    summary: 'Take a task off the pickup list (it stays unassigned)',
    input: TaskIdSchema, output: WorkItemOut,
  }),
  pickUpTask: endpoint({
    id: 'pickUpTask', method: 'POST', path: '/tasks/{taskId}/pick-up', scope: 'workspace', tag: 'Team',
    summary: 'Pick up an offered task: it becomes yours',
    description: 'Atomic: when several members pick the same task at once, one gets it and the others get 409 naming who was first. Picking up a task already yours answers it unchanged.',
    input: TaskIdSchema, output: WorkItemOut,
  }),
};
