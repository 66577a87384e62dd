import type { Selectable } from 'kysely';
import { PlaybookBodySchema } from '#contracts/playbooks.js';
import type { PlaybookTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { builtInPlaybooks, type PlaybookDefinition } from './builtins.js';

export interface Playbook extends PlaybookDefinition {
  /** Built into Small Wins (true) or saved or imported by this workspace (false). */
  builtIn: boolean;
  /** The saved row's id; null for built-ins. */
  id: string | null;
  createdAt: string | null;
}

export function toPlaybook(row: Selectable<PlaybookTable>): Playbook {
  let raw: unknown;
  try {
    raw = JSON.parse(row.body);
  } catch {
    raw = undefined;
  }
  const body = PlaybookBodySchema.safeParse(raw);
  if (!body.success) {
    throw new AppError('internal', `The saved playbook "${row.key}" is damaged; import it again from a JSON file.`);
  }
  return { key: row.key, name: row.name, description: row.description, body: body.data, builtIn: false, id: row.id, createdAt: row.createdAt };
}

function builtIn(definition: PlaybookDefinition): Playbook {
  return { ...definition, builtIn: true, id: null, createdAt: null };
}

/** The workspace's saved playbooks, by name. */
export async function savedPlaybooks(ctx: Ctx): Promise<Playbook[]> {
  const rows = await ctx.db.selectFrom('playbooks').selectAll().where('workspaceId', '=', ctx.actor.workspaceId).orderBy('name').execute();
  return rows.map(toPlaybook);
}

/** A playbook by key (case-insensitive): built-in first, then the workspace's own. */
export async function findPlaybook(ctx: Ctx, key: string): Promise<Playbook> {
  const wanted = key.trim().toLowerCase();
  const definition = builtInPlaybooks().find((p) => p.key === wanted);
  if (definition) return builtIn(definition);
  const row = await ctx.db
    .selectFrom('playbooks')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('key', '=', wanted)
    .executeTakeFirst();
  if (!row) {
    const keys = [...builtInPlaybooks().map((p) => p.key), ...(await savedPlaybooks(ctx)).map((p) => p.key)];
    throw new AppError('not_found', `No playbook has the key "${wanted}". Known keys: ${keys.join(', ')}.`);
  }
  return toPlaybook(row);
}

/** Every playbook the workspace can apply: the built-ins, then its saved ones. */
export async function listPlaybooks(ctx: Ctx): Promise<Playbook[]> {
  return [...builtInPlaybooks().map(builtIn), ...(await savedPlaybooks(ctx))];
}

/** One playbook with its whole body, by key. */
export async function showPlaybook(ctx: Ctx, key: string): Promise<Playbook> {
  return findPlaybook(ctx, key);
}
