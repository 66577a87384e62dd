import { ListWinsSchema, type ListWinsInput } from '#contracts/plan.js';
import type { Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { toWin, type Win } from './win-queries.js';

/**
 * Wins the actor may see, newest first, optionally within [from, to]: their own, and teammates'
 * shared ones (a private win stays with the person who logged it).
 */
export async function listWins(ctx: Ctx, input: ListWinsInput = {}): Promise<Win[]> {
  const range = parseInput(ListWinsSchema, input, 'win range');
  let query = ctx.db
    .selectFrom('wins')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where((eb) => eb.or([eb('userId', '=', ctx.actor.userId), eb('visibility', '=', 'shared')]));
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  const rows = await query.orderBy('day', 'desc').orderBy('createdAt', 'desc').orderBy('id').execute();
  return rows.map(toWin);
}
