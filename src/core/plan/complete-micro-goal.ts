import { CompleteMicroGoalSchema, type CompleteMicroGoalInput } from '#contracts/plan.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { createAutoWin } from '../wins/create-auto-win.js';
import type { Win } from '../wins/win-queries.js';
import { getMicroGoal, type MicroGoal } from './plan-queries.js';

export interface CompletedMicroGoal {
  microGoal: MicroGoal;
  /** The win this completion earned; null when the micro-goal was already done. */
  win: Win | null;
}

/**
 * Mark a micro-goal done (a dropped one may still be finished) and celebrate it with a win, in one
 * transaction. Doing it again changes nothing but the result text, and never makes a second win.
 */
export async function completeMicroGoal(ctx: Ctx, input: CompleteMicroGoalInput): Promise<CompletedMicroGoal> {
  requireWriter(ctx);
  const data = parseInput(CompleteMicroGoalSchema, input, 'micro-goal completion');
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    const updated = await trx.db
      .updateTable('microGoals')
      .set({ status: 'done', doneAt: nowIso(trx), ...(data.result !== undefined ? { result: data.result } : {}) })
      .where('workspaceId', '=', ws)
      .where('id', '=', data.microGoalId)
      .where('status', '!=', 'done')
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      // Already done (or unknown: getMicroGoal says so). Only the result text may be corrected.
      await getMicroGoal(trx, data.microGoalId);
      if (data.result !== undefined) {
        await trx.db.updateTable('microGoals').set({ result: data.result }).where('workspaceId', '=', ws).where('id', '=', data.microGoalId).execute();
      }
      return { microGoal: await getMicroGoal(trx, data.microGoalId), win: null };
    }
    const win = await createAutoWin(trx, { source: 'micro_goal', sourceId: updated.id, title: updated.title, note: updated.result });
    return { microGoal: await getMicroGoal(trx, updated.id), win };
  });
}
