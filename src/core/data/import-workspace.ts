import { EXPORT_FORMAT, ExportFileSchema } from '#contracts/data.js';
import type { Database } from '#db/schema.js';
import { inTransaction, requireRole, type Ctx } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { rebuildSearchDocuments } from './search-documents.js';
import { WORKSPACE_TABLES, type TableSpec } from './table-registry.js';

type Row = Record<string, unknown>;

export interface ImportResult {
  rows: Record<string, number>;
  /** True when ids already existed in this database and every row got a new id. */
  renumbered: boolean;
}

/**
 * Restore an export into the actor's workspace, which must be empty. All rows go in one
 * transaction: a bad row anywhere restores nothing. Ids are kept, unless some already exist in
 * this database (restoring next to the original), in which case every id is renumbered and every
 * reference follows.
 */
export async function importWorkspace(ctx: Ctx, file: unknown): Promise<ImportResult> {
  requireRole(ctx, 'admin');
  if (typeof file !== 'object' || file === null || (file as { format?: unknown }).format !== EXPORT_FORMAT) {
    // Say the one thing that matters instead of listing every missing field of a foreign file.
    throw new AppError('validation', `This is not a Small Wins export (its "format" is not "${EXPORT_FORMAT}"). Use a file written by \`smallwins export\`.`);
  }
  const data = parseInput(ExportFileSchema, file, 'export file');
  const known = new Set<string>(WORKSPACE_TABLES.map((t) => t.table));
  const unknown = Object.keys(data.tables).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new AppError('validation', `The export file has tables this version does not know: ${unknown.join(', ')}.`);
  }

  return inTransaction(ctx, async (trx) => {
    await assertEmpty(trx);
    const renumbered = await idsCollide(trx, data.tables);
    const idMap = new Map<string, string>();
    if (renumbered) {
      for (const rows of Object.values(data.tables)) for (const row of rows) if (typeof row.id === 'string') idMap.set(row.id, newId());
    }
    const mapId = (value: unknown): unknown => (typeof value === 'string' && renumbered ? idMap.get(value) ?? value : value);
    const fileIds = idsByTable(data.tables);
    const members = new Set((await trx.db.selectFrom('members').select('userId').where('workspaceId', '=', trx.actor.workspaceId).execute()).map((m) => m.userId));

    const counts: Record<string, number> = {};
    for (const spec of WORKSPACE_TABLES) {
      const rows = orderSelfReferences(spec, data.tables[spec.table] ?? []);
      counts[spec.table] = rows.length;
      const prepared = uniqueRows(spec, rows.map((row, index) => prepareRow(trx, spec, row, index, mapId, fileIds, members)));
      for (let i = 0; i < prepared.length; i += 100) {
        const chunk = prepared.slice(i, i + 100);
        try {
          await trx.db.insertInto(spec.table as 'goals').values(chunk as never).execute();
        } catch (error) {
          throw new AppError('validation', `The export file's ${spec.table} rows ${i + 1}–${i + chunk.length} could not be restored (${describe(error)}). Nothing was imported.`);
        }
      }
    }
    await trx.db
      .updateTable('workspaces')
      .set({ name: data.workspace.name, focusLimit: data.workspace.focusLimit, conversationTarget: data.workspace.conversationTarget })
      .where('id', '=', trx.actor.workspaceId)
      .execute();
    await rebuildSearchDocuments(trx);
    return { rows: counts, renumbered };
  });
}

/** The ids of each table's rows in the file. */
function idsByTable(tables: Record<string, Row[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [table, rows] of Object.entries(tables)) out.set(table, new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string')));
  return out;
}

function prepareRow(ctx: Ctx, spec: TableSpec, row: Row, index: number, mapId: (v: unknown) => unknown, fileIds: Map<string, Set<string>>, members: Set<string>): Row {
  if (spec.hasId && typeof row.id !== 'string') {
    throw new AppError('validation', `Row ${index + 1} of ${spec.table} in the export file has no id.`);
  }
  // A reference must point at a row of the same file: an id of a row elsewhere in this database
  // (another workspace's goal, say) would link this workspace to data it must never see.
  for (const ref of spec.refs) {
    const value = row[ref.column];
    if (value != null && !(typeof value === 'string' && fileIds.get(ref.table)?.has(value))) {
      throw new AppError('validation', `Row ${index + 1} of ${spec.table} in the export file refers to ${ref.column} ${JSON.stringify(value)}, which is not a row of ${ref.table} in the file. Nothing was imported.`);
    }
  }
  const out: Row = { ...row, workspaceId: ctx.actor.workspaceId };
  if (spec.hasId) out.id = mapId(row.id);
  for (const ref of spec.refs) if (out[ref.column] != null) out[ref.column] = mapId(out[ref.column]);
  if (spec.polymorphic && out[spec.polymorphic.column] != null) out[spec.polymorphic.column] = mapId(out[spec.polymorphic.column]);
  for (const col of spec.userColumns ?? []) out[col] = ctx.actor.userId;
  // Work stays assigned only to people of this workspace: a file never names anyone else into it.
  for (const col of spec.memberColumns ?? []) if (out[col] != null && !members.has(out[col] as string)) out[col] = null;
  return out;
}

/** The first row of each `uniqueBy` key: user columns mapped to one person may make keys collide. */
function uniqueRows(spec: TableSpec, rows: Row[]): Row[] {
  const by = spec.uniqueBy;
  if (!by) return rows;
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify(by.map((col) => row[col]));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parents before children within one table (a carried-over task after the task it came from). */
function orderSelfReferences(spec: TableSpec, rows: Row[]): Row[] {
  const self = spec.refs.find((r) => r.table === spec.table);
  if (!self) return rows;
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const placed = new Set<string>();
  const out: Row[] = [];
  const place = (row: Row, depth: number): void => {
    const id = row.id as string;
    if (placed.has(id) || depth > rows.length) return;
    const parentId = row[self.column];
    const parent = typeof parentId === 'string' ? byId.get(parentId) : undefined;
    if (parent) place(parent, depth + 1);
    placed.add(id);
    out.push(row);
  };
  for (const row of rows) place(row, 0);
  return out;
}

async function assertEmpty(ctx: Ctx): Promise<void> {
  for (const spec of WORKSPACE_TABLES) {
    const found = await ctx.db
      .selectFrom(spec.table as 'goals')
      .select('workspaceId')
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .limit(1)
      .executeTakeFirst();
    if (found) {
      throw new AppError('conflict', `Import restores into an empty workspace, and this one already has ${spec.table}. Use a fresh data directory (SMALLWINS_DATA_DIR) or a new workspace.`);
    }
  }
}

async function idsCollide(ctx: Ctx, tables: Record<string, Row[]>): Promise<boolean> {
  for (const spec of WORKSPACE_TABLES) {
    if (!spec.hasId) continue;
    const ids = (tables[spec.table] ?? []).map((r) => r.id).filter((id): id is string => typeof id === 'string');
    for (let i = 0; i < ids.length; i += 500) {
      const hit = await ctx.db
        .selectFrom(spec.table as keyof Database as 'goals')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500))
        .limit(1)
        .executeTakeFirst();
      if (hit) return true;
    }
  }
  return false;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Database messages name columns and constraints, which is what a person fixing the file needs.
  return message.split('\n')[0]!.slice(0, 300);
}
