import type { WinIdInput } from '#contracts/feed.js';
import { WinIdSchema } from '#contracts/feed.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { reactableWin } from './feed-queries.js';

export interface KudosState {
  winId: string;
  kudos: number;
  kudosGiven: boolean;
}

async function kudosState(ctx: Ctx, winId: string): Promise<KudosState> {
  const rows = await ctx.db.selectFrom('kudos').select('userId').where('winId', '=', winId).execute();
  return { winId, kudos: rows.length, kudosGiven: rows.some((r) => r.userId === ctx.actor.userId) };
}

/**
 * Give kudos to a teammate's shared win. One per person per win: the primary key and ON CONFLICT
 * DO NOTHING make giving twice, or two requests racing, store one row. Your own wins take none:
 * kudos say "well done" from someone else.
 */
export async function giveKudos(ctx: Ctx, input: WinIdInput): Promise<KudosState> {
  requireWriter(ctx);
  const { winId } = parseInput(WinIdSchema, input, 'kudos');
  const win = await reactableWin(ctx, winId);
  if (win.userId === ctx.actor.userId) throw conflict('Kudos are for teammates’ wins; this one is yours.');
  await ctx.db
    .insertInto('kudos')
    .values({ workspaceId: ctx.actor.workspaceId, winId: win.id, userId: ctx.actor.userId, createdAt: nowIso(ctx) })
    .onConflict((oc) => oc.columns(['winId', 'userId']).doNothing())
    .execute();
  return kudosState(ctx, win.id);
}

/** Take back your kudos; taking back what you never gave changes nothing. */
export async function takeBackKudos(ctx: Ctx, input: WinIdInput): Promise<KudosState> {
  requireWriter(ctx);
  const { winId } = parseInput(WinIdSchema, input, 'kudos');
  const win = await reactableWin(ctx, winId);
  await ctx.db.deleteFrom('kudos').where('winId', '=', win.id).where('userId', '=', ctx.actor.userId).execute();
  return kudosState(ctx, win.id);
}
