import { CreateChecklistSchema, type CreateChecklistInput } from '#contracts/systems.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { conflict, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { nameInUse } from '../refs.js';
import { getChecklist, type Checklist } from './checklist-queries.js';

const taken = (name: string) => conflict(`You already have a checklist called "${name}". Pick another name, or run that one with: smallwins checklist run "${name}"`);

/** Create a checklist with its items (numbered from 1), in one transaction. Names are unique per workspace, ignoring case. */
export async function createChecklist(ctx: Ctx, input: CreateChecklistInput): Promise<Checklist> {
  requireWriter(ctx);
  const data = parseInput(CreateChecklistSchema, input, 'checklist');
  return inTransaction(ctx, async (trx) => {
    const ws = trx.actor.workspaceId;
    if (await nameInUse(trx, 'checklists', data.name)) throw taken(data.name);
    const id = newId();
    const result = await trx.db
      .insertInto('checklists')
      .values({ id, workspaceId: ws, name: data.name, description: data.description, createdAt: nowIso(trx) })
      .onConflict((oc) => oc.columns(['workspaceId', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw taken(data.name);
    await trx.db
      .insertInto('checklistItems')
      .values(data.items.map((text, i) => ({ id: newId(), workspaceId: ws, checklistId: id, position: i + 1, text })))
      .execute();
    return getChecklist(trx, id);
  });
}
