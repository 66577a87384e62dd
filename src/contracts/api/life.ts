import { z } from 'zod';
import { DayRangeSchema, IdSchema } from '../common.js';
import {
  AddContactSchema,
  AddFocusWindowSchema,
  ContactKindSchema,
  ConversationStatusSchema,
  FixedPulseKindSchema,
  ListPulsesSchema,
  LogConversationSchema,
  LogEnergySchema,
  PulseKindSchema,
  PulseTrendSchema,
  RecordPulseSchema,
  SetPulseScheduleSchema,
  UpdateContactSchema,
  UpdateSettingsSchema,
} from '../life.js';
import { ApplyPlaybookSchema, PlaybookBodySchema, PlaybookFileSchema, SavePlaybookSchema } from '../playbooks.js';
import { ScheduleSchema } from '../systems.js';
import { endpoint } from './endpoint.js';
import { GoalOut, MetricOut } from './goals.js';
import { Day, Instant, Week } from './shapes.js';

/* Energy and focus windows, contacts and conversations, pulses, playbooks and settings. */

export const EnergyEntryOut = z.object({
  id: z.string(),
  day: Day,
  energy: z.number().int().describe('1 (drained) to 5 (full)'),
  sleepHours: z.number().nullable(),
  note: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const FocusWindowOut = z.object({
  id: z.string(),
  day: Day,
  start: z.string().describe('Local start time, HH:MM'),
  end: z.string().describe('Local end time, HH:MM (24:00 for a window ending at midnight)'),
  minutes: z.number().int(),
  label: z.string(),
  createdAt: Instant,
});

export const ContactOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: ContactKindSchema,
  email: z.string(),
  note: z.string(),
  createdAt: Instant,
});

export const ContactSummaryOut = ContactOut.extend({
  lastConversationDay: Day.nullable().describe('The day of the latest conversation, null when there has been none'),
  daysSince: z.number().int().nullable().describe('Whole days since that conversation'),
});

export const ConversationOut = z.object({
  id: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  day: Day,
  note: z.string(),
  createdAt: Instant,
});

export const ConversationStatusOut = z.object({
  week: Week,
  target: z.number().int().describe("The workspace's weekly target of meaningful conversations"),
  count: z.number().int().describe('Conversations logged in the week'),
  met: z.boolean(),
  contacts: z.number().int().describe('How many contacts the workspace has'),
  overdue: z.array(ContactSummaryOut).describe('Contacts never spoken to, then those not spoken to for 30+ days, longest-waiting first'),
});

export const PulseOut = z.object({
  id: z.string(),
  kind: PulseKindSchema,
  question: z.string().describe('The question of a custom pulse; empty for the others'),
  value: z.number().int(),
  day: Day,
  note: z.string(),
  createdAt: Instant,
});

export const PulseTrendOut = z.object({
  kind: PulseKindSchema,
  question: z.string(),
  from: Day,
  to: Day,
  anonymous: z.boolean().describe('True in a team workspace: only aggregates of several people are returned'),
  weeks: z.array(
    z.object({
      week: Week,
      average: z.number().nullable().describe('Mean of the week (2 decimals); null when nobody answered or it is withheld'),
      count: z.number().int(),
      withheld: z.boolean().describe('True when a team week has answers from fewer than 3 people, so its average is hidden'),
    }),
  ),
});

export const PulseScheduleOut = z.object({
  configured: z.boolean().describe('False until someone saves a schedule: the fields are then the defaults, and no round opens'),
  enabled: z.boolean().describe('Whether rounds open (and their emails go out)'),
  kinds: z.array(FixedPulseKindSchema).describe('The fixed questions each round asks, in order'),
  customQuestions: z.array(z.string()).describe('The custom questions each round asks after them'),
  weekday: z.number().int().describe('The day a round opens, 1 = Monday … 7 = Sunday, on each member\'s own calendar'),
  time: z.string().describe('The local time a round opens, HH:MM, in each member\'s own time zone'),
  everyWeeks: z.number().int().describe('Weeks from one round to the next: 1, 2 or 4'),
  startWeek: Week.describe('The week the cadence counts from'),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable().describe('The name of who last changed it'),
  canEdit: z.boolean().describe('Whether the caller may change it (owner or admin)'),
  currentRound: z.object({ dueOn: Day, lastDay: Day }).nullable().describe("The caller's open round, null when none is open"),
  nextRound: z.object({ dueOn: Day, opensAt: Instant }).nullable().describe('When the next round opens for the caller; null when the schedule is off'),
});

export const PulsesDueOut = z.object({
  scheduled: z.boolean().describe('True when the workspace has a pulse schedule and it is on'),
  round: z
    .object({ dueOn: Day.describe('The first day of the round'), lastDay: Day.describe('Its last day: the round is open until this day ends'), opensAt: Instant })
    .nullable()
    .describe("The round open now, in the caller's own days; null when none is"),
  next: z.object({ dueOn: Day, opensAt: Instant }).nullable().describe('When the next round opens; null when no schedule is on'),
  questions: z
    .array(z.object({ kind: PulseKindSchema, question: z.string().describe('The custom question; empty for the others'), answered: z.boolean().describe('Whether the caller answered it on a day of this round') }))
    .describe("The open round's questions with the caller's own answered flags (never anyone's answers); empty for viewers"),
  remaining: z.number().int().describe('How many the caller has still to answer'),
  canAnswer: z.boolean().describe('False for viewers, who are not asked'),
  anonymous: z.boolean().describe('True in a team workspace: others only ever see averages of 3 or more people'),
});

export const PlaybookOut = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean().describe('Built into Small Wins, or saved/imported by this workspace'),
  id: z.string().nullable().describe('The saved playbook id; null for built-ins'),
  createdAt: Instant.nullable(),
  body: PlaybookBodySchema,
});

const MicroGoalOut = z.object({
  id: z.string(),
  goalId: z.string(),
  week: Week,
  title: z.string(),
  status: z.enum(['planned', 'done', 'dropped']),
  result: z.string(),
  position: z.number(),
  doneAt: Instant.nullable(),
  createdAt: Instant,
});

const RoutineOut = z.object({
  id: z.string(),
  name: z.string(),
  goalId: z.string().nullable(),
  schedule: ScheduleSchema,
  target: z.object({ kind: z.enum(['at_least', 'at_most']), value: z.number(), unit: z.string() }).nullable(),
  minimumVersion: z.string(),
  reminderTime: z.string().nullable(),
  startDay: Day,
  archivedAt: Instant.nullable(),
  position: z.number(),
  createdAt: Instant,
});

const ReviewPromptOut = z.object({
  id: z.string(),
  kind: z.enum(['weekly', 'monthly']),
  text: z.string(),
  goalId: z.string().nullable(),
  position: z.number(),
});

const AppliedSystemOut = z.object({
  id: z.string(),
  name: z.string(),
  created: z.boolean().describe('True when applying created it; false when the workspace already had one of that name'),
});

export const AppliedPlaybookOut = z.object({
  playbook: z.object({ key: z.string(), name: z.string(), builtIn: z.boolean() }),
  goal: GoalOut,
  warning: z.string().nullable().describe('Set when the new goal takes the workspace past its focus limit'),
  metrics: z.array(MetricOut),
  microGoals: z.array(MicroGoalOut),
  routines: z.array(RoutineOut),
  reviewPrompts: z.array(ReviewPromptOut),
  checklists: z.array(AppliedSystemOut).describe("The playbook's checklists: created now, or the workspace's own of the same name (created: false), kept as it is"),
  templates: z.array(AppliedSystemOut).describe("The playbook's templates: created now, or the workspace's own of the same name (created: false), kept as it is"),
});

export const SettingsOut = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), timeZone: z.string(), dayStartHour: z.number().int() }),
  workspace: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['personal', 'team']),
    focusLimit: z.number().int(),
    conversationTarget: z.number().int(),
  }),
  role: z.enum(['owner', 'admin', 'member', 'viewer']),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The person's own settings; the time zone is checked here so a bad one is refused before anything changes. */
const UpdateMySettingsSchema = UpdateSettingsSchema.pick({ name: true, dayStartHour: true }).extend({
  timeZone: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .superRefine((zone, ctx) => {
      if (!isTimeZone(zone)) ctx.addIssue({ code: 'custom', message: `Unknown time zone "${zone}". Use an IANA name such as Europe/Paris or America/New_York.` });
    })
    .optional(),
});

const UpdateWorkspaceSettingsSchema = UpdateSettingsSchema.pick({ focusLimit: true, conversationTarget: true });

const ContactIdInput = z.object({ contactId: IdSchema });
const PlaybookKeyInput = z.object({ key: z.string().trim().toLowerCase().min(1, 'must not be empty').max(40, 'must be at most 40 characters') });

export const lifeEndpoints = {
  logEnergy: endpoint({
    id: 'logEnergy', method: 'POST', path: '/energy-entries', scope: 'workspace', tag: 'Energy',
    summary: "Log the caller's energy (1–5) and sleep for a day (today unless a day is given)",
    description: 'One entry per person per day: logging the same day again replaces the level, and the sleep and note when they are given. Days still to come are refused.',
    input: LogEnergySchema, output: EnergyEntryOut,
  }),
  listEnergy: endpoint({
    id: 'listEnergy', method: 'GET', path: '/energy-entries', scope: 'workspace', tag: 'Energy', list: true,
    summary: "The caller's own energy entries in day order, optionally within [from, to]",
    input: DayRangeSchema, output: EnergyEntryOut,
  }),
  addFocusWindow: endpoint({
    id: 'addFocusWindow', method: 'POST', path: '/focus-windows', scope: 'workspace', tag: 'Energy', status: 201,
    summary: 'Plan a focus window of 15–240 minutes on a day (today unless a day is given)',
    description: "A window stays inside its day and may not overlap another of the caller's windows; an overlap answers 409 naming the window in the way.",
    input: AddFocusWindowSchema, output: FocusWindowOut,
  }),
  listFocusWindows: endpoint({
    id: 'listFocusWindows', method: 'GET', path: '/focus-windows', scope: 'workspace', tag: 'Energy', list: true,
    summary: "The caller's focus windows in time order, optionally within [from, to]",
    input: DayRangeSchema, output: FocusWindowOut,
  }),
  deleteFocusWindow: endpoint({
    id: 'deleteFocusWindow', method: 'DELETE', path: '/focus-windows/{focusWindowId}', scope: 'workspace', tag: 'Energy',
    summary: 'Delete one of the caller\'s focus windows (by id or a unique id prefix of 4+ characters) and return it',
    input: z.object({ focusWindowId: IdSchema }), output: FocusWindowOut,
  }),

  addContact: endpoint({
    id: 'addContact', method: 'POST', path: '/contacts', scope: 'workspace', tag: 'People', status: 201,
    summary: 'Add a contact (a mentor, collaborator, customer, peer…); names are unique in the workspace, ignoring case',
    input: AddContactSchema, output: ContactOut,
  }),
  listContacts: endpoint({
    id: 'listContacts', method: 'GET', path: '/contacts', scope: 'workspace', tag: 'People', list: true,
    summary: 'Contacts by name, each with the day of the last conversation and the days since',
    input: z.object({}), output: ContactSummaryOut,
  }),
  updateContact: endpoint({
    id: 'updateContact', method: 'PATCH', path: '/contacts/{contactId}', scope: 'workspace', tag: 'People',
    summary: "Change a contact's name, kind, email or note",
    input: UpdateContactSchema, output: ContactOut,
  }),
  logConversation: endpoint({
    id: 'logConversation', method: 'POST', path: '/contacts/{contactId}/conversations', scope: 'workspace', tag: 'People', status: 201,
    summary: 'Log a meaningful conversation with a contact (today unless a day is given; days still to come are refused)',
    input: LogConversationSchema, output: ConversationOut,
  }),
  listConversations: endpoint({
    id: 'listConversations', method: 'GET', path: '/contacts/{contactId}/conversations', scope: 'workspace', tag: 'People', list: true,
    summary: 'The conversations logged with a contact, oldest first',
    input: ContactIdInput, output: ConversationOut,
  }),
  conversationStatus: endpoint({
    id: 'conversationStatus', method: 'GET', path: '/conversations/status', scope: 'workspace', tag: 'People',
    summary: "A week's conversations against the workspace's target, and who has not been spoken to for 30+ days",
    description: 'This week unless a week is given; a past week is judged as of its last day.',
    input: ConversationStatusSchema, output: ConversationStatusOut,
  }),

  recordPulse: endpoint({
    id: 'recordPulse', method: 'POST', path: '/pulses', scope: 'workspace', tag: 'Pulses', status: 201,
    summary: 'Record a 1–5 pulse on morale, customer delight, clarity of vision, or a custom question',
    description: 'The answer is only ever returned to its author; others see weekly aggregates (pulse trend).',
    input: RecordPulseSchema, output: PulseOut,
  }),
  listMyPulses: endpoint({
    id: 'listMyPulses', method: 'GET', path: '/pulses/mine', scope: 'workspace', tag: 'Pulses', list: true,
    summary: "The caller's own pulse answers, oldest first (nobody can list another person's)",
    input: ListPulsesSchema, output: PulseOut,
  }),
  pulseTrend: endpoint({
    id: 'pulseTrend', method: 'GET', path: '/pulses/trend', scope: 'workspace', tag: 'Pulses',
    summary: 'Average pulse per ISO week over a range (default: the last 8 weeks)',
    description: 'Aggregates only. In a team workspace a week\'s average is withheld until at least 3 different people answered it.',
    input: PulseTrendSchema, output: PulseTrendOut,
  }),
  getPulseSchedule: endpoint({
    id: 'getPulseSchedule', method: 'GET', path: '/pulses/schedule', scope: 'workspace', tag: 'Pulses',
    summary: "The workspace's pulse schedule: which questions, the weekday and local time rounds open, every 1, 2 or 4 weeks",
    description: 'Anyone in the workspace may read it. Until someone saves one, the defaults come back with `configured: false`.',
    input: z.object({}), output: PulseScheduleOut,
  }),
  setPulseSchedule: endpoint({
    id: 'setPulseSchedule', method: 'PUT', path: '/pulses/schedule', scope: 'workspace', tag: 'Pulses', role: 'admin',
    summary: "Replace the workspace's pulse schedule (owner or admin; in a personal workspace, its owner)",
    description: "A round opens on the weekday, in a week of the cadence, at the local time, on each member's own calendar and clock, and stays open until the next one begins. Omitted fields take their defaults (every Monday at 10:00, morale, delight and clarity), except `startWeek`, which keeps the current anchor.",
    input: SetPulseScheduleSchema, output: PulseScheduleOut,
  }),
  pulsesDue: endpoint({
    id: 'pulsesDue', method: 'GET', path: '/pulses/due', scope: 'workspace', tag: 'Pulses',
    summary: "The caller's pulses due: the open round's questions, each flagged answered or not by the caller",
    description: "Answering means recording a pulse (POST /pulses) of that kind (and question) on a day of the round. Only the caller's own flags are returned, never anyone's answers.",
    input: z.object({}), output: PulsesDueOut,
  }),

  listPlaybooks: endpoint({
    id: 'listPlaybooks', method: 'GET', path: '/playbooks', scope: 'workspace', tag: 'Playbooks', list: true,
    summary: 'The built-in playbooks, then the ones this workspace saved or imported',
    input: z.object({}), output: PlaybookOut,
  }),
  showPlaybook: endpoint({
    id: 'showPlaybook', method: 'GET', path: '/playbooks/{key}', scope: 'workspace', tag: 'Playbooks',
    summary: 'A playbook with everything it creates, by key',
    description: 'The answer is also the export format: POST it to /playbooks (in this or another workspace, under a new key) to import it.',
    input: PlaybookKeyInput, output: PlaybookOut,
  }),
  applyPlaybook: endpoint({
    id: 'applyPlaybook', method: 'POST', path: '/playbooks/{key}/apply', scope: 'workspace', tag: 'Playbooks', status: 201,
    summary: "Create a goal from a playbook: its metrics, this week's micro-goals, routines and review prompts, with its checklists and templates",
    description: 'All or nothing. The target date defaults to today plus the playbook\'s span; a routine name already in use gets a numbered suffix. The playbook\'s checklists and templates are created too, except one whose name the workspace already uses (ignoring case): that one is reused as it is.',
    input: ApplyPlaybookSchema, output: AppliedPlaybookOut,
  }),
  savePlaybook: endpoint({
    id: 'savePlaybook', method: 'POST', path: '/playbooks/from-goal', scope: 'workspace', tag: 'Playbooks', status: 201,
    summary: 'Save one of the workspace\'s goals (it needs a primary metric) as a playbook under a new key',
    description: 'The playbook takes the goal\'s metrics, latest week\'s micro-goals, linked routines and review prompts, and the workspace\'s checklists and templates: all of them unless `checklists` / `templates` name which (by id or name; [] for none).',
    input: SavePlaybookSchema, output: PlaybookOut,
  }),
  importPlaybook: endpoint({
    id: 'importPlaybook', method: 'POST', path: '/playbooks', scope: 'workspace', tag: 'Playbooks', status: 201,
    summary: 'Import a playbook file ({ key, name, description, body }, the shape showPlaybook returns) under a key no playbook uses',
    input: PlaybookFileSchema, output: PlaybookOut,
  }),

  getSettings: endpoint({
    id: 'getSettings', method: 'GET', path: '/settings', scope: 'workspace', tag: 'Settings',
    summary: "The caller's own settings (name, time zone, start of day) and the workspace's (focus limit, conversation target)",
    input: z.object({}), output: SettingsOut,
  }),
  updateMySettings: endpoint({
    id: 'updateMySettings', method: 'PATCH', path: '/settings/me', scope: 'workspace', tag: 'Settings', role: 'viewer',
    summary: "Change the caller's name, time zone or start-of-day hour",
    description: 'Anyone in the workspace may change their own, viewers included: these only shape how the person\'s days are cut.',
    input: UpdateMySettingsSchema, output: SettingsOut,
  }),
  updateWorkspaceSettings: endpoint({
    id: 'updateWorkspaceSettings', method: 'PATCH', path: '/settings/workspace', scope: 'workspace', tag: 'Settings', role: 'admin',
    summary: "Change the workspace's focus limit (active goals before a warning) or weekly conversation target",
    description: 'Needs the admin role; in a personal workspace its owner has it.',
    input: UpdateWorkspaceSettingsSchema, output: SettingsOut,
  }),
};
