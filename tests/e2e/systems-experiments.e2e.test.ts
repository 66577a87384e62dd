import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, login, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Setup the UI under test does not own (history in the past, a goal with a metric): the API, with the page's session. */
async function apiFor(page: Page) {
  const me = (await (await page.request.get('/api/v1/me')).json()) as {
    workspaces: { id: string }[];
  };
  const base = `/api/v1/workspaces/${me.workspaces[0]!.id}`;
  const send = async <T>(method: 'GET' | 'POST', path: string, data?: object): Promise<T> => {
    const response = await page.request.fetch(base + path, {
      method,
      data,
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const today = (await send<{ day: string }>('GET', '/today')).day;
  return { send, today };
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('.main *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
          !el.closest('.heatmap-scroll, .table-scroll'),
      )
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`),
  );
  expect(wide).toEqual([]);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);
}

describe('Systems and Experiments in the browser', { timeout: 420_000 }, () => {
  it('routines with heatmap, streaks, strength and pauses; checklists; templates; experiments with statistics; feedback', async () => {
    const page = await e2e.page();
    const { email } = await signUp(page, { name: 'Sam Systems' });
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });

    // ── Systems, empty: each part says what to do.
    await nav.getByRole('link', { name: 'Systems', exact: true }).click();
    await page.getByRole('heading', { name: 'Systems', level: 1 }).waitFor();
    await page.getByText('No routine yet.').waitFor();
    await page.getByText('No checklist yet.').waitFor();
    await page.getByText('No template yet.').waitFor();
    await checkA11y(page, 'Systems (empty)');

    // History for a routine started six weeks ago (the UI checks in only for today).
    const { send, today } = await apiFor(page);
    const routine = await send<{ id: string }>('POST', '/routines', {
      name: 'Morning pages',
      minimumVersion: 'One sentence',
      startDay: addDays(today, -42),
    });
    const history: Record<number, string> = {
      [-30]: 'skipped',
      [-25]: 'missed',
      [-12]: 'minimum',
    };
    for (let i = -40; i <= 0; i++) {
      if (i === -20 || i === -19) continue; // left empty: missed without a word
      const status = history[i] ?? 'done';
      await send('POST', `/routines/${routine.id}/check-ins`, {
        day: addDays(today, i),
        status,
      });
    }
    const { goal } = await send<{ goal: { id: string } }>('POST', '/goals', {
      title: 'Reach 10 paying customers',
    });
    const metric = await send<{ id: string }>('POST', `/goals/${goal.id}/metrics`, {
      name: 'Signups',
      unit: 'signups',
      primary: true,
    });
    for (const [offset, value] of [
      [-20, 3],
      [-17, 4],
      [-14, 3],
      [-8, 7],
      [-5, 8],
      [-2, 9],
    ] as const)
      await send('POST', `/metrics/${metric.id}/measurements`, {
        value,
        day: addDays(today, offset),
      });

    await page.reload();
    await page.getByRole('heading', { name: 'Systems', level: 1 }).waitFor();
    const detail = page.getByTestId('routine-detail');
    await detail.getByRole('heading', { name: 'Morning pages' }).waitFor();
    // Streaks: 12 days since the minimum (it counts), best since the gap before it.
    await expect.poll(() => detail.getByTestId('current-streak').textContent()).toBe('19 days');
    expect(await detail.getByTestId('best-streak').textContent()).toBe('19 days');
    expect(
      Number((await detail.getByTestId('strength').textContent())?.replace('%', '')),
    ).toBeGreaterThan(40);
    // The heatmap tells states apart by shape, with a legend and a summary for screen readers.
    const heatmap = detail.getByRole('img', {
      name: /Morning pages: check-ins over the last 366 days/,
    });
    await heatmap.waitFor();
    expect(await heatmap.getAttribute('aria-label')).toMatch(
      /Done 36, minimum 1, skipped 1, missed 5/,
    );
    for (const kind of ['done', 'minimum', 'skipped', 'missed', 'off'])
      expect(await detail.locator(`.hm-cell[data-kind="${kind}"]`).count()).toBeGreaterThan(0);
    expect(
      await detail.locator(`.hm-cell[data-day="${addDays(today, -12)}"]`).getAttribute('title'),
    ).toMatch(/Minimum$/);
    // The strength score's daily series, drawn by uPlot.
    await detail.getByRole('img', { name: /^Strength score of Morning pages/ }).waitFor();
    await detail.locator('.chart canvas').first().waitFor();

    // Create a routine: a validation message inline, then a weekday schedule with a number.
    await page.getByRole('button', { name: /^New routine/ }).click();
    const dialog = page.getByRole('dialog', { name: 'New routine' });
    await dialog.getByLabel('Name', { exact: true }).fill('Run');
    await dialog.getByLabel('How often').selectOption('weekdays');
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
      await dialog.getByRole('checkbox', { name: day }).uncheck();
    await dialog.getByRole('button', { name: 'Create routine' }).click();
    await dialog.getByText(/pick at least one weekday/).waitFor();
    await checkA11y(page, 'Systems routine form');
    await dialog.getByRole('checkbox', { name: 'Mon' }).check();
    await dialog.getByRole('checkbox', { name: 'Thu' }).check();
    await dialog.getByLabel('Number to reach').selectOption('at_least');
    await dialog.getByLabel('Target').fill('5');
    await dialog.getByLabel('Unit').fill('km');
    await dialog.getByLabel('Minimum version').fill('Walk 10 minutes');
    await dialog.getByRole('button', { name: 'Create routine' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const routines = page.getByRole('list', { name: 'Routines' });
    await routines.getByText('Mon, Thu · At least 5 km').waitFor();
    await detail.getByRole('heading', { name: 'Run' }).waitFor();

    // Edit it: three times a week.
    await page.getByRole('button', { name: 'Edit Run' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Run' });
    await edit.getByLabel('How often').selectOption('times');
    await edit.getByLabel('Times', { exact: true }).fill('3');
    await edit.getByLabel('Per how many days').fill('7');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await routines.getByText('3× per week · At least 5 km').waitFor();

    // Pause Morning pages, then resume it.
    await routines.getByRole('button', { name: /^Morning pages/ }).click();
    await detail.getByRole('heading', { name: 'Morning pages' }).waitFor();
    await detail.getByText('Pause this routine').click();
    await detail.getByLabel('Reason').fill('Travel');
    await detail.getByRole('button', { name: 'Pause', exact: true }).click();
    await detail.getByText(/until resumed · Travel/).waitFor();
    await routines
      .locator('.routine-item', { hasText: 'Morning pages' })
      .getByText('Paused')
      .waitFor();
    await detail.getByRole('button', { name: 'Resume Morning pages' }).click();
    await routines
      .locator('.routine-item', { hasText: 'Morning pages' })
      .getByText('Active')
      .waitFor();

    // Archive Run (optimistic: it leaves the list at once), find it again among the archived.
    await page.getByRole('button', { name: 'Archive Run' }).click();
    await routines.getByText('3× per week · At least 5 km').waitFor({ state: 'detached' });
    await page.getByLabel('Show archived').check();
    await page.getByRole('button', { name: 'Restore Run' }).waitFor();

    // A checklist and a run of it.
    await page.getByText('New checklist').click();
    await page.getByLabel('Checklist name').fill('Launch');
    await page
      .getByLabel('Items, one per line')
      .fill('Write the announcement\nSend it to the list\nPost in the community');
    await page.getByRole('button', { name: 'Create checklist' }).click();
    const checklists = page.getByRole('list', { name: 'Checklists' });
    await checklists.getByText('3 items · run 0 times').waitFor();
    await page.getByLabel('Label for the new run of Launch').fill('v1.2');
    await page.getByRole('button', { name: 'Start a run of Launch' }).click();
    const run = page.getByTestId('checklist-run');
    await run.getByRole('heading', { name: 'Run of Launch: v1.2' }).waitFor();
    await run.getByRole('checkbox', { name: '1. Write the announcement' }).check();
    await run.getByText('1 of 3 ticked').waitFor();
    await run.getByRole('checkbox', { name: '2. Send it to the list' }).check();
    await run.getByText('2 of 3 ticked').waitFor();
    await run.getByRole('button', { name: 'Complete run' }).click();
    await run.getByRole('button', { name: 'Complete anyway' }).waitFor();
    await run.getByRole('checkbox', { name: '3. Post in the community' }).check();
    await run.getByText('3 of 3 ticked').waitFor();
    await run.getByRole('button', { name: 'Complete run' }).click();
    await page.getByTestId('celebration').getByText('“Launch” run complete.').waitFor();
    await checklists.getByText('3 items · run 1 time').waitFor();

    // A template: a step too long is refused inline; then it plans tasks.
    await page.getByText('New template').click();
    await page.getByLabel('Template name').fill('Outreach sequence');
    await page.getByLabel('Step 1', { exact: true }).fill('Send the first message');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.getByLabel('Step 2', { exact: true }).fill('Follow up');
    const minutes = page.locator('.steps-editor').getByLabel('Minutes');
    await minutes.nth(1).fill('90');
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.locator('.steps-editor .field-error').first().waitFor();
    expect(await minutes.nth(1).getAttribute('aria-invalid')).toBe('true');
    await minutes.nth(1).fill('20');
    await page.getByRole('button', { name: 'Create template' }).click();
    const templates = page.getByRole('list', { name: 'Templates' });
    await templates.getByText('Follow up').waitFor();
    await page.getByRole('button', { name: 'Create tasks from Outreach sequence' }).click();
    await page
      .getByTestId('applied-template')
      .getByText(/2 tasks planned from “Outreach sequence”/)
      .waitFor();

    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await checkA11y(page, 'Systems');
    await screenshot(page, 'systems');
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await checkA11y(page, 'Systems (dark)');
    await screenshot(page, 'systems-dark');
    await page.getByRole('button', { name: /Switch to light theme/ }).click();

    // ── Experiments, empty.
    await nav.getByRole('link', { name: 'Experiments', exact: true }).click();
    await page.getByRole('heading', { name: 'Experiments', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No experiment yet' }).waitFor();
    await page.getByText('No feedback logged yet.').waitFor();
    await checkA11y(page, 'Experiments (empty)');

    // Create one: the API's messages show under their fields.
    await page.getByRole('button', { name: /^New experiment/ }).click();
    const form = page.getByRole('dialog', { name: 'New experiment' });
    await form.getByRole('button', { name: 'Start experiment' }).click();
    await expect
      .poll(() => form.getByLabel('Assumption').getAttribute('aria-invalid'))
      .toBe('true');
    expect(await form.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Title').fill('Shorter onboarding email');
    await form.getByLabel('Assumption').fill('New users drop off because the first email is long.');
    await form.getByLabel('Hypothesis').fill('A three-line email gets more users to sign up.');
    await form.getByLabel('Goal').selectOption({ label: 'Reach 10 paying customers' });
    const metricSelect = form.getByLabel('Metric it moves');
    await expect.poll(() => metricSelect.locator('option').count()).toBe(2);
    await metricSelect.selectOption({ label: 'Signups (the one that matters)' });
    await form.getByLabel('Start').fill(addDays(today, -10));
    await form.getByLabel('End').fill(addDays(today, 4));
    await form.getByLabel('Variants (A/B test)').fill('Long email, Short email');
    await checkA11y(page, 'Experiments form');
    await form.getByRole('button', { name: 'Start experiment' }).click();
    await form.waitFor({ state: 'hidden' });

    const exp = page.getByTestId('experiment-detail');
    await exp.getByRole('heading', { name: 'Shorter onboarding email' }).waitFor();
    const stats = exp.getByTestId('experiment-stats');
    // Variants without trials: a clear "not enough data"; the metric already has enough.
    await stats
      .getByTestId('not-enough-variants')
      .getByText(/at least 10 trials/)
      .waitFor();
    await stats.getByText(/\+4\.67 signups/).waitFor();
    await stats
      .getByText(/95% interval/)
      .first()
      .waitFor();

    // Record counts; a refused count rolls back and says why.
    await exp.getByLabel('Trials to add to Long email').fill('40');
    await exp.getByLabel('Successes to add to Long email').fill('4');
    await exp.getByRole('button', { name: 'Add counts to Long email' }).click();
    await exp.getByRole('row', { name: /Long email.*40.*4.*10\.0%/ }).waitFor();
    await exp.getByLabel('Trials to add to Short email').fill('1');
    await exp.getByLabel('Successes to add to Short email').fill('5');
    await exp.getByRole('button', { name: 'Add counts to Short email' }).click();
    await exp.locator('.counts-form .field-error').waitFor();
    await exp.getByRole('row', { name: /^Short email.*0.*0.*—/ }).waitFor();
    await exp.getByLabel('Trials to add to Short email').fill('40');
    await exp.getByLabel('Successes to add to Short email').fill('14');
    await exp.getByRole('button', { name: 'Add counts to Short email' }).click();
    await stats.getByText(/chance that Short email beats Long email/).waitFor();
    await stats.getByText(/^Lift \+/).waitFor();
    const chance = await stats.locator('.comparison .big-number strong').first().textContent();
    expect(Number(chance?.replace('%', ''))).toBeGreaterThan(90);

    // Feedback, linked to the goal and the experiment.
    await page
      .getByLabel('What did you hear?')
      .fill('The short email was the first one I read to the end.');
    await page.getByLabel('From').selectOption('customer');
    await page
      .locator('.feedback-form')
      .getByLabel('Goal')
      .selectOption({ label: 'Reach 10 paying customers' });
    await page
      .locator('.feedback-form')
      .getByLabel('Experiment')
      .selectOption({ label: 'Shorter onboarding email' });
    await page.getByRole('button', { name: 'Log feedback' }).click();
    const feedback = page.getByRole('list', { name: 'Feedback' });
    await feedback.getByText('The short email was the first one I read to the end.').waitFor();
    await feedback.getByText('Experiment: Shorter onboarding email').waitFor();
    await exp.getByText('The short email was the first one I read to the end.').waitFor();

    // Conclude: both fields are required, then the result and decision are kept.
    await exp.getByRole('button', { name: 'Record result' }).click();
    await exp.locator('.decision-picker .field-error').waitFor();
    await exp
      .getByLabel('What did it show?')
      .fill('35% signed up against 10%: the short email wins.');
    await exp.getByRole('radio', { name: 'Scale it' }).check();
    await exp.getByRole('button', { name: 'Record result' }).click();
    await exp.getByRole('heading', { name: 'Result' }).waitFor();
    await exp.getByText('Decision:').getByText('Scale it').waitFor();
    await page
      .getByRole('navigation', { name: 'Experiments' })
      .getByRole('heading', { name: /Done/ })
      .waitFor();

    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await checkA11y(page, 'Experiments');
    await screenshot(page, 'experiments');
    expect(pageProblems(page)).toEqual([]);

    // ── Phone width: both views fit, pass axe, and keep their data.
    const phone = await e2e.page({ width: 390, height: 844 });
    await login(phone, email);
    await phone.goto('/systems');
    await phone
      .getByTestId('routine-detail')
      .getByRole('img', { name: /check-ins over the last/ })
      .waitFor();
    await noSidewaysScroll(phone);
    await checkA11y(phone, 'Systems (phone)');
    await screenshot(phone, 'systems-phone');
    await phone.goto('/experiments');
    await phone
      .getByTestId('experiment-stats')
      .getByText(/chance that Short email beats/)
      .waitFor();
    await noSidewaysScroll(phone);
    await checkA11y(phone, 'Experiments (phone)');
    await screenshot(phone, 'experiments-phone');
    expect(pageProblems(phone)).toEqual([]);
  });
});
