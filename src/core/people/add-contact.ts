import { AddContactSchema, type AddContactInput } from '#contracts/life.js';
import { inTransaction, nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { assertNameFree, nameTaken, toContact, type Contact } from './contact-queries.js';

/** Add a contact (a mentor, collaborator, customer, peer…); names are unique in the workspace. */
export async function addContact(ctx: Ctx, input: AddContactInput): Promise<Contact> {
  requireWriter(ctx);
  const data = parseInput(AddContactSchema, input, 'contact');
  return inTransaction(ctx, async (trx) => {
    await assertNameFree(trx, data.name);
    const row = { id: newId(), workspaceId: trx.actor.workspaceId, ...data, createdAt: nowIso(trx) };
    // The unique key settles a race between two adds of the same name.
    const result = await trx.db
      .insertInto('contacts')
      .values(row)
      .onConflict((oc) => oc.columns(['workspaceId', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw nameTaken(data.name);
    return toContact(row);
  });
}
