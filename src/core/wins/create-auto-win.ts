import { CreateAutoWinSchema, type CreateAutoWinInput } from '#contracts/plan.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { defaultVisibility, toWin, type Win } from './win-queries.js';

/**
 * Celebrate a finished task or micro-goal, or a milestone, with a win on the actor's current day.
 * Idempotent: the database keeps one win per workspace, source and source id, so doing the same
 * thing twice (or two requests racing) still makes one win. Returns the new win, or null when that
 * source had already earned its win. Runs inside the caller's transaction when there is one.
 */
export async function createAutoWin(ctx: Ctx, input: CreateAutoWinInput): Promise<Win | null> {
  requireWriter(ctx);
  const data = parseInput(CreateAutoWinSchema, input, 'win');
  const row = {
    id: newId(),
    workspaceId: ctx.actor.workspaceId,
    userId: ctx.actor.userId,
    title: data.title,
    note: data.note,
    source: data.source,
    sourceId: data.sourceId,
    visibility: await defaultVisibility(ctx),
    day: today(ctx),
    createdAt: nowIso(ctx),
  };
  const inserted = await ctx.db
    .insertInto('wins')
    .values(row)
    // The target names the partial unique index wins_source_uq (source_id is not null).
    .onConflict((oc) => oc.columns(['workspaceId', 'source', 'sourceId']).where('sourceId', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  return inserted ? toWin(inserted) : null;
}
