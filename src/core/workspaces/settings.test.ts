import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { getSettings, updateSettings } from './settings.js';

describeEachEngine('settings', (s) => {
  it('shows the defaults of a new person and workspace', async () => {
    const ctx = await s.newCtx();
    expect(await getSettings(ctx)).toMatchObject({
      user: { name: 'Test User', timeZone: 'Europe/Paris', dayStartHour: 0 },
      workspace: { kind: 'personal', focusLimit: 3, conversationTarget: 1 },
      role: 'owner',
    });
  });

  it('updates person and workspace fields together', async () => {
    const ctx = await s.newCtx();
    const after = await updateSettings(ctx, { name: 'Mia', timeZone: 'America/New_York', dayStartHour: 4, focusLimit: 2, conversationTarget: 3 });
    expect(after.user).toMatchObject({ name: 'Mia', timeZone: 'America/New_York', dayStartHour: 4 });
    expect(after.workspace).toMatchObject({ focusLimit: 2, conversationTarget: 3 });
    expect(await getSettings(ctx)).toEqual(after);
  });

  it('refuses a bad time zone and out-of-range values, changing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(updateSettings(ctx, { name: 'Mia', timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/Unknown time zone "Mars\/Olympus".*Europe\/Paris/) });
    await expect(updateSettings(ctx, { dayStartHour: 24 })).rejects.toThrow(/dayStartHour: must be an hour from 0 to 23/);
    await expect(updateSettings(ctx, { focusLimit: 0 })).rejects.toThrow(/focusLimit: must be from 1 to 10/);
    await expect(updateSettings(ctx, { focusLimit: 11 })).rejects.toThrow(/focusLimit/);
    await expect(updateSettings(ctx, { conversationTarget: 51 })).rejects.toThrow(/conversationTarget: must be from 0 to 50/);
    expect(await getSettings(ctx)).toMatchObject({ user: { name: 'Test User', timeZone: 'Europe/Paris' }, workspace: { focusLimit: 3 } });
  });

  it('lets a member change only their own fields, not the workspace ones', async () => {
    const owner = await s.newCtx();
    const member = { ...owner, actor: { ...owner.actor, role: 'member' as const } };
    await expect(updateSettings(member, { name: 'Still me', focusLimit: 5 })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSettings(owner)).user.name).toBe('Test User');
    await expect(updateSettings(member, { timeZone: 'Asia/Tokyo' })).resolves.toMatchObject({ user: { timeZone: 'Asia/Tokyo' } });
  });
});
