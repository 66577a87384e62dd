import type { Ctx } from '../context.js';
import { toRoutine, type Routine } from './routine-queries.js';

/** The workspace's routines in their order; archived ones only when asked for. */
export async function listRoutines(ctx: Ctx, options: { includeArchived?: boolean } = {}): Promise<Routine[]> {
  let query = ctx.db.selectFrom('routines').selectAll().where('workspaceId', '=', ctx.actor.workspaceId);
  if (!options.includeArchived) query = query.where('archivedAt', 'is', null);
  const rows = await query.orderBy('position').orderBy('createdAt').orderBy('id').execute();
  return rows.map(toRoutine);
}
