import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, login, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

const PLAYBOOK = 'Start with this for Side project: ship to first users';
const GOAL = 'Ship my side project to its first users';

/** A call to the workspace API from inside the page (same origin, the session's cookie). */
async function apiCall<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([method, path, body]) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { workspaces: { id: string }[] };
      const response = await fetch(`/api/v1/workspaces/${me.workspaces[0]!.id}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as T };
    },
    [method, path, body] as const,
  );
}

/** The ISO week after another ("2026-W53" → "2027-W01"). */
function weekAfter(week: string): string {
  const [year, n] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(year, 0, 4);
  const monday =
    jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * 86_400_000 + (n - 1) * 7 * 86_400_000;
  const thursday = new Date(monday + 10 * 86_400_000);
  const y = thursday.getUTCFullYear();
  const w = Math.floor((thursday.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 / 7) + 1;
  return `${y}-W${String(w).padStart(2, '0')}`;
}

/** "2026-W50" → "week 50, 2026", as the review names weeks. */
function weekLabel(week: string): string {
  return `week ${Number(week.slice(6))}, ${week.slice(0, 4)}`;
}

async function startWithPlaybook(page: Page, name: string): Promise<{ email: string }> {
  const account = await signUp(page, { name });
  await page.getByRole('button', { name: PLAYBOOK }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  return account;
}

async function openView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe('Journal and Reports in the browser', { timeout: 300_000 }, () => {
  it('logs wins and lessons, searches lessons, and runs a guided weekly review to the end', async () => {
    const page = await e2e.page();
    await startWithPlaybook(page, 'Jo Reviewer');
    await openView(page, 'Journal');

    // Empty states say what to do.
    await page.getByText('No reviews yet.').waitFor();
    await page.getByText('No lessons yet.').waitFor();
    await checkA11y(page, 'Journal (empty)');

    // Wins: an empty title is refused inline; a shared win shows at once with its badge.
    const winTitle = page.getByLabel('Log a win', { exact: true });
    await page.getByRole('button', { name: 'Log win' }).click();
    await page.getByRole('alert').filter({ hasText: 'must not be empty' }).first().waitFor();
    expect(await winTitle.getAttribute('aria-invalid')).toBe('true');
    await winTitle.fill('First stranger signed up');
    await page.getByLabel('Share with the team').check();
    await page.getByRole('button', { name: 'Log win' }).click();
    const wins = page.getByRole('list', { name: 'Wins' });
    const shared = wins.getByRole('listitem').filter({ hasText: 'First stranger signed up' });
    await shared.getByText('Shared', { exact: true }).waitFor();
    expect(await winTitle.getAttribute('aria-invalid')).toBeNull();
    await winTitle.fill('Fixed the login bug before lunch');
    await winTitle.press('Enter');
    await wins
      .getByRole('listitem')
      .filter({ hasText: 'Fixed the login bug before lunch' })
      .getByText('Private', { exact: true })
      .waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('shared');
    await expect.poll(() => wins.getByRole('listitem').count(), { timeout: WAIT }).toBe(1);
    await page.getByLabel('Show', { exact: true }).selectOption('all');

    // Lessons: a bad tag is shown under Tags; two lessons logged.
    await page.getByRole('button', { name: 'Log a lesson' }).click();
    const lessonForm = page.getByRole('form', { name: 'Log a lesson' });
    await lessonForm.getByLabel('Lesson', { exact: true }).fill('Ask for the sale earlier');
    await lessonForm
      .getByLabel('What happened')
      .fill('Three calls ended friendly but without a next step. Asking sooner got a pilot.');
    await lessonForm.getByLabel('Learned from').selectOption('failure');
    await lessonForm.getByLabel('Tags').fill('sales oops!');
    await lessonForm.getByRole('button', { name: 'Save lesson' }).click();
    const tagError = lessonForm.getByRole('alert').filter({ hasText: 'a tag is one word' });
    await tagError.waitFor();
    expect(await lessonForm.getByLabel('Tags').getAttribute('aria-invalid')).toBe('true');
    await lessonForm.getByLabel('Tags').fill('sales, outreach');
    await lessonForm.getByRole('button', { name: 'Save lesson' }).click();
    const lessons = page.getByRole('list', { name: 'Lessons' });
    await lessons.getByRole('heading', { name: 'Ask for the sale earlier' }).waitFor();
    await lessonForm.getByLabel('Lesson', { exact: true }).fill('Short demos convert better');
    await lessonForm.getByLabel('Tags').fill('demo');
    await lessonForm.getByRole('button', { name: 'Save lesson' }).click();
    await lessons.getByRole('heading', { name: 'Short demos convert better' }).waitFor();
    await lessonForm.getByRole('button', { name: 'Close' }).click();

    // Full-text search, with the matched words marked; then a search that finds nothing.
    const search = page.getByLabel('Search lessons');
    await search.fill('pilot');
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('heading', { name: 'Ask for the sale earlier' }).waitFor();
    expect(await results.locator('mark').first().textContent()).toMatch(/pilot/i);
    await page.getByTestId('lesson-status').getByText('1 lesson found for “pilot”').waitFor();
    await search.fill('zebra');
    await page.getByText('No lesson matches every word.').waitFor();
    await search.fill('');

    // A tag filters the log; deleting asks once more, then the lesson is gone.
    await page.getByRole('button', { name: '#demo (show lessons with this tag)' }).click();
    await page.getByTestId('lesson-status').getByText('Lessons tagged #demo').waitFor();
    await expect.poll(() => lessons.getByRole('listitem').count(), { timeout: WAIT }).toBe(1);
    await page.getByRole('button', { name: 'Show all lessons' }).click();
    await expect.poll(() => lessons.getByRole('listitem').count(), { timeout: WAIT }).toBe(2);
    await page.getByRole('button', { name: 'Delete lesson: Short demos convert better' }).click();
    await page
      .getByRole('button', { name: 'Delete for good the lesson Short demos convert better' })
      .click();
    await expect.poll(() => lessons.getByRole('listitem').count(), { timeout: WAIT }).toBe(1);
    expect((await apiCall<{ items: unknown[] }>(page, 'GET', '/lessons')).body.items).toHaveLength(
      1,
    );

    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await checkA11y(page, 'Journal');
    await screenshot(page, 'journal');

    // The weekly review: the summary of the week comes first.
    await page.getByRole('button', { name: 'Review this week' }).click();
    await page
      .getByRole('heading', { name: /^Weekly review: week \d+, \d{4}$/, level: 1 })
      .waitFor();
    const summary = page.getByTestId('review-summary');
    await summary.waitFor();
    await summary.getByText('2 wins').waitFor();
    await summary.getByText('First stranger signed up').waitFor();
    await summary.getByRole('heading', { name: 'Metric movement' }).waitFor();
    await summary.getByText('Weekly active users').waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Review steps' })
        .getByRole('button', { name: /Summary/ })
        .getAttribute('aria-current'),
    ).toBe('step');
    await checkA11y(page, 'Review summary');

    // The questions: an answer saves when you leave it.
    await page.getByRole('button', { name: 'Next: the questions' }).click();
    const first = page.getByLabel('1. What went well this week, and what made it work?');
    await first.fill('A stranger signed up after the short demo.');
    await page.getByLabel("2. What didn't go to plan, and what got in the way?").focus();
    await page.getByText('Saved', { exact: true }).first().waitFor();
    await page
      .getByLabel("2. What didn't go to plan, and what got in the way?")
      .fill('Outreach slipped to Friday.');

    // Leave and come back: the open review is offered for resuming, where it was left.
    await page.getByRole('button', { name: 'Next: decisions' }).click();
    await page.getByRole('heading', { name: '3. Decisions' }).waitFor();
    await page.getByRole('link', { name: '← Journal' }).click();
    await page.getByTestId('open-reviews').waitFor();
    await page.getByRole('link', { name: /^Resume the review of week/ }).click();
    await page.getByRole('heading', { name: '2. Questions' }).waitFor();
    expect(await first.inputValue()).toBe('A stranger signed up after the short demo.');
    await page.getByRole('button', { name: 'Next: decisions' }).click();

    // Decisions: an empty one is refused inline; a refused one is taken back with the reason.
    await page.getByRole('button', { name: 'Add decision' }).click();
    const decision = page.getByLabel('Decision', { exact: true });
    await page.getByRole('alert').filter({ hasText: 'must not be empty' }).waitFor();
    expect(await decision.getAttribute('aria-invalid')).toBe('true');
    await page.route('**/decisions', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'conflict', message: 'The server said no.' } }),
      }),
    );
    await decision.fill('Never happens');
    await page.getByRole('button', { name: 'Add decision' }).click();
    await page.getByRole('alert').filter({ hasText: 'The server said no.' }).waitFor();
    await page.getByText('No decisions yet.').waitFor();
    await page.unroute('**/decisions');

    await decision.fill('Short demo before every call');
    await page.getByRole('button', { name: 'Add decision' }).click();
    const decisions = page.getByRole('list', { name: 'Decisions' });
    await decisions.getByText('Short demo before every call').waitFor();
    await page.getByRole('radio', { name: /^Change/ }).check();
    await decision.fill('Move outreach to Tuesday mornings');
    await decision.press('Enter');
    await decisions.getByText('Move outreach to Tuesday mornings').waitFor();

    // A change goes into next week's plan as a micro-goal.
    await page
      .getByRole('button', {
        name: /as a micro-goal for the decision Move outreach to Tuesday mornings$/,
      })
      .click();
    await page.getByLabel(/^Micro-goal for week/).fill('Outreach block on Tuesday morning');
    await page.getByLabel('Goal', { exact: true }).selectOption({ label: GOAL });
    await page.getByRole('button', { name: 'Add micro-goal' }).click();
    await decisions.getByText(/Added to week \d+, \d{4} under Ship my side project/).waitFor();
    const thisWeek = (await apiCall<{ week: string }>(page, 'GET', '/current-day')).body.week;
    await decisions.getByText(`Added to ${weekLabel(weekAfter(thisWeek))} under`).waitFor();
    await page.getByRole('link', { name: /^Open the plan for week/ }).waitFor();
    await checkA11y(page, 'Review decisions');
    await screenshot(page, 'review');

    // Complete: kept as written, and the Journal lists it as done.
    await page.getByRole('button', { name: 'Next: complete' }).click();
    await page.getByText(/You answered 2 of \d+ questions and made 2 decisions\./).waitFor();
    await page.getByRole('button', { name: 'Complete the review' }).click();
    await page
      .getByTestId('review-done')
      .getByText(/Completed/)
      .waitFor();
    await page.getByRole('heading', { name: 'Answers' }).waitFor();
    await page.getByText('Outreach slipped to Friday.').waitFor();
    await checkA11y(page, 'Review (complete)');
    const reviews = (
      await apiCall<{ items: { status: string; decisions: number }[] }>(page, 'GET', '/reviews')
    ).body.items;
    expect(reviews).toMatchObject([{ status: 'done', decisions: 2 }]);
    const micro = await apiCall(page, 'GET', `/weeks/${weekAfter(thisWeek)}`);
    expect(JSON.stringify(micro.body)).toContain('Outreach block on Tuesday morning');
    await page.getByRole('link', { name: 'Back to the Journal' }).click();
    await page
      .getByRole('list', { name: 'Past reviews' })
      .getByText('Done', { exact: true })
      .waitFor();

    expect(pageProblems(page)).toEqual([]);
  });

  it('previews the weekly report for me and the team, shares it by link, and makes a calendar feed', async () => {
    const page = await e2e.page();
    const { email } = await startWithPlaybook(page, 'Rae Porter');

    // Setup through the API: a measurement, a shared win and a lesson this week.
    const goals = await apiCall<{
      items: { title: string; primaryMetric: { id: string } | null }[];
    }>(page, 'GET', '/goals');
    const metric = goals.body.items.find((g) => g.title === GOAL)!.primaryMetric!;
    expect(
      (await apiCall(page, 'POST', `/metrics/${metric.id}/measurements`, { value: 3 })).status,
    ).toBe(201);
    await apiCall(page, 'POST', '/wins', { title: 'Demo day went well', visibility: 'shared' });
    await apiCall(page, 'POST', '/lessons', { title: 'Ship smaller slices', tags: ['scope'] });

    await openView(page, 'Reports');
    const report = page.getByTestId('report');
    await report.getByRole('heading', { name: /^Rae Porter: Week \d+, \d{4}$/ }).waitFor();
    await report.getByText('Demo day went well').waitFor();
    await report.getByText('Ship smaller slices').waitFor();
    await report.getByText(GOAL).first().waitFor();
    await report.getByRole('rowheader', { name: /Weekly active users/ }).waitFor();
    await report.getByText('personal report').waitFor();
    expect(await page.getByRole('button', { name: /^Next week/ }).isDisabled()).toBe(true);

    // Week navigation by button and by key; the URL keeps the week.
    const label = page.getByTestId('report-week');
    const thisWeek = (await label.textContent()) ?? '';
    await page.getByRole('button', { name: /Previous week/ }).click();
    await expect.poll(() => label.textContent(), { timeout: WAIT }).not.toBe(thisWeek);
    await report.getByText('No wins logged this week.').waitFor();
    expect(new URL(page.url()).searchParams.get('week')).toMatch(/^\d{4}-W\d{2}$/);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press(']');
    await expect.poll(() => label.textContent(), { timeout: WAIT }).toBe(thisWeek);
    await report.getByText('Demo day went well').waitFor();

    // The team scope tells the whole workspace's week.
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await report.getByText('the whole team').waitFor();
    expect(
      await page.getByRole('button', { name: 'Team', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
    await report.getByText('Demo day went well').waitFor();
    await page.getByRole('button', { name: 'Me', exact: true }).click();
    await report.getByText('personal report').waitFor();

    // Share links: a bad expiry is refused inline; a new link is shown once, opens the report,
    // and stops working once revoked.
    const shares = page.getByRole('region', { name: 'Share links' });
    await shares.getByText('No share link yet.').waitFor();
    await shares.getByLabel('Expires after (days)').fill('0');
    await shares.getByRole('button', { name: 'Create a share link' }).click();
    await shares.getByRole('alert').filter({ hasText: 'must be from 1 to 3650 days' }).waitFor();
    await shares.getByLabel('Expires after (days)').fill('30');
    await shares.getByRole('button', { name: 'Create a share link' }).click();
    const shareUrl = await shares.getByTestId('share-url').inputValue();
    expect(shareUrl).toMatch(/\/share\/[\w-]+$/);
    await shares.getByRole('button', { name: 'Copy the share link' }).click();
    await page.getByTestId('notice').waitFor();
    const list = shares.getByRole('list', { name: 'Your share links' });
    await list.getByText(/expires/).waitFor();
    await list.getByText('Active', { exact: true }).waitFor();

    const mentor = await e2e.page({ isolated: true });
    const shared = await mentor.goto(shareUrl);
    expect(shared?.status()).toBe(200);
    await mentor.getByText('Demo day went well').first().waitFor();

    await checkA11y(page, 'Reports');
    await screenshot(page, 'report');

    await shares.getByRole('button', { name: 'Done', exact: true }).click();
    await shares.getByRole('button', { name: /^Revoke the share link/ }).click();
    await shares.getByText('No share link yet.').waitFor();
    expect((await mentor.goto(shareUrl))?.status()).toBe(404);

    // The calendar feed: created once, readable by a calendar app, revoked.
    const feeds = page.getByRole('region', { name: 'Calendar feed' });
    await feeds.getByRole('button', { name: 'Create a calendar feed' }).click();
    const feedUrl = await feeds.getByTestId('feed-url').inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[\w-]+\.ics$/);
    const ics = await mentor.request.get(feedUrl);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    await feeds
      .getByRole('list', { name: 'Your calendar feeds' })
      .getByText('never expires')
      .waitFor();
    await feeds.getByRole('button', { name: /^Revoke the calendar feed/ }).click();
    await feeds.getByText('No calendar feed yet.').waitFor();
    expect((await mentor.request.get(feedUrl)).status()).toBe(404);

    // The dark theme passes the same checks.
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await checkA11y(page, 'Reports (dark)');
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    expect(pageProblems(page)).toEqual([]);

    // At phone width both views fit the screen and pass axe.
    const phone = await e2e.page({ width: 390, height: 844 });
    await login(phone, email);
    for (const [path, heading] of [
      ['/journal', 'Journal'],
      ['/reports', 'Reports'],
    ] as const) {
      await phone.goto(path);
      await phone.getByRole('heading', { name: heading, level: 1 }).waitFor();
      if (heading === 'Reports') await phone.getByTestId('report').waitFor();
      else await phone.getByRole('list', { name: 'Lessons' }).waitFor();
      const overflow = await phone.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${heading} scrolls sideways at 390 px`).toBeLessThanOrEqual(0);
      await checkA11y(phone, `${heading} (phone)`);
    }
    expect(pageProblems(phone)).toEqual([]);
  });
});
