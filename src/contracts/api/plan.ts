import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../common.js';
import {
  AddMicroGoalSchema,
  AddTaskSchema,
  CarryOverTaskSchema,
  CompleteMicroGoalSchema,
  CompleteTaskSchema,
  DropMicroGoalSchema,
  ListTasksSchema,
  ListWinsSchema,
  LogWinSchema,
  PlanWeekSchema,
  SetWeekResultSchema,
  TaskRefSchema,
  UpdateTaskSchema,
  WeekSchema,
} from '../plan.js';
import { endpoint } from './endpoint.js';
import { GoalOut, MetricOut } from './goals.js';
import { Day, Instant, Week, WinOut } from './shapes.js';
import { CheckInOut, RoutineOut } from './systems.js';

// ── output shapes ───────────────────────────────────────────────────────────

export const TaskStatusOut = z.enum(['planned', 'done', 'skipped', 'carried']);

export const TaskOut = z.object({
  id: z.string(),
  title: z.string(),
  minutes: z.number().describe('Planned length, 15–60 minutes'),
  day: Day,
  status: TaskStatusOut,
  actualMinutes: z.number().nullable().describe('How long it really took, when recorded'),
  goalId: z.string().nullable(),
  microGoalId: z.string().nullable(),
  carriedFromId: z.string().nullable().describe('The task this one continues, when it was carried over from an earlier day'),
  note: z.string(),
  position: z.number().describe('Order within its day'),
  doneAt: Instant.nullable(),
  createdAt: Instant,
  assigneeId: z.string().nullable().optional().describe('The member doing it, in a team workspace; null while unassigned'),
  assigneeName: z.string().nullable().optional().describe("The assignee's name, where the answer lists tasks"),
  openForPickup: z.boolean().optional().describe('Offered for anyone in the team to pick up'),
});

/** A task with the titles of what it belongs to, as lists and the Today view show it. */
export const TaskItemOut = TaskOut.extend({
  goalTitle: z.string().nullable(),
  microGoalTitle: z.string().nullable(),
});

export const MicroGoalOut = z.object({
  id: z.string(),
  goalId: z.string(),
  week: Week,
  title: z.string(),
  status: z.enum(['planned', 'done', 'dropped']),
  result: z.string().describe('What it produced, or why it was dropped'),
  position: z.number(),
  doneAt: Instant.nullable(),
  createdAt: Instant,
  assigneeId: z.string().nullable().optional().describe('The member doing it, in a team workspace; null while unassigned'),
  assigneeName: z.string().nullable().optional().describe("The assignee's name, where the answer lists micro-goals"),
});

export const WeekPlanOut = z.object({
  week: Week,
  plan: z.string(),
  result: z.string(),
  updatedAt: Instant.nullable().describe('Null when nothing was written for the week yet'),
});

export const WeekTaskStatsOut = z.object({
  planned: z.number(),
  done: z.number(),
  skipped: z.number(),
  carried: z.number(),
  minutesPlanned: z.number().describe('Minutes of planned, done and skipped tasks (a carried task counts once, on its new day)'),
  minutesDone: z.number().describe('Minutes of done tasks, actual minutes where recorded'),
});

export const WeekOut = z.object({
  week: Week,
  start: Day.describe('Monday of the ISO week'),
  end: Day.describe('Sunday of the ISO week'),
  plan: z.string(),
  result: z.string(),
  goals: z
    .array(
      z.object({
        goal: z.object({ id: z.string(), title: z.string(), status: z.enum(['active', 'paused', 'done', 'dropped']) }),
        microGoals: z.array(MicroGoalOut.extend({ tasks: z.object({ done: z.number(), total: z.number() }) })),
      }),
    )
    .describe('Every active goal (even without micro-goals yet), then any other goal with micro-goals this week'),
  microGoals: z.object({ planned: z.number(), done: z.number(), dropped: z.number() }),
  tasks: WeekTaskStatsOut,
  warnings: z.array(z.string()).describe('Over-commit warnings; empty when the week is sensible'),
});

const DoneTaskOut = z.object({
  task: TaskOut,
  win: WinOut.nullable().describe('The win this completion earned; null when the task was already done'),
});

const DoneMicroGoalOut = z.object({
  microGoal: MicroGoalOut,
  win: WinOut.nullable().describe('The win this completion earned; null when the micro-goal was already done'),
});

export const CurrentDayOut = z.object({
  now: Instant,
  day: Day.describe("The user's current day: their time zone and start-of-day hour applied"),
  week: Week,
  weekStart: Day,
  weekEnd: Day,
  timeZone: z.string(),
  dayStartHour: z.number(),
});

// Routines as the Today view shows them: the routine as Systems describes it, plus the day's state.
export const TodayCheckInOut = CheckInOut;

export const TodayRoutineOut = RoutineOut.extend({
  scheduleText: z.string().describe('The schedule in words, e.g. "every day"'),
  checkIn: CheckInOut.nullable().describe("The day's check-in; null while not checked in"),
  currentStreak: z.number(),
  score: z.number().describe('Strength score 0..1 at the end of the day'),
});

export const TodayFocusWindowOut = z.object({
  id: z.string(),
  day: Day,
  start: z.string().describe('Local time HH:MM'),
  end: z.string().describe('Local time HH:MM'),
  minutes: z.number(),
  label: z.string(),
  createdAt: Instant,
});

export const TodayOut = z.object({
  day: Day,
  week: Week,
  tasks: z.array(TaskItemOut).describe("The day's tasks in plan order, carried originals included (status carried)"),
  unfinishedBefore: z.number().describe('Tasks still planned on earlier days: candidates for carry-over'),
  routines: z.array(TodayRoutineOut).describe('Routines due that day (not archived, not paused)'),
  focusWindows: z.array(TodayFocusWindowOut),
  wins: z.array(WinOut),
  energy: z.object({ energy: z.number(), sleepHours: z.number().nullable() }).nullable().describe("The user's energy entry of the day; null when not logged"),
  goals: z.array(GoalOut.extend({ primaryMetric: MetricOut.nullable() })).describe('Active goals, each with its primary metric'),
  totals: z.object({
    tasksDone: z.number(),
    tasksOpen: z.number(),
    minutesPlanned: z.number(),
    minutesDone: z.number(),
    routinesDue: z.number(),
    routinesChecked: z.number(),
  }),
});

// ── inputs ──────────────────────────────────────────────────────────────────

const WeekInput = z.object({ week: WeekSchema });
const MicroGoalIdInput = z.object({ microGoalId: IdSchema });

// ── endpoints ───────────────────────────────────────────────────────────────

export const planEndpoints = {
  getCurrentDay: endpoint({
    id: 'getCurrentDay', method: 'GET', path: '/current-day', scope: 'workspace', tag: 'Plan',
    summary: "The user's current day and ISO week",
    description: 'Which day it is for the user (their time zone and start-of-day hour applied): what "today", "tomorrow" or "this week" mean for them.',
    input: z.object({}), output: CurrentDayOut,
  }),
  showToday: endpoint({
    id: 'showToday', method: 'GET', path: '/today', scope: 'workspace', tag: 'Today',
    summary: "A day at a glance: tasks, routines due with streaks and scores, focus windows, wins, energy, goals",
    description: 'Today unless a day is given.',
    input: z.object({ day: IsoDateSchema.optional() }), output: TodayOut,
  }),
  showWeek: endpoint({
    id: 'showWeek', method: 'GET', path: '/weeks/{week}', scope: 'workspace', tag: 'Plan',
    summary: "A week: its plan and result, micro-goals per goal, tasks planned vs done, over-commit warnings",
    input: WeekInput, output: WeekOut,
  }),
  planWeek: endpoint({
    id: 'planWeek', method: 'POST', path: '/weeks/{week}/plan', scope: 'workspace', tag: 'Plan',
    summary: "Write a week's plan text and add micro-goals, all or nothing",
    description: 'The plan text is kept as it is when none is given. An over-committed week is saved anyway, with warnings in the week returned.',
    input: PlanWeekSchema.extend({ week: WeekSchema }),
    output: z.object({ created: z.array(MicroGoalOut).describe('The micro-goals this call added'), week: WeekOut }),
  }),
  setWeekResult: endpoint({
    id: 'setWeekResult', method: 'PUT', path: '/weeks/{week}/result', scope: 'workspace', tag: 'Plan',
    summary: 'Write what a week produced',
    input: SetWeekResultSchema, output: WeekPlanOut,
  }),
  addMicroGoal: endpoint({
    id: 'addMicroGoal', method: 'POST', path: '/goals/{goalId}/micro-goals', scope: 'workspace', tag: 'Plan', status: 201,
    summary: 'Add a micro-goal to a goal for an ISO week (default this week)',
    description: 'Answers 409 when the goal is done or dropped.',
    input: AddMicroGoalSchema, output: MicroGoalOut,
  }),
  showMicroGoal: endpoint({
    id: 'showMicroGoal', method: 'GET', path: '/micro-goals/{microGoalId}', scope: 'workspace', tag: 'Plan',
    summary: 'A micro-goal',
    input: MicroGoalIdInput, output: MicroGoalOut,
  }),
  completeMicroGoal: endpoint({
    id: 'completeMicroGoal', method: 'POST', path: '/micro-goals/{microGoalId}/complete', scope: 'workspace', tag: 'Plan',
    summary: 'Mark a micro-goal done and log its win',
    description: 'Completing it again changes only the result text and never logs a second win.',
    input: CompleteMicroGoalSchema, output: DoneMicroGoalOut,
  }),
  dropMicroGoal: endpoint({
    id: 'dropMicroGoal', method: 'POST', path: '/micro-goals/{microGoalId}/drop', scope: 'workspace', tag: 'Plan',
    summary: 'Drop a micro-goal that no longer makes sense (the reason is kept as its result)',
    description: 'Answers 409 when it is already done.',
    input: DropMicroGoalSchema, output: MicroGoalOut,
  }),
  addTask: endpoint({
    id: 'addTask', method: 'POST', path: '/tasks', scope: 'workspace', tag: 'Tasks', status: 201,
    summary: 'Plan a task of 15–60 minutes for a day (default today)',
    description: 'A task may belong to a micro-goal (its goal is taken from it), to a goal, or to nothing. Other lengths are refused: split longer work into several tasks.',
    input: AddTaskSchema, output: TaskOut,
  }),
  listTasks: endpoint({
    id: 'listTasks', method: 'GET', path: '/tasks', scope: 'workspace', tag: 'Tasks', list: true,
    summary: "Tasks of a day (default today) or of a from/to range of at most a year, in day and plan order",
    input: ListTasksSchema, output: TaskItemOut,
  }),
  carryOverUnfinished: endpoint({
    id: 'carryOverUnfinished', method: 'POST', path: '/tasks/carry-over', scope: 'workspace', tag: 'Tasks',
    summary: 'Bring every unfinished task of earlier days to today',
    description: 'Each original is marked carried and gets a planned copy today, in one transaction.',
    input: z.object({}),
    output: z.object({ carried: z.number().describe('How many tasks moved'), day: Day.describe('The day they moved to (today)') }),
  }),
  showTask: endpoint({
    id: 'showTask', method: 'GET', path: '/tasks/{taskId}', scope: 'workspace', tag: 'Tasks',
    summary: 'A task',
    input: TaskRefSchema, output: TaskOut,
  }),
  updateTask: endpoint({
    id: 'updateTask', method: 'PATCH', path: '/tasks/{taskId}', scope: 'workspace', tag: 'Tasks',
    summary: "Change a task's title, length, day, note, micro-goal or goal",
    description: 'Setting a micro-goal also sets its goal; null clears a link (clearing the goal clears the micro-goal too).',
    input: UpdateTaskSchema, output: TaskOut,
  }),
  deleteTask: endpoint({
    id: 'deleteTask', method: 'DELETE', path: '/tasks/{taskId}', scope: 'workspace', tag: 'Tasks',
    summary: 'Delete a task for good, answering what it was',
    description: 'A win it earned stays: the work happened.',
    input: TaskRefSchema, output: TaskOut,
  }),
  completeTask: endpoint({
    id: 'completeTask', method: 'POST', path: '/tasks/{taskId}/complete', scope: 'workspace', tag: 'Tasks',
    summary: 'Mark a task done (optionally with the minutes it really took) and log its win',
    description: 'Completing a done task only corrects its actual minutes and never logs a second win. A carried-over task answers 409: finish its copy.',
    input: CompleteTaskSchema, output: DoneTaskOut,
  }),
  skipTask: endpoint({
    id: 'skipTask', method: 'POST', path: '/tasks/{taskId}/skip', scope: 'workspace', tag: 'Tasks',
    summary: 'Skip a planned task on purpose',
    description: 'Skipping twice is harmless; a done or carried task answers 409.',
    input: TaskRefSchema, output: TaskOut,
  }),
  carryOverTask: endpoint({
    id: 'carryOverTask', method: 'POST', path: '/tasks/{taskId}/carry', scope: 'workspace', tag: 'Tasks',
    summary: 'Carry a planned task to a later day (default the next day, or today when that is past)',
    description: 'The original is marked carried and a planned copy is made on the new day, pointing back to it.',
    input: CarryOverTaskSchema,
    output: z.object({ from: TaskOut.describe('The original, now carried'), to: TaskOut.describe('Its planned copy on the new day') }),
  }),
  logWin: endpoint({
    id: 'logWin', method: 'POST', path: '/wins', scope: 'workspace', tag: 'Wins', status: 201,
    summary: 'Log a win by hand (private unless shared, today unless another day is given)',
    input: LogWinSchema, output: WinOut,
  }),
  listWins: endpoint({
    id: 'listWins', method: 'GET', path: '/wins', scope: 'workspace', tag: 'Wins', list: true,
    summary: 'Wins you may see, newest first, optionally within from/to',
    description: "Your own wins and teammates' shared ones; a private win stays with the person who logged it.",
    input: ListWinsSchema, output: WinOut,
  }),
};
