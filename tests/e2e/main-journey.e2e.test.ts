import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

const GOAL = 'Ship my side project to its first users';

/* The main journey across views, as a new user lives a first week: sign up, start from a playbook,
   plan the week in the Week view, do the work on Today, log a win, review the week in the Journal
   and read the week's report. */
describe('The main journey', { timeout: 300_000 }, () => {
  it('sign up → playbook → plan the week → tasks and check-ins on Today → a win → weekly review → report', async () => {
    const page = await e2e.page();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const open = async (name: string): Promise<void> => {
      await nav.getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
    };

    // Sign up and start from a playbook (onboarding).
    await signUp(page, { name: 'Mia Maker' });
    await page
      .getByRole('button', { name: 'Start with this for Side project: ship to first users' })
      .click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();

    // Plan the week in the Week view: one more micro-goal, and the week's plan in a sentence.
    await open('Week');
    const addMicroGoal = page.getByRole('form', { name: `Add a micro-goal to ${GOAL}` });
    await addMicroGoal.getByLabel('New micro-goal').fill('Show the demo to three friends');
    await addMicroGoal.getByRole('button', { name: 'Add' }).click();
    await page
      .getByRole('list', { name: `Micro-goals of ${GOAL}` })
      .getByRole('listitem', { name: /^Show the demo to three friends/ })
      .waitFor();
    const plan = page.getByLabel(/^The plan for \d{4}-W\d{2}$/);
    await plan.fill('Record the demo and show it to three friends.');
    await plan.press('Control+Enter');
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const me = (await (await fetch('/api/v1/me')).json()) as {
              workspaces: { id: string }[];
            };
            const base = `/api/v1/workspaces/${me.workspaces[0]!.id}`;
            const { week } = (await (await fetch(`${base}/current-day`)).json()) as {
              week: string;
            };
            return ((await (await fetch(`${base}/weeks/${week}`)).json()) as { plan: string }).plan;
          }),
        { timeout: WAIT },
      )
      .toBe('Record the demo and show it to three friends.');

    // Today: a task for the new micro-goal, done; the routine checked in with its minutes.
    await open('Today');
    await page.getByLabel('New task').fill('Record a two-minute demo');
    await page.getByLabel('Minutes').first().fill('30');
    await page.getByLabel('Micro-goal').selectOption({ label: 'Show the demo to three friends' });
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('button', { name: 'Done: Record a two-minute demo' }).click();
    await page
      .getByRole('listitem', { name: /^Record a two-minute demo, 30 minutes, Done/ })
      .waitFor();
    const minutes = page.getByLabel('Build session: minutes');
    await minutes.fill('45');
    await minutes.press('Enter');
    await page.getByRole('listitem', { name: /^Build session, Done, streak 1/ }).waitFor();

    // Log a win with w.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('w');
    const win = page.getByLabel('What went well?');
    await expect
      .poll(() => win.evaluate((el) => el === document.activeElement), { timeout: WAIT })
      .toBe(true);
    await page.keyboard.type('A friend asked to try the demo');
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Wins today' })
      .getByText('A friend asked to try the demo')
      .waitFor();

    // The weekly review in the Journal: the summary shows the week just lived.
    await open('Journal');
    await page.getByRole('button', { name: 'Review this week' }).click();
    const summary = page.getByTestId('review-summary');
    await summary.getByText('1 of 1 tasks').waitFor();
    await summary.getByText('A friend asked to try the demo').waitFor();
    await summary.getByText('Record a two-minute demo').waitFor();
    await page.getByRole('button', { name: 'Next: the questions' }).click();
    await page
      .getByLabel('1. What went well this week, and what made it work?')
      .fill('Recording the demo early made showing it easy.');
    await page.getByRole('button', { name: 'Next: decisions' }).click();
    await page.getByLabel('Decision', { exact: true }).fill('Record a demo before each showing');
    await page.getByRole('button', { name: 'Add decision' }).click();
    await page
      .getByRole('list', { name: 'Decisions' })
      .getByText('Record a demo before each showing')
      .waitFor();
    await page.getByRole('button', { name: 'Next: complete' }).click();
    await page.getByRole('button', { name: 'Complete the review' }).click();
    await page.getByTestId('review-done').waitFor();
    await checkA11y(page, 'Review (complete)');

    // The week's report, from the finished review.
    await page.getByRole('link', { name: 'See the week’s report' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const report = page.getByTestId('report');
    await report.getByRole('heading', { name: /^Mia Maker: Week \d+, \d{4}$/ }).waitFor();
    await report.getByText('Record the demo and show it to three friends.').waitFor();
    await report.getByText('A friend asked to try the demo').waitFor();
    await report.getByText('Show the demo to three friends').waitFor();
    await report.getByText('1 of 1 done').waitFor();
    await checkA11y(page, 'Report');

    expect(pageProblems(page)).toEqual([]);
  });
});
