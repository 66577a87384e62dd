import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { planEndpoints as p } from '#contracts/api/plan.js';
import { reportEndpoints as r } from '#contracts/api/reports.js';
import { describeServer, type ServerSuite, type TestUser } from '#test/server.js';

const shareOf = async (s: ServerSuite, user: TestUser, input: Record<string, unknown> = {}) => {
  const res = await s.call(user, r.createReportShare, input);
  expect(res.statusCode).toBe(201);
  return res.json() as { link: { id: string }; token: string; path: string };
};

const open = (s: ServerSuite, url: string) => s.app().inject({ method: 'GET', url });

describeServer('report routes', (s) => {
  it('previews the week as data, Markdown, HTML and text', async () => {
    const me = await s.user({ name: 'Ana' });
    await s.call(me, p.logWin, { title: 'Shipped <b>it</b>', day: '2026-11-17' });
    const res = await s.call(me, r.weeklyReport, {});
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report).toMatchObject({ scope: 'me', week: '2026-W47', subject: 'Ana', wins: [{ title: 'Shipped <b>it</b>', day: '2026-11-17', by: null }] });
    expect(body.markdown).toContain('# Weekly report: Ana');
    expect(body.html).toContain('Shipped &lt;b&gt;it&lt;/b&gt;');
    expect(body.text).toContain('Shipped <b>it</b>');
    const team = await s.call(me, r.weeklyReport, { scope: 'team', week: '2026-W46' });
    expect(team.json().report).toMatchObject({ scope: 'team', week: '2026-W46', wins: [] });
    expect((await s.call(me, r.weeklyReport, { week: '2026-W49' })).statusCode).toBe(400);
    expect((await s.call(me, r.weeklyReport, { week: 'soon' })).json().error.details[0].path).toBe('week');
  });

  it('opens a share link without signing in, showing that report and nothing else', async () => {
    const me = await s.user({ name: 'Ana' });
    const goal = (await s.call(me, g.createGoal, { title: 'First customers', purpose: 'private-purpose-text' })).json().goal;
    const win = (await s.call(me, p.logWin, { title: 'Signed the first customer', note: 'private-note-text', day: '2026-11-16', visibility: 'shared' })).json();
    await s.call(me, p.logWin, { title: 'Kept to myself', day: '2026-11-17', visibility: 'private' });
    await s.call(me, l.addFocusWindow, { day: '2026-11-19', start: '09:00', minutes: 60, label: 'private-focus-label' });
    const other = await s.user({ name: 'Bob' });
    await s.call(other, p.logWin, { title: "Bob's win", day: '2026-11-16' });

    const share = await shareOf(s, me);
    expect(share.path).toBe(`/share/${share.token}`);
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = (await s.call(me, r.listReportShares, {})).json();
    expect(listed.items).toEqual([{ id: share.link.id, createdAt: '2026-11-18T10:00:00.000Z', expiresAt: null, lastUsedAt: null, status: 'active' }]);
    expect(JSON.stringify(listed)).not.toContain(share.token);

    const page = await open(s, share.path);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toMatch(/noindex/);
    expect(page.body).toContain('Weekly report: Ana');
    expect(page.body).toContain('Signed the first customer');
    for (const secret of ['private-purpose-text', 'private-note-text', 'private-focus-label', "Bob's win", 'Kept to myself', goal.id, win.id, me.userId, me.workspaceId, share.link.id]) {
      expect(page.body).not.toContain(secret);
    }
    expect((await s.call(me, r.listReportShares, {})).json().items[0].lastUsedAt).toBe('2026-11-18T10:00:00.000Z');

    const lastWeek = await open(s, `${share.path}?week=2026-W46`);
    expect(lastWeek.statusCode).toBe(200);
    expect(lastWeek.body).toContain('Week 46');
    expect(lastWeek.body).not.toContain('Signed the first customer');
    expect((await open(s, `${share.path}?week=not-a-week`)).statusCode).toBe(400);
    expect((await open(s, `${share.path}?week=2027-W10`)).statusCode).toBe(400);
  });

  it('answers 404 for an unknown, revoked or expired link, and lets nobody else revoke one', async () => {
    const me = await s.user();
    const outsider = await s.user();
    const share = await shareOf(s, me);
    expect((await open(s, '/share/not-a-real-token-at-all-but-long-enough')).statusCode).toBe(404);

    // Another workspace's share id is not found, from the outsider's own workspace or from mine.
    expect((await s.call(outsider, r.revokeReportShare, { shareId: share.link.id })).statusCode).toBe(404);
    expect((await s.call(outsider, r.revokeReportShare, { shareId: share.link.id }, { workspaceId: me.workspaceId })).statusCode).toBe(404);
    expect((await open(s, share.path)).statusCode).toBe(200);

    expect((await s.call(me, r.revokeReportShare, { shareId: share.link.id })).statusCode).toBe(204);
    const gone = await open(s, share.path);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(gone.body).toContain('revoked');
    expect((await s.call(me, r.listReportShares, {})).json().items).toEqual([]);
    expect((await s.call(me, r.revokeReportShare, { shareId: share.link.id })).statusCode).toBe(404);

    const brief = await shareOf(s, me, { expiresInDays: 1 });
    expect((await open(s, brief.path)).statusCode).toBe(200);
    const start = s.clock.now();
    try {
      s.clock.advance(25 * 3600 * 1000);
      expect((await open(s, brief.path)).statusCode).toBe(404);
      expect((await s.call(me, r.listReportShares, {})).json().items[0].status).toBe('expired');
    } finally {
      s.clock.set(start);
    }
  });

  it('serves the calendar feed at its secret URL as text/calendar, and the same document to its owner', async () => {
    const me = await s.user({ timeZone: 'America/New_York' });
    await s.call(me, l.addFocusWindow, { day: '2026-11-20', start: '14:00', minutes: 60, label: 'Deep work' });
    const created = await s.call(me, r.createCalendarFeed, {});
    expect(created.statusCode).toBe(201);
    const feed = created.json() as { link: { id: string }; token: string; path: string };
    expect(feed.path).toBe(`/calendar/${feed.token}.ics`);

    const res = await open(s, feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
    const focus = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)).find((e) => e.summary === 'Focus: Deep work')!;
    expect(focus.startDate.zone?.tzid).toBe('America/New_York');
    expect(focus.startDate.toJSDate().toISOString()).toBe('2026-11-20T19:00:00.000Z');

    const own = await s.call(me, r.calendarIcs, {});
    expect(own.json().ics).toBe(res.body);
    expect((await s.call(me, r.listCalendarFeeds, {})).json().items.map((f: { id: string }) => f.id)).toEqual([feed.link.id]);

    expect((await open(s, `/calendar/${feed.token}`)).statusCode).toBe(404);
    expect((await s.call(me, r.revokeCalendarFeed, { feedId: feed.link.id })).statusCode).toBe(204);
    expect((await open(s, feed.path)).statusCode).toBe(404);
  });

  it('answers hostile public URLs with 4xx, never a fault', async () => {
    const me = await s.user();
    const share = await shareOf(s, me);
    const urls = [
      `/share/${'x'.repeat(150)}`,
      '/share/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00',
      `${share.path}?week=2026-W47&week=2026-W46`,
      `${share.path}?week=2026-W53`,
      `${share.path}?week=${'9'.repeat(5000)}`,
      '/calendar/.ics',
      `/calendar/${'%2e'.repeat(60)}.ics`,
      '/calendar/..%2F..%2Fetc%2Fpasswd.ics',
    ];
    for (const url of urls) {
      const res = await open(s, url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });

  it('lets a viewer read the team report but not hand out links', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const report = await s.call(viewer, r.weeklyReport, { scope: 'team' }, { workspaceId: owner.workspaceId });
    expect(report.statusCode).toBe(200);
    expect((await s.call(viewer, r.createReportShare, {}, { workspaceId: owner.workspaceId })).statusCode).toBe(403);
    expect((await s.call(null, r.weeklyReport, {}, { workspaceId: owner.workspaceId })).statusCode).toBe(401);
  });
});
