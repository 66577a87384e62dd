import { PlaybookFileSchema, type PlaybookBody } from '#contracts/playbooks.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { AppError, conflict, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { isBuiltInKey } from './builtins.js';
import { findPlaybook, type Playbook } from './playbook-queries.js';

/** Store a validated playbook in the workspace under a key no other playbook uses. */
export async function storePlaybook(
  ctx: Ctx,
  playbook: { key: string; name: string; description: string; body: PlaybookBody },
): Promise<Playbook> {
  if (isBuiltInKey(playbook.key)) {
    throw conflict(`"${playbook.key}" is the key of a built-in playbook; choose another key, e.g. my-${playbook.key}.`);
  }
  return inTransaction(ctx, async (trx) => {
    const result = await trx.db
      .insertInto('playbooks')
      .values({
        id: newId(),
        workspaceId: trx.actor.workspaceId,
        key: playbook.key,
        name: playbook.name,
        description: playbook.description,
        body: JSON.stringify(playbook.body),
        createdAt: nowIso(trx),
      })
      .onConflict((oc) => oc.columns(['workspaceId', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw conflict(`This workspace already has a playbook with the key "${playbook.key}"; choose another key.`);
    }
    return findPlaybook(trx, playbook.key);
  });
}

/**
 * Import a playbook from JSON (text or an already parsed value) in the shape `playbook show --json`
 * prints: { key, name, description, body }. It is validated whole before anything is stored.
 */
export async function importPlaybook(ctx: Ctx, json: unknown): Promise<Playbook> {
  requireWriter(ctx);
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new AppError('validation', `The playbook file is not valid JSON (${error instanceof Error ? error.message : String(error)}). Export one with: smallwins --json playbook show <key>.`);
    }
  }
  const playbook = parseInput(PlaybookFileSchema, value, 'playbook');
  return storePlaybook(ctx, playbook);
}
