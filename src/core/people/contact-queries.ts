import type { Selectable } from 'kysely';
import type { ContactTable } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { nameInUse } from '../refs.js';

export interface Contact {
  id: string;
  name: string;
  kind: ContactTable['kind'];
  email: string;
  note: string;
  createdAt: string;
}

export interface Conversation {
  id: string;
  contactId: string;
  contactName: string;
  day: string;
  note: string;
  createdAt: string;
}

export function toContact(row: Selectable<ContactTable>): Contact {
  return { id: row.id, name: row.name, kind: row.kind, email: row.email, note: row.note, createdAt: row.createdAt };
}

export async function getContact(ctx: Ctx, contactId: string): Promise<Contact> {
  const row = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!row) throw notFound('contact', contactId);
  return toContact(row);
}

/**
 * Refuse a name another contact already has. Names are compared without case because people are
 * looked up by name without case (`smallwins talk ana`), so "Ana" and "ana" would be ambiguous.
 */
export async function assertNameFree(ctx: Ctx, name: string, exceptId?: string): Promise<void> {
  const taken = await nameInUse(ctx, 'contacts', name, exceptId);
  if (taken) throw nameTaken(taken);
}

export function nameTaken(name: string) {
  return conflict(`You already have a contact named "${name}". Use another name (add a surname or company) or update that contact.`);
}
