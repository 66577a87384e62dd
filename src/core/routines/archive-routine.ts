import { ArchiveRoutineSchema, type ArchiveRoutineInput } from '#contracts/systems.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { getRoutine, type Routine } from './routine-queries.js';

/**
 * Archive a routine: it stops being due and leaves the lists, but its check-ins stay for the
 * history. `restore: true` brings it back.
 */
export async function archiveRoutine(ctx: Ctx, input: ArchiveRoutineInput): Promise<Routine> {
  requireWriter(ctx);
  const { routineId, restore } = parseInput(ArchiveRoutineSchema, input, 'routine');
  const before = await getRoutine(ctx, routineId);
  // Archiving twice keeps the first date: it says when the routine really stopped.
  if (restore || before.archivedAt === null) {
    await ctx.db
      .updateTable('routines')
      .set({ archivedAt: restore ? null : nowIso(ctx) })
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('id', '=', routineId)
      .execute();
  }
  return getRoutine(ctx, routineId);
}
