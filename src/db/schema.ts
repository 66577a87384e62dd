import type { ColumnType } from 'kysely';

/**
 * Row shapes of every table, in camelCase (the CamelCasePlugin maps them to snake_case columns).
 * Calendar dates are ISO date strings ("2026-11-22"), ISO weeks "2026-W47", instants ISO UTC
 * strings ("2026-11-22T09:30:00.000Z"). Flags are integers 0/1 so both engines read the same.
 * Every row outside users/workspaces carries its workspaceId.
 */
type Flag = number;
type Id = string;
type Instant = string;
type Day = string;

export interface UserTable {
  id: Id;
  email: string | null;
  name: string;
  passwordHash: string | null;
  timeZone: string;
  dayStartHour: number;
  createdAt: Instant;
  /** 1 for the one account that administers the server (the first with a password). */
  isServerOwner: Generated<Flag>;
}

export interface WorkspaceTable {
  id: Id;
  name: string;
  kind: 'personal' | 'team';
  focusLimit: number;
  conversationTarget: number;
  createdAt: Instant;
}

export interface MemberTable {
  workspaceId: Id;
  userId: Id;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  createdAt: Instant;
}

export interface GoalTable {
  id: Id;
  workspaceId: Id;
  title: string;
  purpose: string;
  leveragePoint: string;
  status: 'active' | 'paused' | 'done' | 'dropped';
  targetDate: Day | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface MetricTable {
  id: Id;
  workspaceId: Id;
  goalId: Id;
  name: string;
  unit: string;
  direction: 'up' | 'down';
  indicator: 'leading' | 'lagging';
  isPrimary: Flag;
  baseline: number | null;
  target: number | null;
  targetDate: Day | null;
  createdAt: Instant;
}

export interface MeasurementTable {
  id: Id;
  workspaceId: Id;
  metricId: Id;
  day: Day;
  value: number;
  note: string;
  createdAt: Instant;
}

export interface WeekPlanTable {
  id: Id;
  workspaceId: Id;
  week: string;
  plan: string;
  result: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface MicroGoalTable {
  id: Id;
  workspaceId: Id;
  goalId: Id;
  week: string;
  title: string;
  status: 'planned' | 'done' | 'dropped';
  result: string;
  position: number;
  doneAt: Instant | null;
  createdAt: Instant;
  /** The member doing it; null while it is the team's (unassigned). */
  assigneeId: Id | null;
  /** Who assigned it (the assignee themselves when they took it). */
  assignedById: Id | null;
}

export interface TaskTable {
  id: Id;
  workspaceId: Id;
  goalId: Id | null;
  microGoalId: Id | null;
  title: string;
  minutes: number;
  day: Day;
  status: 'planned' | 'done' | 'skipped' | 'carried';
  actualMinutes: number | null;
  carriedFromId: Id | null;
  note: string;
  position: number;
  doneAt: Instant | null;
  createdAt: Instant;
  assigneeId: Id | null;
  assignedById: Id | null;
  /** 1 while offered for anyone to pick up (and unassigned). */
  openForPickup: Generated<Flag>;
}

export interface RoutineTable {
  id: Id;
  workspaceId: Id;
  goalId: Id | null;
  name: string;
  scheduleKind: 'daily' | 'times' | 'weekdays' | 'rrule';
  timesPerPeriod: number | null;
  periodDays: number | null;
  weekdays: string | null;
  rrule: string | null;
  targetKind: 'none' | 'at_least' | 'at_most';
  targetValue: number | null;
  unit: string;
  minimumVersion: string;
  reminderTime: string | null;
  startDay: Day;
  archivedAt: Instant | null;
  position: number;
  createdAt: Instant;
}

/**
 * Derived: a routine's exact strength score and the streak running through it at the end of `day`
 * (null when there is none yet). `token` changes with every write to the routine's history.
 */
export interface RoutineScoreCheckpointTable {
  routineId: Id;
  workspaceId: Id;
  token: string;
  day: Day | null;
  score: number | null;
  /** Null for routines whose streak depends on later check-ins (Loop's automatic check-marks). */
  streak: number | null;
  /** The longest streak closed by `day` (every streak but the one running through it); null with `streak`. */
  bestStreak: number | null;
}

export interface RoutinePauseTable {
  id: Id;
  workspaceId: Id;
  routineId: Id;
  startDay: Day;
  endDay: Day | null;
  reason: string;
  createdAt: Instant;
}

export interface CheckInTable {
  id: Id;
  workspaceId: Id;
  routineId: Id;
  day: Day;
  status: 'done' | 'minimum' | 'skipped' | 'missed';
  value: number | null;
  note: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface ChecklistTable {
  id: Id;
  workspaceId: Id;
  name: string;
  description: string;
  createdAt: Instant;
}

export interface ChecklistItemTable {
  id: Id;
  workspaceId: Id;
  checklistId: Id;
  position: number;
  text: string;
}

export interface ChecklistRunTable {
  id: Id;
  workspaceId: Id;
  checklistId: Id;
  label: string;
  startedAt: Instant;
  completedAt: Instant | null;
}

export interface ChecklistRunItemTable {
  id: Id;
  workspaceId: Id;
  runId: Id;
  itemId: Id;
  checkedAt: Instant;
}

export interface TemplateTable {
  id: Id;
  workspaceId: Id;
  name: string;
  description: string;
  createdAt: Instant;
}

export interface TemplateStepTable {
  id: Id;
  workspaceId: Id;
  templateId: Id;
  position: number;
  title: string;
  minutes: number;
  dayOffset: number;
}

export interface ExperimentTable {
  id: Id;
  workspaceId: Id;
  goalId: Id | null;
  metricId: Id | null;
  title: string;
  assumption: string;
  hypothesis: string;
  startDay: Day;
  endDay: Day;
  status: 'planned' | 'running' | 'done';
  result: string;
  decision: 'scale' | 'iterate' | 'stop' | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface ExperimentVariantTable {
  id: Id;
  workspaceId: Id;
  experimentId: Id;
  name: string;
  trials: number;
  successes: number;
  position: number;
}

export interface FeedbackTable {
  id: Id;
  workspaceId: Id;
  source: 'customer' | 'mentor' | 'peer' | 'other';
  contactId: Id | null;
  goalId: Id | null;
  experimentId: Id | null;
  content: string;
  day: Day;
  createdAt: Instant;
}

export interface ReviewTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  kind: 'weekly' | 'monthly';
  period: string;
  status: 'open' | 'done';
  summary: string;
  startedAt: Instant;
  completedAt: Instant | null;
}

export interface ReviewAnswerTable {
  id: Id;
  workspaceId: Id;
  reviewId: Id;
  position: number;
  prompt: string;
  answer: string;
}

export interface ReviewDecisionTable {
  id: Id;
  workspaceId: Id;
  reviewId: Id;
  verdict: 'keep' | 'change' | 'drop';
  text: string;
  /** Order within the review (migration 0030); defaults to 0 on insert. */
  position: Generated<number>;
  createdAt: Instant;
}

export interface ReviewPromptTable {
  id: Id;
  workspaceId: Id;
  goalId: Id | null;
  kind: 'weekly' | 'monthly';
  text: string;
  position: number;
}

export interface LessonTable {
  id: Id;
  workspaceId: Id;
  title: string;
  body: string;
  origin: 'win' | 'failure' | 'experiment' | 'review' | 'other';
  day: Day;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface LessonTagTable {
  workspaceId: Id;
  lessonId: Id;
  tag: string;
}

export interface LessonLinkTable {
  id: Id;
  workspaceId: Id;
  lessonId: Id;
  targetType: 'goal' | 'experiment' | 'win' | 'task' | 'micro_goal' | 'review' | 'feedback';
  targetId: Id;
}

/** Search documents of lessons: an FTS5 table on SQLite, a tsvector-indexed table on PostgreSQL. */
export interface LessonSearchTable {
  lessonId: Id;
  workspaceId: Id;
  document: string;
}

export interface WinTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  title: string;
  note: string;
  source: 'manual' | 'task' | 'micro_goal' | 'milestone';
  sourceId: string | null;
  visibility: 'private' | 'shared';
  day: Day;
  createdAt: Instant;
}

export interface EnergyEntryTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  day: Day;
  energy: number;
  sleepHours: number | null;
  note: string;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface FocusWindowTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  day: Day;
  startTime: string;
  minutes: number;
  label: string;
  createdAt: Instant;
}

export interface ContactTable {
  id: Id;
  workspaceId: Id;
  name: string;
  kind: 'mentor' | 'collaborator' | 'customer' | 'peer' | 'other';
  email: string;
  note: string;
  createdAt: Instant;
}

export interface ConversationTable {
  id: Id;
  workspaceId: Id;
  contactId: Id;
  day: Day;
  note: string;
  createdAt: Instant;
}

export interface PulseTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  kind: 'morale' | 'delight' | 'clarity' | 'custom';
  question: string;
  value: number;
  day: Day;
  note: string;
  createdAt: Instant;
}

/**
 * A workspace's pulse schedule (migration 0100), at most one per workspace: which questions a round
 * asks, the weekday and local time it opens, and every how many weeks, counted from `startWeek`.
 */
export interface PulseScheduleTable {
  workspaceId: Id;
  enabled: Flag;
  /** JSON array of the fixed questions asked: "morale", "delight", "clarity". */
  kinds: string;
  /** JSON array of up to 5 custom questions. */
  customQuestions: string;
  /** ISO weekday (Monday 1 … Sunday 7) and local "HH:MM" a round opens. */
  weekday: number;
  time: string;
  everyWeeks: number;
  /** The ISO week the cadence counts from: rounds fall in it and every `everyWeeks` weeks after. */
  startWeek: string;
  updatedBy: Id | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface PlaybookTable {
  id: Id;
  workspaceId: Id;
  key: string;
  name: string;
  description: string;
  body: string;
  createdAt: Instant;
}

/** A login session. The id is the SHA-256 (hex) of the cookie secret, never the secret. */
export interface SessionTable {
  id: string;
  userId: Id;
  createdAt: Instant;
  lastSeenAt: Instant;
  /** Absolute end of the session, whatever the activity. */
  expiresAt: Instant;
  revokedAt: Instant | null;
  userAgent: Generated<string>;
  ip: Generated<string>;
}

/** A personal API token, stored only as its SHA-256 (hex); `prefix` is shown to tell tokens apart. */
export interface ApiTokenTable {
  id: Id;
  userId: Id;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: Instant;
  lastUsedAt: Instant | null;
  expiresAt: Instant | null;
  revokedAt: Instant | null;
}

/** An invitation to a workspace, stored only as the SHA-256 (hex) of its token. */
export interface InvitationTable {
  id: Id;
  workspaceId: Id;
  email: string | null;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  tokenHash: string;
  createdBy: Id;
  createdAt: Instant;
  expiresAt: Instant;
  acceptedAt: Instant | null;
  acceptedBy: Id | null;
  revokedAt: Instant | null;
}

/** Fixed-window counters; one row per key and window start (an ISO instant). */
export interface RateLimitTable {
  key: string;
  windowStart: Instant;
  count: number;
}

/** An email to send (or sent): rendered when it became due, keyed so it is stored once (migration 0030 outreach). */
export interface EmailOutboxTable {
  id: Id;
  idempotencyKey: string;
  userId: Id;
  workspaceId: Id | null;
  kind: 'report' | 'review_reminder' | 'routine_reminder' | 'pulse_prompt' | 'test';
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  unsubscribeUrl: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  dueAt: Instant;
  nextAttemptAt: Instant;
  /** While 'sending': the claim holds until then. */
  lockedUntil: Instant | null;
  lastError: string | null;
  messageId: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  sentAt: Instant | null;
}

/** A person's email choices; no row means the defaults (everything on, the report on Friday 16:00). */
export interface EmailPreferencesTable {
  userId: Id;
  /** Where emails go instead of the account's address; null: the account's. */
  address: string | null;
  report: Generated<Flag>;
  reviewReminders: Generated<Flag>;
  routineReminders: Generated<Flag>;
  /** An email when a round of a workspace's pulse schedule opens (migration 0100). */
  pulsePrompts: Generated<Flag>;
  /** ISO weekday (Monday 1 … Sunday 7) and local "HH:MM" of the weekly report. */
  reportWeekday: Generated<number>;
  reportTime: Generated<string>;
  updatedAt: Instant;
}

/** Server-wide values of the scheduler and of email: the processed-up-to instant, the unsubscribe secret. */
export interface OutreachStateTable {
  key: string;
  value: string;
  updatedAt: Instant;
}

/** A secret link (report share or calendar feed), stored only as the SHA-256 (hex) of its token. */
export interface ReportLinkTable {
  id: Id;
  workspaceId: Id;
  userId: Id;
  tokenHash: string;
  createdAt: Instant;
  expiresAt: Instant | null;
  revokedAt: Instant | null;
  lastUsedAt: Instant | null;
}

/** One person's kudos on a win (migration 0050 feed); the primary key keeps it to one per person. */
export interface KudosTable {
  workspaceId: Id;
  winId: Id;
  userId: Id;
  createdAt: Instant;
}

/** A short comment on a shared win; deleted comments keep their row with deletedAt set. */
export interface WinCommentTable {
  id: Id;
  workspaceId: Id;
  winId: Id;
  userId: Id;
  body: string;
  createdAt: Instant;
  deletedAt: Instant | null;
}

/** A decision record: what the team decided, in what context, and why. */
export interface DecisionRecordTable {
  id: Id;
  workspaceId: Id;
  title: string;
  context: string;
  decision: string;
  reasoning: string;
  goalId: Id | null;
  createdBy: Id;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface Database {
  users: UserTable;
  workspaces: WorkspaceTable;
  members: MemberTable;
  goals: GoalTable;
  metrics: MetricTable;
  measurements: MeasurementTable;
  weekPlans: WeekPlanTable;
  microGoals: MicroGoalTable;
  tasks: TaskTable;
  routines: RoutineTable;
  routinePauses: RoutinePauseTable;
  checkIns: CheckInTable;
  routineScoreCheckpoints: RoutineScoreCheckpointTable;
  checklists: ChecklistTable;
  checklistItems: ChecklistItemTable;
  checklistRuns: ChecklistRunTable;
  checklistRunItems: ChecklistRunItemTable;
  templates: TemplateTable;
  templateSteps: TemplateStepTable;
  experiments: ExperimentTable;
  experimentVariants: ExperimentVariantTable;
  feedback: FeedbackTable;
  reviews: ReviewTable;
  reviewAnswers: ReviewAnswerTable;
  reviewDecisions: ReviewDecisionTable;
  reviewPrompts: ReviewPromptTable;
  lessons: LessonTable;
  lessonTags: LessonTagTable;
  lessonLinks: LessonLinkTable;
  lessonSearch: LessonSearchTable;
  wins: WinTable;
  energyEntries: EnergyEntryTable;
  focusWindows: FocusWindowTable;
  contacts: ContactTable;
  conversations: ConversationTable;
  pulses: PulseTable;
  pulseSchedules: PulseScheduleTable;
  playbooks: PlaybookTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  invitations: InvitationTable;
  rateLimits: RateLimitTable;
  emailOutbox: EmailOutboxTable;
  emailPreferences: EmailPreferencesTable;
  outreachState: OutreachStateTable;
  reportShares: ReportLinkTable;
  calendarFeeds: ReportLinkTable;
  kudos: KudosTable;
  winComments: WinCommentTable;
  decisionRecords: DecisionRecordTable;
}

/** Kept so generated columns can be declared without touching every table later. */
export type Generated<T> = ColumnType<T, T | undefined, T>;
