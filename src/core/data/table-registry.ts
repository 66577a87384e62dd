import type { Database } from '#db/schema.js';

/** A column that holds the id of a row of another table (or of the same table). */
export interface Reference {
  column: string;
  table: keyof Database;
}

export interface TableSpec {
  table: keyof Database;
  /** False for tables keyed otherwise (lesson tags). */
  hasId: boolean;
  refs: Reference[];
  /** Columns holding a user id: mapped to the importing person on restore. */
  userColumns?: string[];
  /**
   * Columns naming the member work is assigned to (or was assigned by): kept on restore when that
   * person is a member of the restoring workspace, cleared otherwise (people are not exported).
   */
  memberColumns?: string[];
  /**
   * Columns that are unique together once user columns are mapped: restore keeps the first row of
   * each key (everyone's kudos on a win become the one restoring person's single kudos).
   */
  uniqueBy?: string[];
  /**
   * Rows only their person may read (a private win, a pulse answer): an export by someone else, an
   * admin of a team included, leaves them out. `when` narrows it to rows with that column value.
   */
  privateTo?: { userColumn: string; when?: { column: string; value: string } };
  /** Columns whose target table depends on another column's value. */
  polymorphic?: { column: string; typeColumn: string; tables: Record<string, keyof Database> };
}

/**
 * Every workspace-owned table, in an order where parents come before children. Export walks it to
 * write the file; import walks it to restore. A test checks that no workspace table is missing.
 */
export const WORKSPACE_TABLES: TableSpec[] = [
  { table: 'goals', hasId: true, refs: [] },
  { table: 'metrics', hasId: true, refs: [{ column: 'goalId', table: 'goals' }] },
  { table: 'measurements', hasId: true, refs: [{ column: 'metricId', table: 'metrics' }] },
  { table: 'weekPlans', hasId: true, refs: [] },
  { table: 'microGoals', hasId: true, refs: [{ column: 'goalId', table: 'goals' }], memberColumns: ['assigneeId', 'assignedById'] },
  {
    table: 'tasks',
    hasId: true,
    refs: [
      { column: 'goalId', table: 'goals' },
      { column: 'microGoalId', table: 'microGoals' },
      { column: 'carriedFromId', table: 'tasks' },
    ],
    memberColumns: ['assigneeId', 'assignedById'],
  },
  { table: 'routines', hasId: true, refs: [{ column: 'goalId', table: 'goals' }] },
  { table: 'routinePauses', hasId: true, refs: [{ column: 'routineId', table: 'routines' }] },
  { table: 'checkIns', hasId: true, refs: [{ column: 'routineId', table: 'routines' }] },
  { table: 'checklists', hasId: true, refs: [] },
  { table: 'checklistItems', hasId: true, refs: [{ column: 'checklistId', table: 'checklists' }] },
  { table: 'checklistRuns', hasId: true, refs: [{ column: 'checklistId', table: 'checklists' }] },
  {
    table: 'checklistRunItems',
    hasId: true,
    refs: [
      { column: 'runId', table: 'checklistRuns' },
      { column: 'itemId', table: 'checklistItems' },
    ],
  },
  { table: 'templates', hasId: true, refs: [] },
  { table: 'templateSteps', hasId: true, refs: [{ column: 'templateId', table: 'templates' }] },
  { table: 'contacts', hasId: true, refs: [] },
  { table: 'conversations', hasId: true, refs: [{ column: 'contactId', table: 'contacts' }] },
  {
    table: 'experiments',
    hasId: true,
    refs: [
      { column: 'goalId', table: 'goals' },
      { column: 'metricId', table: 'metrics' },
    ],
  },
  { table: 'experimentVariants', hasId: true, refs: [{ column: 'experimentId', table: 'experiments' }] },
  {
    table: 'feedback',
    hasId: true,
    refs: [
      { column: 'contactId', table: 'contacts' },
      { column: 'goalId', table: 'goals' },
      { column: 'experimentId', table: 'experiments' },
    ],
  },
  { table: 'reviews', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'reviewAnswers', hasId: true, refs: [{ column: 'reviewId', table: 'reviews' }] },
  { table: 'reviewDecisions', hasId: true, refs: [{ column: 'reviewId', table: 'reviews' }] },
  { table: 'reviewPrompts', hasId: true, refs: [{ column: 'goalId', table: 'goals' }] },
  { table: 'lessons', hasId: true, refs: [] },
  { table: 'lessonTags', hasId: false, refs: [{ column: 'lessonId', table: 'lessons' }] },
  {
    table: 'lessonLinks',
    hasId: true,
    refs: [{ column: 'lessonId', table: 'lessons' }],
    polymorphic: {
      column: 'targetId',
      typeColumn: 'targetType',
      tables: { goal: 'goals', experiment: 'experiments', win: 'wins', task: 'tasks', micro_goal: 'microGoals', review: 'reviews', feedback: 'feedback' },
    },
  },
  {
    table: 'wins',
    hasId: true,
    refs: [],
    userColumns: ['userId'],
    privateTo: { userColumn: 'userId', when: { column: 'visibility', value: 'private' } },
    polymorphic: { column: 'sourceId', typeColumn: 'source', tables: { task: 'tasks', micro_goal: 'microGoals' } },
  },
  { table: 'kudos', hasId: false, refs: [{ column: 'winId', table: 'wins' }], userColumns: ['userId'], uniqueBy: ['winId', 'userId'] },
  { table: 'winComments', hasId: true, refs: [{ column: 'winId', table: 'wins' }], userColumns: ['userId'] },
  { table: 'energyEntries', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'focusWindows', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'pulses', hasId: true, refs: [], userColumns: ['userId'], privateTo: { userColumn: 'userId' } },
  // One per workspace, keyed by it; who last changed it becomes the person restoring.
  { table: 'pulseSchedules', hasId: false, refs: [], userColumns: ['updatedBy'] },
  { table: 'playbooks', hasId: true, refs: [] },
  { table: 'decisionRecords', hasId: true, refs: [{ column: 'goalId', table: 'goals' }], userColumns: ['createdBy'] },
];

/**
 * Tables derived from others and rebuilt rather than exported: lesson search on restore, score
 * checkpoints by Today when it finds none (a restored workspace starts without any).
 */
export const DERIVED_TABLES: Array<keyof Database> = ['lessonSearch', 'routineScoreCheckpoints'];

/**
 * Email delivery state: the outbox holds rendered emails with signed unsubscribe links and addresses,
 * the preferences are per person, the state holds the signing secret. None is workspace content.
 */
const OUTREACH_TABLES: Array<keyof Database> = ['emailOutbox', 'emailPreferences', 'outreachState'];

/** Report share links and calendar feeds: secret links (token hashes), never exported. */
const REPORT_LINK_TABLES: Array<keyof Database> = ['reportShares', 'calendarFeeds'];

/**
 * Tables of accounts and access, not of content: not part of a workspace export. Invitations belong
 * to a workspace but hold token hashes and name people by email, so they stay out too. Sessions, API
 * tokens and rate limits have no workspace and are listed only to say they are left out on purpose.
 */
export const ACCOUNT_TABLES: Array<keyof Database> = ['members', 'invitations', 'sessions', 'apiTokens', 'rateLimits', ...OUTREACH_TABLES, ...REPORT_LINK_TABLES];
