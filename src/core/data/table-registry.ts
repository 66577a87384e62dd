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
  { table: 'microGoals', hasId: true, refs: [{ column: 'goalId', table: 'goals' }] },
  {
    table: 'tasks',
    hasId: true,
    refs: [
      { column: 'goalId', table: 'goals' },
      { column: 'microGoalId', table: 'microGoals' },
      { column: 'carriedFromId', table: 'tasks' },
    ],
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
    polymorphic: { column: 'sourceId', typeColumn: 'source', tables: { task: 'tasks', micro_goal: 'microGoals' } },
  },
  { table: 'energyEntries', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'focusWindows', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'pulses', hasId: true, refs: [], userColumns: ['userId'] },
  { table: 'playbooks', hasId: true, refs: [] },
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
