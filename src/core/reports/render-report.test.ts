import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderReportHtml, renderReportMarkdown, renderReportText } from './render-report.js';
import type { WeeklyReport } from './weekly-report.js';

const EVIL = '<script>alert("x")</script> & *bold* [click](javascript:alert(1))';

function report(overrides: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    scope: 'me',
    week: '2026-W48',
    from: '2026-11-23',
    to: '2026-11-29',
    generatedAt: '2026-11-29T18:00:00.000Z',
    subject: 'Ana',
    plan: 'Close two deals\nand rest on Sunday',
    result: '',
    results: {
      microGoals: { planned: 3, done: 2, dropped: 0, open: 1 },
      tasks: { planned: 8, done: 5, skipped: 1, carried: 1, open: 2, minutesDone: 200 },
      routines: { done: 10, minimum: 2, skipped: 1, missed: 3, mostMissed: [{ name: 'Run', misses: 2 }] },
      momentum: { average: 0.62, change: 0.05 },
    },
    goals: [
      {
        title: EVIL,
        status: 'active',
        microGoals: [
          { title: 'Call 5 leads', status: 'done', tasks: { done: 3, total: 3 } },
          { title: 'Old idea', status: 'dropped', tasks: { done: 0, total: 0 } },
        ],
      },
    ],
    wins: [{ title: EVIL, day: '2026-11-24', by: null }],
    kudos: null,
    lessons: ['# not a heading', '1. not a list'],
    metrics: [
      {
        goal: 'Grow',
        metric: 'MRR',
        unit: 'EUR',
        direction: 'up',
        measurements: 2,
        first: 1000,
        last: 1250.5,
        change: 250.5,
        improved: true,
        road: { status: 'behind', latest: 1250.5, expected: 1400, gap: -149.5, target: 5000, targetDate: '2027-06-30', forecastDay: '2027-09-01', onTime: false },
      },
    ],
    pulses: [
      {
        kind: 'morale',
        question: '',
        anonymous: false,
        weeks: [
          { week: '2026-W45', average: 3, count: 1, withheld: false },
          { week: '2026-W46', average: null, count: 0, withheld: false },
          { week: '2026-W47', average: 3.5, count: 2, withheld: false },
          { week: '2026-W48', average: 4, count: 1, withheld: false },
        ],
      },
    ],
    hardestWeekday: { name: 'Wednesday', misses: 3 },
    nextWeek: { week: '2026-W49', plan: '', goals: [{ title: 'Grow', microGoals: ['Onboard customers'] }], tasks: { count: 4, minutes: 120 } },
    ...overrides,
  };
}

describe('report renderers', () => {
  it('draws one self-contained, inline-styled HTML document with every user string escaped', () => {
    const html = renderReportHtml(report());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold*');
    // No stylesheet, script or remote resource: everything an email client needs is inline.
    expect(html).not.toMatch(/<link|<style|<img|src=/i);
    expect(html).toContain('Weekly report: Ana');
    expect(html).toContain('Week 48 · 23–29 November 2026');
    expect(html).toContain('2 of 3');
    expect(html).toContain('behind the road by 149.5 EUR');
  });

  it('adds footer links only for http(s) URLs or app paths', () => {
    const html = renderReportHtml(report(), { unsubscribeUrl: 'https://wins.example.org/unsubscribe?t=a&b=1', shareUrl: 'javascript:alert(1)' });
    expect(html).toContain('href="https://wins.example.org/unsubscribe?t=a&amp;b=1"');
    expect(html).toContain('Unsubscribe');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('View this report in a browser');
    expect(renderReportHtml(report())).not.toContain('Unsubscribe');
    expect(renderReportHtml(report(), { shareUrl: '/share/abc?week=2026-W48' })).toContain('href="/share/abc?week=2026-W48"');
  });

  it('escapes Markdown so user text cannot become markup, links or raw HTML', () => {
    const md = renderReportMarkdown(report());
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> \\& \\*bold\\* \\[click\\](javascript:alert(1))');
    expect(md).toContain('- \\# not a heading');
    expect(md).toContain('- 1\\. not a list');
    expect(md).toContain('- [x] Call 5 leads _(3 of 3 tasks)_');
    expect(md).toContain('> Close two deals\n> and rest on Sunday');
    expect(md).toContain('| Micro-goals | **2 of 3** | done |');
    expect(escapeMarkdown('a_b | c')).toBe('a\\_b \\| c');
  });

  it('prints readable plain text, without terminal control characters', () => {
    const text = renderReportText(report({ subject: 'Ana\u001b[31m' }));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Weekly report: Ana[31m');
    expect(text).toContain('RESULTS');
    expect(text).toContain('  Micro-goals  2 of 3  done');
    expect(text).toContain('    [x] Call 5 leads  (3 of 3 tasks)');
    expect(text).toContain('- Morale: 4 of 5  (last 4 weeks: 3 → – → 3.5 → 4)');
    expect(text).toContain('NEXT WEEK (2026-W49)');
    expect(text).toContain('- 4 tasks planned  (2 h)');
  });

  describe('kudos of a team report', () => {
    const team = report({
      scope: 'team',
      subject: 'Launch team',
      wins: [{ title: 'Closed a deal', day: '2026-11-25', by: 'Bea' }],
      kudos: {
        total: 4,
        topWins: [
          { title: EVIL, day: '2026-11-24', by: 'Cy <b>', count: 3 },
          { title: 'Closed a deal', day: '2026-11-25', by: 'Bea', count: 1 },
        ],
        givers: [
          { name: 'Ana', count: 1 },
          { name: 'Bea *', count: 3 },
        ],
      },
    });

    it('draws the Kudos section in Markdown, escaped', () => {
      const md = renderReportMarkdown(team);
      expect(md).toContain('## Kudos');
      expect(md).toContain('- 4 kudos given this week _(by 2 people)_');
      expect(md).toContain('**Most kudos**');
      expect(md).toContain('- \\<script\\>alert("x")\\</script\\> \\& \\*bold\\* \\[click\\](javascript:alert(1)) _(3 kudos · by Cy \\<b\\> · Tue 24 Nov)_');
      expect(md).toContain('**Who appreciated others**\n\n- Ana _(gave 1 kudos)_\n- Bea \\* _(gave 3 kudos)_');
      // After the wins, before the metrics.
      expect(md.indexOf('## Wins')).toBeLessThan(md.indexOf('## Kudos'));
      expect(md.indexOf('## Kudos')).toBeLessThan(md.indexOf('## Metrics against the road'));
    });

    it('draws the Kudos section in plain text', () => {
      const text = renderReportText(team);
      expect(text).toContain('KUDOS\n  - 4 kudos given this week  (by 2 people)\n  Most kudos\n');
      expect(text).toContain('    - Closed a deal  (1 kudos · by Bea · Wed 25 Nov)');
      expect(text).toContain('  Who appreciated others\n    - Ana  (gave 1 kudos)\n    - Bea *  (gave 3 kudos)');
    });

    it('draws the Kudos section in the inline-styled HTML email, escaped', () => {
      const html = renderReportHtml(team);
      expect(html).toMatch(/<h2 style="[^"]+">Kudos<\/h2>/);
      expect(html).toMatch(/<p style="[^"]+">Most kudos<\/p>/);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; *bold* [click](javascript:alert(1)) <span style="color:#616e7c;font-size:13px;">3 kudos · by Cy &lt;b&gt; · Tue 24 Nov</span></li>');
      expect(html).toContain('<li style="margin:0 0 6px 0;">Bea * <span style="color:#616e7c;font-size:13px;">gave 3 kudos</span></li>');
      // Still one self-contained email: inline styles only.
      expect(html).not.toMatch(/<script|<style|<link|class=/i);
    });

    it('counts kudos in the summary line of a team report, and says so when none were given', () => {
      const html = renderReportHtml(team);
      expect(html).toMatch(/2 micro-goals and 5 tasks done, 1 win, 4 kudos\./);
      const none = { ...team, kudos: { total: 0, topWins: [], givers: [] } };
      expect(renderReportText(none)).toContain('KUDOS\n  No kudos given this week.');
      expect(renderReportMarkdown(none)).toContain('## Kudos\n\n_No kudos given this week._');
      // A personal report has no Kudos section at all.
      for (const out of [renderReportText(report()), renderReportMarkdown(report()), renderReportHtml(report())]) expect(out).not.toMatch(/kudos/i);
    });
  });

  it('says so when a week has no wins and nothing planned', () => {
    const empty = report({ wins: [], nextWeek: { week: '2026-W49', plan: '', goals: [], tasks: { count: 0, minutes: 0 } }, metrics: [], pulses: [], lessons: [] });
    const text = renderReportText(empty);
    expect(text).toContain('No wins logged this week.');
    expect(text).toContain('Nothing planned yet.');
    expect(text).not.toContain('PULSES');
    expect(renderReportText({ ...empty, scope: 'team' })).toContain('No shared wins this week.');
  });
});
