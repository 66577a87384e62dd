import type { WorkspaceTable } from '#db/schema.js';
import { isPostgres } from '#db/dialect.js';
import type { Executor, Role } from '../context.js';
import { AppError, notFound } from '../errors.js';

/**
 * Serialize membership changes of one workspace. On PostgreSQL two admins demoting the last two
 * owners at once would each see the other still an owner (write skew); locking the workspace row
 * makes the second wait and then see the truth. SQLite already runs one writer at a time.
 */
export async function lockWorkspace(db: Executor, workspaceId: string): Promise<{ kind: WorkspaceTable['kind'] }> {
  let query = db.selectFrom('workspaces').select('kind').where('id', '=', workspaceId);
  if (isPostgres(db)) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('workspace', workspaceId);
  return row;
}

/** A personal workspace belongs to its one owner and takes no one else. */
export function refusePersonal(kind: WorkspaceTable['kind']): void {
  if (kind === 'personal') {
    throw new AppError('forbidden', 'A personal workspace has exactly one owner and takes no members. Create a team workspace to work with others.');
  }
}

/** The role of a person in a workspace, or undefined when they are not a member. */
export async function roleOf(db: Executor, workspaceId: string, userId: string): Promise<Role | undefined> {
  const row = await db.selectFrom('members').select('role').where('workspaceId', '=', workspaceId).where('userId', '=', userId).executeTakeFirst();
  return row?.role;
}

export async function countOwners(db: Executor, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('workspaceId', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
