import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { addContact } from './add-contact.js';
import { conversationStatus } from './conversation-status.js';
import { listContacts } from './list-contacts.js';
import { logConversation } from './log-conversation.js';
import { updateContact } from './update-contact.js';

describeEachEngine('contacts and conversations', (s) => {
  it('adds contacts with a unique name and refuses a duplicate whatever its case', async () => {
    const ctx = await s.newCtx();
    const ana = await addContact(ctx, { name: 'Ana Lima', kind: 'mentor', email: 'ana@example.com' });
    expect(ana).toMatchObject({ name: 'Ana Lima', kind: 'mentor', email: 'ana@example.com', note: '' });
    await expect(addContact(ctx, { name: 'ana lima', kind: 'peer' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/already have a contact named "Ana Lima"/) });
    await expect(addContact(ctx, { name: 'Bo', kind: 'friend' as 'peer' })).rejects.toThrow(/kind: must be one of mentor/);
    await expect(addContact(ctx, { name: 'Bo', kind: 'peer', email: 'not-an-email' })).rejects.toThrow(/email: must be an email address/);
    expect((await listContacts(ctx)).map((c) => c.name)).toEqual(['Ana Lima']);
    // Another workspace may have its own Ana Lima.
    await expect(addContact(await s.newCtx(), { name: 'Ana Lima', kind: 'customer' })).resolves.toBeTruthy();
  });

  it('updates a contact and keeps names unique', async () => {
    const ctx = await s.newCtx();
    const ana = await addContact(ctx, { name: 'Ana', kind: 'mentor' });
    await addContact(ctx, { name: 'Bruno', kind: 'customer' });
    await expect(updateContact(ctx, { contactId: ana.id, name: 'BRUNO' })).rejects.toMatchObject({ code: 'conflict' });
    const renamed = await updateContact(ctx, { contactId: ana.id, name: 'Ana Lima', kind: 'collaborator', note: 'met at the meetup' });
    expect(renamed).toMatchObject({ name: 'Ana Lima', kind: 'collaborator', note: 'met at the meetup' });
    // Changing only the case of one's own name is fine.
    await expect(updateContact(ctx, { contactId: ana.id, name: 'ana lima' })).resolves.toMatchObject({ name: 'ana lima' });
    await expect(updateContact(await s.newCtx(), { contactId: ana.id, note: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists each contact with the last conversation and the days since', async () => {
    const ctx = await s.newCtx();
    const ana = await addContact(ctx, { name: 'Ana', kind: 'mentor' });
    await addContact(ctx, { name: 'bruno', kind: 'customer' });
    await logConversation(ctx, { contactId: ana.id, day: '2026-11-01' });
    await logConversation(ctx, { contactId: ana.id, day: '2026-11-10', note: 'pricing advice' });
    await expect(logConversation(ctx, { contactId: ana.id, day: '2026-11-19' })).rejects.toThrow(/has not happened yet/);
    const list = await listContacts(ctx);
    expect(list.map((c) => [c.name, c.lastConversationDay, c.daysSince])).toEqual([
      ['Ana', '2026-11-10', 8],
      ['bruno', null, null],
    ]);
  });

  it('counts this ISO week against the target and nudges at exactly 30 days', async () => {
    // Wednesday 2026-11-18, ISO week 2026-W47 runs Monday 16th to Sunday 22nd.
    const ctx = await s.newCtx();
    const names = ['Never', 'Thirty', 'TwentyNine', 'Sixty'];
    const [never, thirty, twentyNine, sixty] = await Promise.all(names.map((name) => addContact(ctx, { name, kind: 'peer' })));
    await logConversation(ctx, { contactId: thirty!.id, day: '2026-10-19' });
    await logConversation(ctx, { contactId: twentyNine!.id, day: '2026-10-20' });
    await logConversation(ctx, { contactId: sixty!.id, day: '2026-09-19' });
    let status = await conversationStatus(ctx);
    expect(status).toMatchObject({ week: '2026-W47', target: 1, count: 0, met: false });
    expect(status.overdue.map((c) => [c.name, c.daysSince])).toEqual([['Never', null], ['Sixty', 60], ['Thirty', 30]]);

    // Sunday of the previous week does not count; Monday does.
    await logConversation(ctx, { contactId: never!.id, day: '2026-11-15' });
    expect((await conversationStatus(ctx)).count).toBe(0);
    await logConversation(ctx, { contactId: sixty!.id, day: '2026-11-16' });
    status = await conversationStatus(ctx);
    expect(status).toMatchObject({ count: 1, met: true });
    expect(status.overdue.map((c) => c.name)).toEqual(['Thirty']);

    // A past week is judged as of its last day: then Never had not been spoken to yet.
    const past = await conversationStatus(ctx, { week: '2026-W45' });
    expect(past).toMatchObject({ week: '2026-W45', count: 0, met: false });
    expect(past.overdue.map((c) => c.name)).toEqual(['Never', 'Sixty']);
    await expect(conversationStatus(ctx, { week: '2026-47' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('reads the weekly target from the workspace', async () => {
    const ctx = await s.newCtx();
    await s.db().updateTable('workspaces').set({ conversationTarget: 2 }).where('id', '=', ctx.actor.workspaceId).execute();
    const ana = await addContact(ctx, { name: 'Ana', kind: 'mentor' });
    await logConversation(ctx, { contactId: ana.id });
    expect(await conversationStatus(ctx)).toMatchObject({ target: 2, count: 1, met: false, overdue: [] });
  });
});
