import { expect, it } from 'vitest';
import { outreachEndpoints as o } from '#contracts/api/outreach.js';
import { recordEmailStatus, unsubscribeSecret } from '#core/outreach/outreach-state.js';
import { unsubscribeToken } from '#core/outreach/unsubscribe-token.js';
import { describeServer } from '#test/server.js';

describeServer('email routes', (s) => {
  it('shows the defaults, in the person’s own time zone, and says email is not set up', async () => {
    const me = await s.user({ timeZone: 'America/New_York' });
    const res = await s.call(me, o.getEmailPreferences, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      address: null,
      sendsTo: null,
      report: true,
      reviewReminders: true,
      routineReminders: true,
      pulsePrompts: true,
      reportWeekday: 5,
      reportTime: '16:00',
      timeZone: 'America/New_York',
      delivery: { enabled: false, reason: expect.stringContaining('SMALLWINS_SMTP_URL') as unknown, checkedAt: null },
      emails: { pending: 0, sending: 0, sent: 0, failed: 0 },
    });
    expect((await s.call(null, o.getEmailPreferences, {})).statusCode).toBe(401);
  });

  it('changes only the fields given, and refuses bad values with their paths', async () => {
    const me = await s.user();
    const bad = await s.call(me, o.updateEmailPreferences, { reportTime: '25:00', reportWeekday: 8, address: 'not an address', report: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['address', 'report', 'reportTime', 'reportWeekday']);
    const set = await s.call(me, o.updateEmailPreferences, { reportWeekday: 7, reportTime: '09:30', address: ' Me@Example.org ' });
    expect(set.json()).toMatchObject({ reportWeekday: 7, reportTime: '09:30', address: 'Me@Example.org', sendsTo: 'Me@Example.org', report: true });
    const again = await s.call(me, o.updateEmailPreferences, { routineReminders: false });
    expect(again.json()).toMatchObject({ reportWeekday: 7, reportTime: '09:30', routineReminders: false });
    // Someone else's settings stay as they were.
    const other = await s.user();
    expect((await s.call(other, o.getEmailPreferences, {})).json()).toMatchObject({ reportWeekday: 5, routineReminders: true });
  });

  it('queues a test email to the person only, at most five an hour', async () => {
    await recordEmailStatus(s.db(), s.clock, { enabled: true, reason: null, publicUrl: 'https://wins.example.org' });
    const me = await s.user();
    const none = await s.call(me, o.sendTestEmail, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toMatch(/no address/);
    await s.call(me, o.updateEmailPreferences, { address: 'me@example.org' });
    const queued = await s.call(me, o.sendTestEmail, {});
    expect(queued.statusCode).toBe(201);
    expect(queued.json()).toMatchObject({ kind: 'test', to: 'me@example.org', status: 'pending', subject: 'Small Wins: test email' });
    const other = await s.user();
    expect((await s.call(other, o.listEmails, {})).json().items).toEqual([]);
    expect((await s.call(me, o.listEmails, {})).json().items).toHaveLength(1);
    for (let i = 0; i < 3; i++) expect((await s.call(me, o.sendTestEmail, {})).statusCode).toBe(201);
    const limited = await s.call(me, o.sendTestEmail, {});
    expect(limited.statusCode).toBe(429);
    expect((await s.call(me, o.listEmails, { status: 'pending' })).json().items).toHaveLength(4);
    expect((await s.call(me, o.listEmails, { status: 'sent' })).json().items).toHaveLength(0);
  });

  it('unsubscribes by link without signing in, only the person and the kind it names, and undoes', async () => {
    const me = await s.user();
    const other = await s.user();
    const token = unsubscribeToken(await unsubscribeSecret(s.db(), s.clock), me.userId, 'routine');
    expect((await s.app().inject({ method: 'HEAD', url: `/unsubscribe/${token}` })).statusCode).toBe(200);
    expect((await s.call(me, o.getEmailPreferences, {})).json()).toMatchObject({ routineReminders: true });
    const page = await s.app().inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await s.call(me, o.getEmailPreferences, {})).json()).toMatchObject({ routineReminders: false, report: true, reviewReminders: true });
    expect((await s.call(other, o.getEmailPreferences, {})).json()).toMatchObject({ routineReminders: true });
    const undo = await s.app().inject({ method: 'POST', url: `/unsubscribe/${token}/undo`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(undo.statusCode).toBe(200);
    expect((await s.call(me, o.getEmailPreferences, {})).json()).toMatchObject({ routineReminders: true });
    // One-click with every body a mail program may send, and none.
    const all = unsubscribeToken(await unsubscribeSecret(s.db(), s.clock), me.userId, 'all');
    expect((await s.app().inject({ method: 'POST', url: `/unsubscribe/${all}` })).statusCode).toBe(200);
    expect((await s.call(me, o.getEmailPreferences, {})).json()).toMatchObject({ routineReminders: false, report: false, reviewReminders: false });
    const boundary = 'xyz';
    const multipart = await s.app().inject({
      method: 'POST',
      url: `/unsubscribe/${all}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(200);
    for (const bad of ['nope', `${me.userId}.report.${'a'.repeat(22)}`, token.replace('routine', 'report')]) {
      expect((await s.app().inject({ method: 'GET', url: `/unsubscribe/${bad}` })).statusCode).toBe(404);
    }
    // The form parser stays inside the unsubscribe routes: the API still takes JSON only.
    const form = await s.app().inject({ method: 'PATCH', url: '/api/v1/me/email-preferences', headers: { ...me.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'report=true' });
    expect(form.statusCode).toBe(415);
  });
});
