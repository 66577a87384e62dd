import type { Kysely } from 'kysely';

/*
 * Frozen in time. Pulses asked on a schedule (docs/decisions/013-pulse-schedule.md):
 * - `pulse_schedules`: at most one per workspace (its primary key): which questions a round asks
 *   (`kinds`: a JSON array of morale/delight/clarity; `custom_questions`: a JSON array of up to 5
 *   questions), the ISO weekday and local "HH:MM" a round opens, every 1, 2 or 4 weeks counted from
 *   `start_week` (an ISO week), and whether it is on.
 * - `email_preferences.pulse_prompts`: whether the person gets an email when a round opens.
 */

const text = 'text' as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pulse_schedules')
    .addColumn('workspace_id', text, (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kinds', text, (c) => c.notNull())
    .addColumn('custom_questions', text, (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('time', text, (c) => c.notNull())
    .addColumn('every_weeks', 'integer', (c) => c.notNull())
    .addColumn('start_week', text, (c) => c.notNull())
    .addColumn('updated_by', text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('email_preferences').addColumn('pulse_prompts', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_preferences').dropColumn('pulse_prompts').execute();
  await db.schema.dropTable('pulse_schedules').ifExists().execute();
}
