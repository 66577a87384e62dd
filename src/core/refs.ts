import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { AppError, notFound } from './errors.js';

/** Tables whose rows people refer to by id, id prefix or name. */
export type NamedTable =
  | 'goals' | 'metrics' | 'microGoals' | 'tasks' | 'routines' | 'checklists' | 'templates'
  | 'experiments' | 'contacts' | 'lessons' | 'playbooks';

const LABEL: Record<NamedTable, string> = {
  goals: 'goal', metrics: 'metric', microGoals: 'micro-goal', tasks: 'task', routines: 'routine',
  checklists: 'checklist', templates: 'template', experiments: 'experiment', contacts: 'contact',
  lessons: 'lesson', playbooks: 'playbook',
};

export interface RefOptions {
  /** The column holding the human name ("name" or "title"). */
  nameColumn: 'name' | 'title';
  /** Extra narrowing, e.g. only open tasks. */
  where?: (qb: RefQuery) => RefQuery;
}

// The query builder is typed against one representative table; the columns used are common to all.
type RefQuery = ReturnType<typeof baseQuery>;
function baseQuery(ctx: Ctx, table: NamedTable) {
  return ctx.db
    .selectFrom(table as 'goals')
    .select(['id'])
    .where('workspaceId', '=', ctx.actor.workspaceId);
}

/**
 * Find the one row `ref` means: its full id, its exact name (case-insensitive), a unique id prefix
 * of 4+ characters, or a unique part of its name. Ambiguity is a conflict that lists the candidates, never a guess.
 */
export async function resolveRef(ctx: Ctx, table: NamedTable, ref: string, options: RefOptions): Promise<string> {
  const what = LABEL[table];
  const trimmed = ref.trim();
  if (!trimmed) throw new AppError('validation', `Say which ${what}: give its id or its ${options.nameColumn}.`);
  const narrow = options.where ?? ((qb: RefQuery) => qb);
  const col = options.nameColumn as 'title';

  const byId = await narrow(baseQuery(ctx, table)).where('id', '=', trimmed).executeTakeFirst();
  if (byId) return byId.id;

  const byName = await narrow(baseQuery(ctx, table))
    .select([col])
    .where(sql`lower(${sql.ref(col)})`, '=', trimmed.toLowerCase())
    .limit(6)
    .execute();
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    throw new AppError('conflict', `"${trimmed}" matches ${byName.length} ${what}s; use the id instead: ${byName.map((r) => r.id.slice(0, 6)).join(', ')}.`);
  }

  if (trimmed.length >= 4 && /^[0-9a-z]+$/.test(trimmed)) {
    const byPrefix = await narrow(baseQuery(ctx, table))
      .where('id', 'like', `${trimmed}%`)
      .limit(6)
      .execute();
    if (byPrefix.length === 1) return byPrefix[0]!.id;
    if (byPrefix.length > 1) {
      throw new AppError('conflict', `"${trimmed}" is the start of several ${what} ids; type more of it.`);
    }
  }
  // Last, a unique part of the name: "run" finds "Morning run" when nothing else matches.
  const pattern = `%${trimmed.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const byPart = await narrow(baseQuery(ctx, table))
    .select([col])
    .where(sql<boolean>`lower(${sql.ref(col)}) like ${pattern} escape '\\'`)
    .limit(6)
    .execute();
  if (byPart.length === 1) return byPart[0]!.id;
  if (byPart.length > 1) {
    throw new AppError('conflict', `"${trimmed}" is part of several ${what} names (${byPart.map((r) => `"${(r as Record<string, unknown>)[col] as string}"`).join(', ')}); be more specific or use the id.`);
  }
  throw notFound(what, trimmed);
}

/** Tables whose names are unique in a workspace, ignoring case. */
export type UniquelyNamedTable = 'routines' | 'checklists' | 'templates' | 'contacts';

/**
 * The name of the row of `table` in the actor's workspace that `name` equals ignoring case, or
 * null; `exceptId` leaves out the row being renamed. People refer to these rows by name without
 * case, so "Run" next to "run" would be ambiguous; the unique key alone compares case, and is left
 * to settle only a race between two writes of the very same name.
 */
export async function nameInUse(ctx: Ctx, table: UniquelyNamedTable, name: string, exceptId?: string): Promise<string | null> {
  let query = ctx.db
    .selectFrom(table as 'routines')
    .select('name')
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where(sql`lower(name)`, '=', name.toLowerCase());
  if (exceptId) query = query.where('id', '!=', exceptId);
  const row = await query.executeTakeFirst();
  return row?.name ?? null;
}
