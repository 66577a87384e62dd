import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile } from '#contracts/data.js';
import type { Ctx } from '../context.js';
import { WORKSPACE_TABLES } from './table-registry.js';

type Row = Record<string, unknown>;

/**
 * The whole workspace as versioned JSON: every row of every workspace table, without the
 * workspace id (restore puts rows into the target workspace). Rows are in a stable order so two
 * exports of the same content are equal.
 */
export async function exportWorkspace(ctx: Ctx): Promise<ExportFile> {
  const ws = await ctx.db
    .selectFrom('workspaces')
    .select(['name', 'kind', 'focusLimit', 'conversationTarget'])
    .where('id', '=', ctx.actor.workspaceId)
    .executeTakeFirstOrThrow();
  const tables: Record<string, Row[]> = {};
  for (const spec of WORKSPACE_TABLES) {
    const rows = (await ctx.db
      .selectFrom(spec.table as 'goals')
      .selectAll()
      .where('workspaceId', '=', ctx.actor.workspaceId)
      .execute()) as unknown as Row[];
    const hidden = spec.privateTo;
    tables[spec.table] = rows
      // A private win or a pulse answer never leaves its person, not even in an admin's export.
      .filter((row) => !hidden || row[hidden.userColumn] === ctx.actor.userId || (hidden.when !== undefined && row[hidden.when.column] !== hidden.when.value))
      .map(({ workspaceId: _ws, ...rest }) => rest)
      .sort((a, b) => stableKey(a).localeCompare(stableKey(b)));
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.clock.now().toISOString(),
    workspace: { name: ws.name, kind: ws.kind, focusLimit: ws.focusLimit, conversationTarget: ws.conversationTarget },
    tables,
  };
}

function stableKey(row: Row): string {
  if (typeof row.id === 'string') return row.id;
  return JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
}
