import { LogConversationSchema, type LogConversationInput } from '#contracts/life.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { pastOrToday } from '../energy/day.js';
import { getContact, type Conversation } from './contact-queries.js';

/** Log a meaningful conversation with a contact, today by default. */
export async function logConversation(ctx: Ctx, input: LogConversationInput): Promise<Conversation> {
  requireWriter(ctx);
  const data = parseInput(LogConversationSchema, input, 'conversation');
  const day = pastOrToday(ctx, data.day, 'a conversation');
  const contact = await getContact(ctx, data.contactId);
  const row = { id: newId(), workspaceId: ctx.actor.workspaceId, contactId: contact.id, day, note: data.note, createdAt: nowIso(ctx) };
  await ctx.db.insertInto('conversations').values(row).execute();
  return { id: row.id, contactId: contact.id, contactName: contact.name, day, note: row.note, createdAt: row.createdAt };
}

/** The conversations logged with one contact of the workspace, oldest first (not found for another workspace's contact). */
export async function listConversations(ctx: Ctx, contactId: string): Promise<Conversation[]> {
  const contact = await getContact(ctx, contactId);
  const rows = await ctx.db
    .selectFrom('conversations')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('contactId', '=', contact.id)
    .orderBy('day')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, contactId: contact.id, contactName: contact.name, day: r.day, note: r.note, createdAt: r.createdAt }));
}
