import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../common.js';
import {
  ApplyTemplateSchema,
  CheckChecklistItemSchema,
  CheckInRoutineSchema,
  CheckInStatusSchema,
  CompleteChecklistRunSchema,
  CreateChecklistSchema,
  CreateRoutineSchema,
  CreateTemplateSchema,
  PauseRoutineSchema,
  RoutinesDueSchema,
  StartChecklistRunSchema,
  UpdateRoutineSchema,
} from '../systems.js';
import { endpoint } from './endpoint.js';
import { Day, Instant, MilestonesOut } from './shapes.js';

// ---------------------------------------------------------------- output shapes

export const ScheduleOut = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }),
  z.object({ kind: z.literal('times'), times: z.number(), periodDays: z.number() }),
  z.object({ kind: z.literal('weekdays'), weekdays: z.array(z.number()).describe('ISO weekdays, 1 = Monday … 7 = Sunday') }),
  z.object({ kind: z.literal('rrule'), rrule: z.string() }),
]);

export const RoutineOut = z.object({
  id: z.string(),
  name: z.string(),
  goalId: z.string().nullable(),
  schedule: ScheduleOut,
  target: z.object({ kind: z.enum(['at_least', 'at_most']), value: z.number(), unit: z.string() }).nullable().describe('Null for a yes/no routine'),
  minimumVersion: z.string().describe('The tiny version for low-energy days; empty when there is none'),
  reminderTime: z.string().nullable(),
  startDay: Day,
  archivedAt: Instant.nullable(),
  position: z.number(),
  createdAt: Instant,
});

export const PauseOut = z.object({
  id: z.string(),
  routineId: z.string(),
  startDay: Day,
  endDay: Day.nullable().describe('Null while open-ended (until resumed)'),
  reason: z.string(),
  createdAt: Instant,
});

export const CheckInOut = z.object({
  id: z.string(),
  routineId: z.string(),
  day: Day,
  status: CheckInStatusSchema,
  value: z.number().nullable(),
  note: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});

const DayStateOut = z.object({ day: Day, due: z.boolean(), paused: z.boolean(), status: CheckInStatusSchema.nullable() });

export const RoutineDetailOut = z.object({
  routine: RoutineOut,
  frequency: z.object({ numerator: z.number(), denominator: z.number() }).describe('How often it is due: numerator times per denominator days'),
  pauses: z.array(PauseOut),
  recent: z.array(DayStateOut).describe('The last `days` days up to today, oldest first'),
  lastCheckIn: CheckInOut.nullable(),
});

const DueRoutineOut = z.object({
  routine: RoutineOut,
  checkIn: CheckInOut.nullable(),
  quota: z.object({ done: z.number(), times: z.number(), periodStart: Day, periodEnd: Day }).nullable().describe('For "N times per period" routines'),
});

const ChecklistItemOut = z.object({ id: z.string(), position: z.number(), text: z.string() });

export const ChecklistOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  items: z.array(ChecklistItemOut),
  createdAt: Instant,
});

export const ChecklistRunOut = z.object({
  id: z.string(),
  checklistId: z.string(),
  label: z.string(),
  startedAt: Instant,
  completedAt: Instant.nullable(),
});

export const RunDetailOut = z.object({
  run: ChecklistRunOut,
  checklist: z.object({ id: z.string(), name: z.string() }),
  items: z.array(ChecklistItemOut.extend({ checkedAt: Instant.nullable() })),
  checked: z.number(),
  total: z.number(),
});

const TemplateStepOut = z.object({ id: z.string(), position: z.number(), title: z.string(), minutes: z.number(), dayOffset: z.number() });

export const TemplateOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  steps: z.array(TemplateStepOut),
  createdAt: Instant,
});

const AppliedTaskOut = z.object({
  id: z.string(),
  title: z.string(),
  minutes: z.number(),
  day: Day,
  status: z.enum(['planned', 'done', 'skipped', 'carried']),
  actualMinutes: z.number().nullable(),
  goalId: z.string().nullable(),
  microGoalId: z.string().nullable(),
  carriedFromId: z.string().nullable(),
  note: z.string(),
  position: z.number(),
  doneAt: Instant.nullable(),
  createdAt: Instant,
});

// ---------------------------------------------------------------- inputs

const RoutineIdInput = z.object({ routineId: IdSchema });

export const systemsEndpoints = {
  // Routines
  createRoutine: endpoint({
    id: 'createRoutine', method: 'POST', path: '/routines', scope: 'workspace', tag: 'Routines', status: 201,
    summary: 'Create a routine',
    description: 'A schedule (daily unless said: N times per period, weekdays or an RFC 5545 rule), an optional numeric target, a minimum version for low-energy days and a reminder time. Names are unique per workspace, ignoring case (409 otherwise).',
    input: CreateRoutineSchema,
    output: RoutineOut,
  }),
  listRoutines: endpoint({
    id: 'listRoutines', method: 'GET', path: '/routines', scope: 'workspace', tag: 'Routines', list: true,
    summary: 'List routines in their order, each with where it stands today',
    input: z.object({ includeArchived: z.boolean().default(false).describe('Include archived routines') }),
    output: RoutineOut.extend({ state: z.string().describe('Today: active, paused, archived, or "starts YYYY-MM-DD"') }),
  }),
  routinesDue: endpoint({
    id: 'routinesDue', method: 'GET', path: '/routines/due', scope: 'workspace', tag: 'Routines', list: true,
    summary: 'The routines due on a day (today unless said), each with its check-in of that day',
    description: 'Started, not archived, not paused and due by their schedule, in the routines\' own order. "N times per period" routines come with their quota.',
    input: RoutinesDueSchema,
    output: DueRoutineOut,
  }),
  showRoutine: endpoint({
    id: 'showRoutine', method: 'GET', path: '/routines/{routineId}', scope: 'workspace', tag: 'Routines',
    summary: 'A routine with its frequency, pauses, latest check-in and its last days (14 unless said)',
    input: RoutineIdInput.extend({
      days: z.number().int('must be a whole number').min(1, 'must be at least 1').max(366, 'must be at most 366').default(14),
    }),
    output: RoutineDetailOut,
  }),
  updateRoutine: endpoint({
    id: 'updateRoutine', method: 'PATCH', path: '/routines/{routineId}', scope: 'workspace', tag: 'Routines',
    summary: "Change a routine's name, goal, schedule, target, minimum version, reminder or start day",
    description: 'Send only what changes; null clears the goal, the target or the reminder. The start day may only move later when no check-in would fall before it.',
    input: UpdateRoutineSchema,
    output: RoutineOut,
  }),
  archiveRoutine: endpoint({
    id: 'archiveRoutine', method: 'POST', path: '/routines/{routineId}/archive', scope: 'workspace', tag: 'Routines',
    summary: 'Archive a routine: it stops being due, its check-ins stay',
    input: RoutineIdInput, output: RoutineOut,
  }),
  restoreRoutine: endpoint({
    id: 'restoreRoutine', method: 'POST', path: '/routines/{routineId}/restore', scope: 'workspace', tag: 'Routines',
    summary: 'Bring an archived routine back',
    input: RoutineIdInput, output: RoutineOut,
  }),
  pauseRoutine: endpoint({
    id: 'pauseRoutine', method: 'POST', path: '/routines/{routineId}/pauses', scope: 'workspace', tag: 'Routines', status: 201,
    summary: 'Pause a routine for a range of days (from today unless said; open-ended without `to`)',
    description: 'Paused days are not due, so they break no streak. A pause overlapping another answers 409.',
    input: PauseRoutineSchema,
    output: PauseOut,
  }),
  listPauses: endpoint({
    id: 'listPauses', method: 'GET', path: '/routines/{routineId}/pauses', scope: 'workspace', tag: 'Routines', list: true,
    summary: "A routine's pauses, oldest first",
    input: RoutineIdInput, output: PauseOut,
  }),
  resumeRoutine: endpoint({
    id: 'resumeRoutine', method: 'POST', path: '/routines/{routineId}/resume', scope: 'workspace', tag: 'Routines',
    summary: 'Resume a paused routine: the pause ends yesterday, so today is due again',
    description: 'A pause that had not begun before today is removed (`removed: true`). Answers 409 when the routine is not paused.',
    input: RoutineIdInput,
    output: z.object({ pause: PauseOut, removed: z.boolean() }),
  }),

  // Check-ins
  checkInRoutine: endpoint({
    id: 'checkInRoutine', method: 'POST', path: '/routines/{routineId}/check-ins', scope: 'workspace', tag: 'Check-ins', status: 201,
    summary: 'Check in a routine for a day (today unless said): done, minimum, skipped, missed, or a value',
    description: 'One check-in per routine and day: a second one replaces the first. A numeric routine takes a `value` and its status follows from the target. Milestones it earns (a best streak, a strength threshold) come back as wins.',
    input: CheckInRoutineSchema,
    output: CheckInOut.extend({ milestones: MilestonesOut }),
  }),
  listCheckIns: endpoint({
    id: 'listCheckIns', method: 'GET', path: '/routines/{routineId}/check-ins', scope: 'workspace', tag: 'Check-ins', list: true,
    summary: "A routine's check-ins in day order, optionally from and to given days (both included)",
    input: RoutineIdInput.extend({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() }).refine((r) => !r.from || !r.to || r.from <= r.to, {
      path: ['to'],
      message: 'must be on or after "from"',
    }),
    output: CheckInOut,
  }),
  undoCheckIn: endpoint({
    id: 'undoCheckIn', method: 'DELETE', path: '/routines/{routineId}/check-ins/{day}', scope: 'workspace', tag: 'Check-ins',
    summary: "Remove a routine's check-in of a day, answering the removed check-in",
    description: 'Answers 404 when that day has no check-in.',
    input: RoutineIdInput.extend({ day: IsoDateSchema }),
    output: CheckInOut,
  }),

  // Checklists
  createChecklist: endpoint({
    id: 'createChecklist', method: 'POST', path: '/checklists', scope: 'workspace', tag: 'Checklists', status: 201,
    summary: 'Create a checklist with its items (numbered from 1)',
    input: CreateChecklistSchema, output: ChecklistOut,
  }),
  listChecklists: endpoint({
    id: 'listChecklists', method: 'GET', path: '/checklists', scope: 'workspace', tag: 'Checklists', list: true,
    summary: 'List checklists by name, each with its items, number of runs and open runs',
    input: z.object({}),
    output: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      createdAt: Instant,
      items: z.array(ChecklistItemOut),
      runs: z.number(),
      openRuns: z.array(ChecklistRunOut).describe('Runs not completed yet, newest first'),
    }),
  }),
  showChecklist: endpoint({
    id: 'showChecklist', method: 'GET', path: '/checklists/{checklistId}', scope: 'workspace', tag: 'Checklists',
    summary: 'A checklist with its items',
    input: z.object({ checklistId: IdSchema }), output: ChecklistOut,
  }),
  startChecklistRun: endpoint({
    id: 'startChecklistRun', method: 'POST', path: '/checklists/{checklistId}/runs', scope: 'workspace', tag: 'Checklists', status: 201,
    summary: 'Start a new run of a checklist, optionally labelled',
    input: StartChecklistRunSchema, output: RunDetailOut,
  }),
  showChecklistRun: endpoint({
    id: 'showChecklistRun', method: 'GET', path: '/checklist-runs/{runId}', scope: 'workspace', tag: 'Checklists',
    summary: 'A run with every item of its checklist and when each was ticked',
    input: z.object({ runId: IdSchema }), output: RunDetailOut,
  }),
  checkChecklistItem: endpoint({
    id: 'checkChecklistItem', method: 'POST', path: '/checklist-runs/{runId}/ticks', scope: 'workspace', tag: 'Checklists',
    summary: 'Tick an item of a run, by its id or its number (ticking twice changes nothing)',
    description: 'Answers 409 once the run is completed.',
    input: CheckChecklistItemSchema, output: RunDetailOut,
  }),
  completeChecklistRun: endpoint({
    id: 'completeChecklistRun', method: 'POST', path: '/checklist-runs/{runId}/complete', scope: 'workspace', tag: 'Checklists',
    summary: 'Complete a run',
    description: 'With items still unticked it answers 409, listing them in `details`, unless `force` is set. Completing a completed run changes nothing.',
    input: CompleteChecklistRunSchema, output: RunDetailOut,
  }),

  // Templates
  createTemplate: endpoint({
    id: 'createTemplate', method: 'POST', path: '/templates', scope: 'workspace', tag: 'Templates', status: 201,
    summary: 'Create a template: steps of 15–60 minutes, each some days after the start',
    input: CreateTemplateSchema, output: TemplateOut,
  }),
  listTemplates: endpoint({
    id: 'listTemplates', method: 'GET', path: '/templates', scope: 'workspace', tag: 'Templates', list: true,
    summary: 'List templates by name, each with its steps',
    input: z.object({}),
    output: z.object({ id: z.string(), name: z.string(), description: z.string(), createdAt: Instant, steps: z.array(TemplateStepOut) }),
  }),
  showTemplate: endpoint({
    id: 'showTemplate', method: 'GET', path: '/templates/{templateId}', scope: 'workspace', tag: 'Templates',
    summary: 'A template with its steps',
    input: z.object({ templateId: IdSchema }), output: TemplateOut,
  }),
  applyTemplate: endpoint({
    id: 'applyTemplate', method: 'POST', path: '/templates/{templateId}/apply', scope: 'workspace', tag: 'Templates', status: 201,
    summary: 'Create one task per step from a start day (today unless said), all or none',
    description: 'Each task is planned on the start day plus its step\'s day offset, linked to the micro-goal or goal given.',
    input: ApplyTemplateSchema,
    output: z.object({ template: TemplateOut, startDay: Day, tasks: z.array(AppliedTaskOut) }),
  }),
};
