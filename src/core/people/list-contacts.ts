import { today, type Ctx } from '../context.js';
import { daysBetween } from '../time/plain-date.js';
import { toContact, type Contact } from './contact-queries.js';

export interface ContactSummary extends Contact {
  /** The day of the latest conversation, or null when there has been none. */
  lastConversationDay: string | null;
  /** Whole days from that conversation to the reference day, or null. */
  daysSince: number | null;
}

/**
 * Contacts with their latest conversation on or before `asOf` (default today), sorted by name.
 * Conversations logged after `asOf` are ignored, so a past week is judged as it was then.
 */
export async function contactSummaries(ctx: Ctx, asOf: string): Promise<ContactSummary[]> {
  const rows = await ctx.db
    .selectFrom('contacts')
    .selectAll('contacts')
    .select((eb) =>
      eb
        .selectFrom('conversations')
        .select((c) => c.fn.max('conversations.day').as('d'))
        .whereRef('conversations.contactId', '=', 'contacts.id')
        .where('conversations.workspaceId', '=', ctx.actor.workspaceId)
        .where('conversations.day', '<=', asOf)
        .as('lastDay'),
    )
    .where('contacts.workspaceId', '=', ctx.actor.workspaceId)
    .execute();
  return rows
    .map((row) => {
      const last = row.lastDay ?? null;
      return { ...toContact(row), lastConversationDay: last, daysSince: last === null ? null : daysBetween(last, asOf) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

/** The workspace's contacts, each with the day of the last conversation and the days since. */
export async function listContacts(ctx: Ctx): Promise<ContactSummary[]> {
  return contactSummaries(ctx, today(ctx));
}
