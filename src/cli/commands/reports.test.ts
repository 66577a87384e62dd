import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins report / calendar', () => {
  it('prints the weekly report as text, Markdown, HTML or JSON', async () => {
    const sw = cliRunner();
    expect((await sw('win', 'Shipped the beta')).code).toBe(0);
    const text = await sw('report', 'week');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Weekly report: .+\nWeek 47 · 16–22 November 2026\n=+/);
    expect(text.stdout).toMatch(/WINS\n {2}- Shipped the beta/);
    expect((await sw('report', 'week', '--markdown')).stdout).toMatch(/^# Weekly report/);
    expect((await sw('report', 'week', '--html', '--week', '2026-w46')).stdout).toMatch(/^<!DOCTYPE html>[\s\S]*Week 46/);
    const json = (await sw('--json', 'report', 'week', '--team')).json<{ scope: string; week: string }>();
    expect(json).toMatchObject({ scope: 'team', week: '2026-W47' });
    const future = await sw('report', 'week', '--week', '2026-W50');
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/has not started yet/);
  });

  it('creates, lists and revokes share links and calendar feeds', async () => {
    const sw = cliRunner({ env: { SMALLWINS_PUBLIC_URL: 'https://wins.example.org' } });
    const share = await sw('report', 'share', '--days', '30');
    expect(share.code).toBe(0);
    expect(share.stdout).toMatch(/https:\/\/wins\.example\.org\/share\/[A-Za-z0-9_-]{43}/);
    const [shareRow] = (await sw('--json', 'report', 'shares')).json<Array<{ id: string; status: string }>>();
    expect(shareRow!.status).toBe('active');
    expect((await sw('report', 'unshare', shareRow!.id.slice(0, 6))).stdout).toMatch(/revoked/);
    expect((await sw('report', 'shares')).stdout).toMatch(/No share links/);
    expect((await sw('report', 'unshare', shareRow!.id)).code).toBe(1);
    expect((await sw('report', 'share', '--days', '0')).code).toBe(2);

    const feed = await sw('calendar', 'feed');
    expect(feed.stdout).toMatch(/https:\/\/wins\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics/);
    const [feedRow] = (await sw('--json', 'calendar', 'feeds')).json<Array<{ id: string }>>();
    expect((await sw('calendar', 'revoke', feedRow!.id)).code).toBe(0);
    expect((await sw('calendar', 'feeds')).stdout).toMatch(/No calendar feeds/);
  });

  it('prints the calendar feed', async () => {
    const sw = cliRunner();
    expect((await sw('focus', 'add', '09:30', '60', '--label', 'Deep work', '--day', '2026-11-19')).code).toBe(0);
    const out = await sw('calendar', '--ics');
    expect(out.code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(out.stdout)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary).sort()).toEqual(['Focus: Deep work', 'Monthly review', 'Weekly review']);
    expect((await sw('calendar')).stdout).toMatch(/--ics/);
  });
});
