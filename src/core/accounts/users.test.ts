import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { getUser, updateProfile } from './users.js';

describeEachEngine('profile', (s) => {
  it('updates name, time zone and start of day, never showing the password hash', async () => {
    const ctx = await s.newCtx();
    await s.db().updateTable('users').set({ passwordHash: 'scrypt$secret' }).where('id', '=', ctx.actor.userId).execute();
    const after = await updateProfile(s.db(), { userId: ctx.actor.userId, name: 'Mia', timeZone: 'Asia/Tokyo', dayStartHour: 4 });
    expect(after).toMatchObject({ name: 'Mia', timeZone: 'Asia/Tokyo', dayStartHour: 4, hasPassword: true, isServerOwner: false });
    expect(JSON.stringify(after)).not.toContain('scrypt');
    expect(await getUser(s.db(), ctx.actor.userId)).toEqual(after);
  });

  it('refuses an unknown time zone and an unknown user', async () => {
    const ctx = await s.newCtx();
    await expect(updateProfile(s.db(), { userId: ctx.actor.userId, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'validation', details: [{ path: 'timeZone' }] });
    await expect(updateProfile(s.db(), { userId: ctx.actor.userId, dayStartHour: 24 })).rejects.toMatchObject({ details: [{ path: 'dayStartHour' }] });
    await expect(getUser(s.db(), 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });
});
