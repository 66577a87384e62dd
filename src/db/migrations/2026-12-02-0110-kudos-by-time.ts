import type { Kysely } from 'kysely';

/*
 * Frozen in time. Kudos by workspace and time given: the team weekly report counts a week's kudos,
 * and with only a workspace index it read every kudos the team ever gave.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('kudos_ws_idx').execute();
  await db.schema.createIndex('kudos_ws_created_idx').on('kudos').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('kudos_ws_created_idx').execute();
  await db.schema.createIndex('kudos_ws_idx').on('kudos').column('workspace_id').execute();
}
