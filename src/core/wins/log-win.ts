import { LogWinSchema, type LogWinInput } from '#contracts/plan.js';
import { nowIso, requireWriter, today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { toWin, type Win } from './win-queries.js';

/** Log a win by hand: private unless shared, on today unless another day is given. */
export async function logWin(ctx: Ctx, input: LogWinInput): Promise<Win> {
  requireWriter(ctx);
  const data = parseInput(LogWinSchema, input, 'win');
  const row = {
    id: newId(),
    workspaceId: ctx.actor.workspaceId,
    userId: ctx.actor.userId,
    title: data.title,
    note: data.note,
    source: 'manual' as const,
    sourceId: null,
    visibility: data.visibility,
    day: data.day ?? today(ctx),
    createdAt: nowIso(ctx),
  };
  await ctx.db.insertInto('wins').values(row).execute();
  return toWin(row);
}
