import { UpdateContactSchema, type UpdateContactInput } from '#contracts/life.js';
import { inTransaction, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { assertNameFree, getContact, type Contact } from './contact-queries.js';

/** Change a contact's name, kind, email or note; a new name must still be unique. */
export async function updateContact(ctx: Ctx, input: UpdateContactInput): Promise<Contact> {
  requireWriter(ctx);
  const { contactId, ...changes } = parseInput(UpdateContactSchema, input, 'contact change');
  return inTransaction(ctx, async (trx) => {
    await getContact(trx, contactId);
    if (changes.name !== undefined) await assertNameFree(trx, changes.name, contactId);
    if (Object.values(changes).some((v) => v !== undefined)) {
      await trx.db
        .updateTable('contacts')
        .set(changes)
        .where('workspaceId', '=', trx.actor.workspaceId)
        .where('id', '=', contactId)
        .execute();
    }
    return getContact(trx, contactId);
  });
}
