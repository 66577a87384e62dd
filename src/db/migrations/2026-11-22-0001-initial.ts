import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/*
 * Frozen in time: written against Kysely<any> with snake_case names so this file keeps meaning the
 * same schema whatever the application types become. One file for SQLite and PostgreSQL; only the
 * full-text search of lessons differs by engine.
 */

type Builder = CreateTableBuilder<string, any>;

const text = 'text' as const;
const real = 'double precision' as const;

/** id + workspace_id, present on every row that belongs to a workspace. */
function owned(db: Kysely<any>, table: string): Builder {
  return db.schema
    .createTable(table)
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'));
}

function parent(table: string, onDelete: 'cascade' | 'set null' = 'cascade') {
  return (c: any) => (onDelete === 'cascade' ? c.notNull() : c).references(`${table}.id`).onDelete(onDelete);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('email', text, (c) => c.unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('password_hash', text)
    .addColumn('time_zone', text, (c) => c.notNull())
    .addColumn('day_start_hour', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workspaces')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('focus_limit', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('conversation_target', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('members_pk', ['workspace_id', 'user_id'])
    .execute();
  await db.schema.createIndex('members_user_idx').on('members').column('user_id').execute();

  await owned(db, 'goals')
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('purpose', text, (c) => c.notNull().defaultTo(''))
    .addColumn('leverage_point', text, (c) => c.notNull().defaultTo(''))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('target_date', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_ws_status_idx').on('goals').columns(['workspace_id', 'status']).execute();

  await owned(db, 'metrics')
    .addColumn('goal_id', text, parent('goals'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('unit', text, (c) => c.notNull().defaultTo(''))
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('indicator', text, (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('baseline', real)
    .addColumn('target', real)
    .addColumn('target_date', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('metrics_goal_idx').on('metrics').column('goal_id').execute();
  // Exactly one primary metric per goal, enforced by the database as well as the use case.
  await db.schema
    .createIndex('metrics_one_primary_idx')
    .on('metrics')
    .column('goal_id')
    .unique()
    .where(sql.ref('is_primary'), '=', 1)
    .execute();

  await owned(db, 'measurements')
    .addColumn('metric_id', text, parent('metrics'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measurements_metric_day_idx').on('measurements').columns(['metric_id', 'day']).execute();

  await owned(db, 'week_plans')
    .addColumn('week', text, (c) => c.notNull())
    .addColumn('plan', text, (c) => c.notNull().defaultTo(''))
    .addColumn('result', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('week_plans_ws_week_uq', ['workspace_id', 'week'])
    .execute();

  await owned(db, 'micro_goals')
    .addColumn('goal_id', text, parent('goals'))
    .addColumn('week', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('result', text, (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('micro_goals_ws_week_idx').on('micro_goals').columns(['workspace_id', 'week']).execute();
  await db.schema.createIndex('micro_goals_goal_idx').on('micro_goals').column('goal_id').execute();

  await owned(db, 'tasks')
    .addColumn('goal_id', text, parent('goals', 'set null'))
    .addColumn('micro_goal_id', text, parent('micro_goals', 'set null'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('actual_minutes', 'integer')
    .addColumn('carried_from_id', text, parent('tasks', 'set null'))
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_ws_day_idx').on('tasks').columns(['workspace_id', 'day']).execute();
  await db.schema.createIndex('tasks_micro_goal_idx').on('tasks').column('micro_goal_id').execute();

  await owned(db, 'routines')
    .addColumn('goal_id', text, parent('goals', 'set null'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('schedule_kind', text, (c) => c.notNull())
    .addColumn('times_per_period', 'integer')
    .addColumn('period_days', 'integer')
    .addColumn('weekdays', text)
    .addColumn('rrule', text)
    .addColumn('target_kind', text, (c) => c.notNull().defaultTo('none'))
    .addColumn('target_value', real)
    .addColumn('unit', text, (c) => c.notNull().defaultTo(''))
    .addColumn('minimum_version', text, (c) => c.notNull().defaultTo(''))
    .addColumn('reminder_time', text)
    .addColumn('start_day', text, (c) => c.notNull())
    .addColumn('archived_at', text)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('routines_ws_name_uq', ['workspace_id', 'name'])
    .execute();

  await owned(db, 'routine_pauses')
    .addColumn('routine_id', text, parent('routines'))
    .addColumn('start_day', text, (c) => c.notNull())
    .addColumn('end_day', text)
    .addColumn('reason', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('routine_pauses_routine_idx').on('routine_pauses').column('routine_id').execute();

  await owned(db, 'check_ins')
    .addColumn('routine_id', text, parent('routines'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('value', real)
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    // One check-in per routine per local day: concurrent identical check-ins store one row.
    .addUniqueConstraint('check_ins_routine_day_uq', ['routine_id', 'day'])
    .execute();
  await db.schema.createIndex('check_ins_ws_day_idx').on('check_ins').columns(['workspace_id', 'day']).execute();

  await owned(db, 'checklists')
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('checklists_ws_name_uq', ['workspace_id', 'name'])
    .execute();
  await owned(db, 'checklist_items')
    .addColumn('checklist_id', text, parent('checklists'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .execute();
  await owned(db, 'checklist_runs')
    .addColumn('checklist_id', text, parent('checklists'))
    .addColumn('label', text, (c) => c.notNull().defaultTo(''))
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('completed_at', text)
    .execute();
  await owned(db, 'checklist_run_items')
    .addColumn('run_id', text, parent('checklist_runs'))
    .addColumn('item_id', text, parent('checklist_items'))
    .addColumn('checked_at', text, (c) => c.notNull())
    .addUniqueConstraint('checklist_run_items_uq', ['run_id', 'item_id'])
    .execute();

  await owned(db, 'templates')
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('templates_ws_name_uq', ['workspace_id', 'name'])
    .execute();
  await owned(db, 'template_steps')
    .addColumn('template_id', text, parent('templates'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('day_offset', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await owned(db, 'experiments')
    .addColumn('goal_id', text, parent('goals', 'set null'))
    .addColumn('metric_id', text, parent('metrics', 'set null'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('assumption', text, (c) => c.notNull().defaultTo(''))
    .addColumn('hypothesis', text, (c) => c.notNull().defaultTo(''))
    .addColumn('start_day', text, (c) => c.notNull())
    .addColumn('end_day', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('result', text, (c) => c.notNull().defaultTo(''))
    .addColumn('decision', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await owned(db, 'experiment_variants')
    .addColumn('experiment_id', text, parent('experiments'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('trials', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('successes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('experiment_variants_uq', ['experiment_id', 'name'])
    .execute();

  await owned(db, 'contacts')
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('email', text, (c) => c.notNull().defaultTo(''))
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('contacts_ws_name_uq', ['workspace_id', 'name'])
    .execute();
  await owned(db, 'conversations')
    .addColumn('contact_id', text, parent('contacts'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conversations_ws_day_idx').on('conversations').columns(['workspace_id', 'day']).execute();

  await owned(db, 'feedback')
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('contact_id', text, parent('contacts', 'set null'))
    .addColumn('goal_id', text, parent('goals', 'set null'))
    .addColumn('experiment_id', text, parent('experiments', 'set null'))
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();

  await owned(db, 'reviews')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('completed_at', text)
    .addUniqueConstraint('reviews_period_uq', ['workspace_id', 'user_id', 'kind', 'period'])
    .execute();
  await owned(db, 'review_answers')
    .addColumn('review_id', text, parent('reviews'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('prompt', text, (c) => c.notNull())
    .addColumn('answer', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await owned(db, 'review_decisions')
    .addColumn('review_id', text, parent('reviews'))
    .addColumn('verdict', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await owned(db, 'review_prompts')
    .addColumn('goal_id', text, parent('goals', 'set null'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await owned(db, 'lessons')
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull().defaultTo(''))
    .addColumn('origin', text, (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lesson_tags')
    .addColumn('workspace_id', text, (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('lesson_id', text, parent('lessons'))
    .addColumn('tag', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('lesson_tags_pk', ['lesson_id', 'tag'])
    .execute();
  await db.schema.createIndex('lesson_tags_ws_tag_idx').on('lesson_tags').columns(['workspace_id', 'tag']).execute();
  await owned(db, 'lesson_links')
    .addColumn('lesson_id', text, parent('lessons'))
    .addColumn('target_type', text, (c) => c.notNull())
    .addColumn('target_id', text, (c) => c.notNull())
    .execute();

  if (isPostgres(db)) {
    await sql`CREATE TABLE lesson_search (
      lesson_id text PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
      workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      document text NOT NULL,
      tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', document)) STORED
    )`.execute(db);
    await sql`CREATE INDEX lesson_search_tsv_idx ON lesson_search USING gin (tsv)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE lesson_search USING fts5(
      lesson_id UNINDEXED, workspace_id UNINDEXED, document, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  }

  await owned(db, 'wins')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('source', text, (c) => c.notNull())
    .addColumn('source_id', text)
    .addColumn('visibility', text, (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wins_ws_day_idx').on('wins').columns(['workspace_id', 'day']).execute();
  // A done task or micro-goal, or a milestone, is celebrated once.
  await db.schema
    .createIndex('wins_source_uq')
    .on('wins')
    .columns(['workspace_id', 'source', 'source_id'])
    .unique()
    .where(sql.ref('source_id'), 'is not', null)
    .execute();

  await owned(db, 'energy_entries')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('energy', 'integer', (c) => c.notNull())
    .addColumn('sleep_hours', real)
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('energy_entries_uq', ['workspace_id', 'user_id', 'day'])
    .execute();

  await owned(db, 'focus_windows')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('start_time', text, (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('focus_windows_ws_day_idx').on('focus_windows').columns(['workspace_id', 'day']).execute();

  await owned(db, 'pulses')
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('question', text, (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('note', text, (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pulses_ws_kind_day_idx').on('pulses').columns(['workspace_id', 'kind', 'day']).execute();

  await owned(db, 'playbooks')
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('playbooks_ws_key_uq', ['workspace_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'playbooks', 'pulses', 'focus_windows', 'energy_entries', 'wins', 'lesson_search', 'lesson_links',
    'lesson_tags', 'lessons', 'review_prompts', 'review_decisions', 'review_answers', 'reviews',
    'feedback', 'conversations', 'contacts', 'experiment_variants', 'experiments', 'template_steps',
    'templates', 'checklist_run_items', 'checklist_runs', 'checklist_items', 'checklists', 'check_ins',
    'routine_pauses', 'routines', 'tasks', 'micro_goals', 'week_plans', 'measurements', 'metrics',
    'goals', 'members', 'workspaces', 'users',
  ];
  for (const t of tables) await db.schema.dropTable(t).ifExists().execute();
}
