import { isTeamWorkspace } from '../assignments/work-queries.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { newId } from '../ids.js';
import { copyOf } from './carry-over-task.js';
import { toTask } from './task-queries.js';

/**
 * Bring every still-planned task of earlier days to today, in one transaction: each original is
 * marked carried and gets a planned copy today, after today's own tasks. Returns how many moved.
 * In a team workspace it moves what Today shows: the actor's own tasks and the unassigned ones.
 */
export async function carryOverUnfinished(ctx: Ctx): Promise<number> {
  requireWriter(ctx);
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    const day = today(trx);
    const team = await isTeamWorkspace(trx.db, ws);
    const me = trx.actor.userId;
    // Mark first and copy what was marked: a concurrent run finds nothing left to mark.
    const marked = await trx.db
      .updateTable('tasks')
      .set({ status: 'carried' })
      .where('workspaceId', '=', ws)
      .where('day', '<', day)
      .where('status', '=', 'planned')
      .$if(team, (qb) => qb.where((eb) => eb.or([eb('assigneeId', 'is', null), eb('assigneeId', '=', me)])))
      .returningAll()
      .execute();
    if (marked.length === 0) return 0;
    const last = await trx.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('workspaceId', '=', ws)
      .where('day', '=', day)
      .executeTakeFirst();
    const start = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
    const createdAt = nowIso(trx);
    const originals = marked.map(toTask).sort((a, b) => a.day.localeCompare(b.day) || a.position - b.position || a.createdAt.localeCompare(b.createdAt));
    const copies = originals.map((task, i) => ({ ...copyOf(task), id: newId(), workspaceId: ws, day, position: start + i, createdAt }));
    // Chunked to stay well under SQLite's limit on bound parameters per statement.
    for (let i = 0; i < copies.length; i += 200) await trx.db.insertInto('tasks').values(copies.slice(i, i + 200)).execute();
    return originals.length;
  });
}
