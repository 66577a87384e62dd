import type { Selectable } from 'kysely';
import type { ChecklistRunTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { resolveRef } from '../refs.js';

export interface ChecklistItem {
  id: string;
  /** 1, 2, 3… as shown to people. */
  position: number;
  text: string;
}

export interface Checklist {
  id: string;
  name: string;
  description: string;
  items: ChecklistItem[];
  createdAt: string;
}

export interface ChecklistRun {
  id: string;
  checklistId: string;
  label: string;
  startedAt: string;
  completedAt: string | null;
}

export function toRun(row: Selectable<ChecklistRunTable>): ChecklistRun {
  return { id: row.id, checklistId: row.checklistId, label: row.label, startedAt: row.startedAt, completedAt: row.completedAt };
}

/** Items of the given checklists, in order. */
export async function itemsOf(ctx: Ctx, checklistIds: string[]): Promise<Array<ChecklistItem & { checklistId: string }>> {
  if (checklistIds.length === 0) return [];
  return ctx.db
    .selectFrom('checklistItems')
    .select(['id', 'checklistId', 'position', 'text'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('checklistId', 'in', checklistIds)
    .orderBy('position')
    .execute();
}

export async function getChecklist(ctx: Ctx, checklistId: string): Promise<Checklist> {
  const row = await ctx.db
    .selectFrom('checklists')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', checklistId)
    .executeTakeFirst();
  if (!row) throw notFound('checklist', checklistId);
  const items = (await itemsOf(ctx, [row.id])).map(({ id, position, text }) => ({ id, position, text }));
  return { id: row.id, name: row.name, description: row.description, items, createdAt: row.createdAt };
}

export async function getRun(ctx: Ctx, runId: string): Promise<ChecklistRun> {
  const row = await ctx.db
    .selectFrom('checklistRuns')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No checklist run matches "${runId}". See runs with: smallwins checklist list`);
  return toRun(row);
}

/**
 * Find the run `ref` means: a run id or a unique prefix of one, or else a checklist (id or name),
 * meaning its latest open run — or its latest run when all are complete.
 */
export async function resolveRunRef(ctx: Ctx, ref: string): Promise<string> {
  const trimmed = ref.trim();
  const runs = (prefix: boolean) =>
    ctx.db
      .selectFrom('checklistRuns')
      .select('id')
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .where('id', prefix ? 'like' : '=', prefix ? `${trimmed}%` : trimmed)
      .limit(2)
      .execute();
  const exact = await runs(false);
  if (exact[0]) return exact[0].id;
  if (trimmed.length >= 4 && /^[0-9a-z]+$/.test(trimmed)) {
    const byPrefix = await runs(true);
    if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0].id;
  }
  let checklistId: string;
  try {
    checklistId = await resolveRef(ctx, 'checklists', trimmed, { nameColumn: 'name' });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('not_found', `No checklist or run matches "${trimmed}". See them with: smallwins checklist list`);
    }
    throw error;
  }
  const latest = await ctx.db
    .selectFrom('checklistRuns')
    .select(['id', 'completedAt'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('checklistId', '=', checklistId)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const run = latest.find((r) => r.completedAt === null) ?? latest[0];
  if (!run) throw new AppError('not_found', `"${trimmed}" has no runs yet. Start one with: smallwins checklist run "${trimmed}"`);
  return run.id;
}
