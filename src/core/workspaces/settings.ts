import { UpdateSettingsSchema, type UpdateSettingsInput } from '#contracts/life.js';
import type { UserTable, WorkspaceTable } from '#db/schema.js';
import { inTransaction, requireRole, type Ctx, type Role } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { isValidTimeZone } from '../time/local-day.js';

export interface Settings {
  user: { id: string; name: string; email: string | null; timeZone: string; dayStartHour: number };
  workspace: { id: string; name: string; kind: WorkspaceTable['kind']; focusLimit: number; conversationTarget: number };
  role: Role;
}

/** The actor's own settings and their workspace's. */
export async function getSettings(ctx: Ctx): Promise<Settings> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'timeZone', 'dayStartHour'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const workspace = await ctx.db
    .selectFrom('workspaces')
    .select(['id', 'name', 'kind', 'focusLimit', 'conversationTarget'])
    .where('id', '=', ctx.actor.workspaceId)
    .executeTakeFirstOrThrow();
  return { user, workspace, role: ctx.actor.role };
}

/**
 * Change settings in one transaction: name, time zone and start-of-day hour belong to the person
 * (anyone may change their own, viewers included, since they only shape how days are cut);
 * the focus limit and the weekly conversation target belong to the workspace (owner or admin).
 */
export async function updateSettings(ctx: Ctx, input: UpdateSettingsInput): Promise<Settings> {
  const data = parseInput(UpdateSettingsSchema, input, 'settings');
  if (data.timeZone !== undefined && !isValidTimeZone(data.timeZone)) {
    throw invalid('timeZone', `Unknown time zone "${data.timeZone}". Use an IANA name such as Europe/Paris or America/New_York.`);
  }
  const user: Partial<Pick<UserTable, 'name' | 'timeZone' | 'dayStartHour'>> = {};
  if (data.name !== undefined) user.name = data.name;
  if (data.timeZone !== undefined) user.timeZone = data.timeZone;
  if (data.dayStartHour !== undefined) user.dayStartHour = data.dayStartHour;
  const workspace: Partial<Pick<WorkspaceTable, 'focusLimit' | 'conversationTarget'>> = {};
  if (data.focusLimit !== undefined) workspace.focusLimit = data.focusLimit;
  if (data.conversationTarget !== undefined) workspace.conversationTarget = data.conversationTarget;
  if (Object.keys(workspace).length > 0) requireRole(ctx, 'admin');

  return inTransaction(ctx, async (trx) => {
    if (Object.keys(user).length > 0) await trx.db.updateTable('users').set(user).where('id', '=', trx.actor.userId).execute();
    if (Object.keys(workspace).length > 0) {
      await trx.db.updateTable('workspaces').set(workspace).where('id', '=', trx.actor.workspaceId).execute();
    }
    return getSettings(trx);
  });
}
