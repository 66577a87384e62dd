import type { Selectable } from 'kysely';
import type { WinTable } from '#db/schema.js';
import type { Ctx } from '../context.js';

export interface Win {
  id: string;
  userId: string;
  title: string;
  note: string;
  source: WinTable['source'];
  /** The task, micro-goal or milestone that earned it; null for a win logged by hand. */
  sourceId: string | null;
  visibility: WinTable['visibility'];
  day: string;
  createdAt: string;
}

export function toWin(row: Selectable<WinTable>): Win {
  return {
    id: row.id,
    userId: row.userId,
    title: row.title,
    note: row.note,
    source: row.source,
    sourceId: row.sourceId,
    visibility: row.visibility,
    day: row.day,
    createdAt: row.createdAt,
  };
}

/** In a team workspace wins are shared by default (the team feed); in a personal one they stay private. */
export async function defaultVisibility(ctx: Ctx): Promise<Win['visibility']> {
  const row = await ctx.db.selectFrom('workspaces').select('kind').where('id', '=', ctx.actor.workspaceId).executeTakeFirst();
  return row?.kind === 'team' ? 'shared' : 'private';
}
