import type { Ctx } from '../context.js';
import { itemsOf, toRun, type Checklist, type ChecklistRun } from './checklist-queries.js';

export interface ChecklistSummary extends Checklist {
  runs: number;
  /** Runs started and not completed yet, newest first. */
  openRuns: ChecklistRun[];
}

/** The workspace's checklists by name, each with its items, its number of runs and its open runs. */
export async function listChecklists(ctx: Ctx): Promise<ChecklistSummary[]> {
  const ws = ctx.actor.workspaceId;
  const rows = await ctx.db.selectFrom('checklists').selectAll().where('workspaceId', '=', ws).orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, runs] = await Promise.all([
    itemsOf(ctx, ids),
    ctx.db
      .selectFrom('checklistRuns')
      .selectAll()
      .where('workspaceId', '=', ws)
      .where('checklistId', 'in', ids)
      .orderBy('startedAt', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return rows.map((r) => {
    const own = runs.filter((run) => run.checklistId === r.id).map(toRun);
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      createdAt: r.createdAt,
      items: items.filter((i) => i.checklistId === r.id).map(({ id, position, text }) => ({ id, position, text })),
      runs: own.length,
      openRuns: own.filter((run) => run.completedAt === null),
    };
  });
}
