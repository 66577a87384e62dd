import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, login, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

/** Setup through the API with the page's own session (for data whose UI belongs to other views). */
async function apiCall<T = unknown>(
  page: Page,
  method: string,
  path: string,
  body?: object,
): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as {
        workspaces: { id: string; kind: string }[];
      };
      const ws = me.workspaces.find((w) => w.kind === 'personal') ?? me.workspaces[0]!;
      const response = await fetch(`/api/v1/workspaces/${ws.id}${path}`, {
        method,
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : await response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** Nothing runs off the side of the screen at phone width. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (el) =>
          el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
          getComputedStyle(el).position !== 'fixed' &&
          !el.closest('dialog:not([open])'),
      )
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`),
  );
}

describe('Week and Goals in the browser', { timeout: 420_000 }, () => {
  it('creates goals with the focus warning, gives one a metric with a road and a forecast, records values and pulses, then plans, finishes and carries the week', async () => {
    const page = await e2e.page();
    const account = await signUp(page, { name: 'Gia Founder' });
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const now = await apiCall<{ day: string; week: string }>(page, 'GET', '/current-day');
    const nav = page.getByRole('navigation', { name: 'Main' });

    // ── Goals: an empty list that says what to do ──────────────────────────────
    await nav.getByRole('link', { name: 'Goals', exact: true }).click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No goals yet' }).waitFor();
    await checkA11y(page, 'Goals (empty)');

    // c opens the form; an empty title gets the API's message under the field.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'A new goal' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create the goal' }).click();
    const titleField = dialog.getByLabel('Goal', { exact: true });
    await expect
      .poll(() => titleField.getAttribute('aria-invalid'), { timeout: WAIT })
      .toBe('true');
    await dialog.getByRole('alert').filter({ hasText: 'must not be empty' }).waitFor();
    await checkA11y(page, 'Goal form with an error');

    await titleField.fill('Ten paying customers for the invoicing app');
    await dialog
      .getByLabel('Why it matters')
      .fill('Paying customers prove the app solves a real problem, and fund the next step.');
    await dialog
      .getByLabel('Leverage point')
      .fill('Onboarding that gets to a first invoice in 5 minutes');
    await dialog.getByLabel('Target date').fill(addDays(now.day, 56));
    await dialog.getByRole('button', { name: 'Create the goal' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const goalLink = page.getByRole('link', { name: 'Ten paying customers for the invoicing app' });
    await goalLink.waitFor();
    await page.getByTestId('goals-summary').getByText('1 active of a focus limit of 3').waitFor();

    // Past the focus limit the goal is still created, with the API's warning.
    await apiCall(page, 'PATCH', '/settings/workspace', { focusLimit: 1 });
    await page.getByRole('button', { name: 'New goal' }).click();
    await dialog.getByLabel('Goal', { exact: true }).fill('Write a short book on pricing');
    await dialog.getByRole('button', { name: 'Create the goal' }).click();
    await page.getByTestId('focus-warning').waitFor();
    expect(await page.getByTestId('focus-warning').textContent()).toMatch(/focus limit/i);
    await page.getByTestId('goals-summary').getByText('2 active of a focus limit of 1').waitFor();

    // Pausing is optimistic and clears the warning.
    await page.getByRole('button', { name: 'Pause: Write a short book on pricing' }).click();
    await page
      .getByRole('list', { name: 'Other goals' })
      .getByRole('link', { name: 'Write a short book on pricing' })
      .waitFor();
    await page.getByTestId('focus-warning').waitFor({ state: 'detached' });
    await checkA11y(page, 'Goals');

    // ── A goal's page: the one metric that matters, then its road ───────────────
    await goalLink.click();
    await page
      .getByRole('heading', { name: 'Ten paying customers for the invoicing app', level: 1 })
      .waitFor();
    const goalUrl = page.url();
    await page.getByText('This goal has no metric yet.').waitFor();
    const firstMetric = page.getByRole('form', { name: 'Add the one metric that matters' });
    await firstMetric.getByLabel('Metric', { exact: true }).fill('Paying customers');
    await firstMetric.getByLabel('Unit').fill('customers');
    await firstMetric.getByLabel('Baseline').fill('0');
    await firstMetric.getByLabel('Target', { exact: true }).fill('10');
    await firstMetric.getByLabel('Target date').fill(addDays(now.day, 56));
    await firstMetric.getByRole('button', { name: 'Add the metric' }).click();
    await page.getByRole('heading', { name: 'Paying customers', level: 2 }).waitFor();
    await page.getByTestId('road-status').getByText('No measurement yet').waitFor();

    // A leading metric beside it, through the form.
    await page.getByText('Add a supporting metric').click();
    const second = page.getByRole('form', { name: 'Add a metric' });
    await second.getByLabel('Metric', { exact: true }).fill('Demo calls');
    await second.getByLabel('Unit').fill('calls');
    await second.getByLabel('Kind').selectOption('leading');
    await second.getByLabel('Target', { exact: true }).fill('5');
    await second.getByRole('button', { name: 'Add metric' }).click();
    await page.getByRole('heading', { name: 'Demo calls', level: 3 }).waitFor();

    // Six weeks of history, pulses and micro-goals (their own views are tested elsewhere).
    const goals = await apiCall<{ items: { id: string; title: string }[] }>(page, 'GET', '/goals');
    const goalId = goals.items.find((g) => g.title.startsWith('Ten paying'))!.id;
    const detail = await apiCall<{ metrics: { id: string; name: string }[] }>(
      page,
      'GET',
      `/goals/${goalId}`,
    );
    const customers = detail.metrics.find((m) => m.name === 'Paying customers')!.id;
    const calls = detail.metrics.find((m) => m.name === 'Demo calls')!.id;
    const history = [1, 1, 2, 3, 3, 5];
    for (const [i, value] of history.entries()) {
      const day = addDays(now.day, -42 + i * 7);
      await apiCall(page, 'POST', `/metrics/${customers}/measurements`, { value, day });
      await apiCall(page, 'POST', `/metrics/${calls}/measurements`, {
        value: [2, 3, 3, 4, 5, 4][i],
        day,
      });
      await apiCall(page, 'POST', '/pulses', { kind: 'morale', value: [3, 3, 4, 3, 4, 4][i], day });
      await apiCall(page, 'POST', '/pulses', {
        kind: 'delight',
        value: [2, 3, 3, 3, 4, 4][i],
        day,
      });
      await apiCall(page, 'POST', '/pulses', {
        kind: 'clarity',
        value: [2, 2, 3, 4, 4, 5][i],
        day,
      });
    }
    const thisWeek = now.week;
    const weekBack = (n: number) => weekOf(addDays(now.day, -7 * n));
    const plan: Array<[number, string, boolean]> = [
      [5, 'Interview five freelancers about invoicing', true],
      [4, 'Landing page with a waiting list', true],
      [3, 'First invoice flow working end to end', true],
      [3, 'Ten people on the waiting list', false],
      [2, 'Onboarding in under five minutes', true],
      [1, 'Three pilots paying', true],
      [1, 'Payment reminders', false],
    ];
    for (const [back, title, done] of plan) {
      const m = await apiCall<{ id: string }>(page, 'POST', `/goals/${goalId}/micro-goals`, {
        title,
        week: weekBack(back),
      });
      if (done) await apiCall(page, 'POST', `/micro-goals/${m.id}/complete`, {});
    }
    for (const title of ['Book five demo calls', 'Ship the invoice export']) {
      await apiCall(page, 'POST', `/goals/${goalId}/micro-goals`, { title, week: thisWeek });
    }

    await page.reload();
    await page
      .getByTestId('road-text')
      .getByText(/^Latest 5 customers/)
      .waitFor();
    // Record today's value inline, from the keyboard: v focuses the value.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('v');
    const value = page
      .getByRole('form', { name: 'Record Paying customers' })
      .getByLabel('Value (customers)');
    await expect
      .poll(() => value.evaluate((el) => el === document.activeElement), { timeout: WAIT })
      .toBe(true);
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('road-text')
      .getByText(/^Latest 6 customers/)
      .waitFor();
    await page
      .getByTestId('forecast')
      .getByText(/At .* a week, it reaches 10 customers around/)
      .waitFor();
    await page
      .getByRole('img', {
        name: /Paying customers: 7 measurements.*road from 0 customers.*forecast/,
      })
      .waitFor();
    // A value that is not a number is refused in place.
    await value.fill('lots');
    await page
      .getByRole('form', { name: 'Record Paying customers' })
      .getByRole('button', { name: 'Record' })
      .click();
    const notNumber = page.getByRole('alert').filter({ hasText: 'Enter a number, e.g. 12 or 4.5' });
    await notNumber.waitFor();
    expect(await value.getAttribute('aria-invalid')).toBe('true');
    await value.fill('');
    await notNumber.waitFor({ state: 'detached' });

    // A supporting metric is recorded beside the primary one.
    const callsForm = page.getByRole('form', { name: 'Record Demo calls' });
    await callsForm.getByLabel('Value (calls)').fill('6');
    await callsForm.getByRole('button', { name: 'Record' }).click();
    await page.getByRole('img', { name: /^Demo calls: 7 measurements, latest 6 calls/ }).waitFor();

    // Pulses beside the metrics, and one recorded here.
    await page.getByRole('img', { name: /Weekly pulse averages from 1 to 5/ }).waitFor();
    const pulse = page.getByRole('form', { name: 'Record a pulse' });
    await pulse.getByLabel('Pulse').selectOption('clarity');
    await pulse.getByRole('radio', { name: '5' }).check();
    await pulse.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('notice').getByText('Clarity of vision recorded: 5 of 5.').waitFor();

    // The micro-goal burn-up over the weeks.
    await page
      .getByRole('img', { name: /Micro-goal burn-up over 6 weeks: 5 of 9 micro-goals done/ })
      .waitFor();

    // Edit the goal with d.
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('d');
    const edit = page.getByRole('dialog', { name: 'Edit the goal' });
    await edit.waitFor();
    await edit
      .getByLabel('Leverage point')
      .fill('A first invoice sent within five minutes of signing up');
    await edit.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByText('A first invoice sent within five minutes of signing up').waitFor();
    await page.getByTestId('notice').waitFor({ state: 'detached', timeout: WAIT });
    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await page.waitForTimeout(300);
    await checkA11y(page, 'Goal');
    await screenshot(page, 'goal');

    // ── Week: this week's micro-goals, done and added, with over-commit warnings ─
    await nav.getByRole('link', { name: 'Week', exact: true }).click();
    await page.getByRole('heading', { name: 'Week', level: 1 }).waitFor();
    await page.getByTestId('week-label').getByText(`This week · ${thisWeek}`).waitFor();
    const block = page.getByRole('group', { name: 'Ten paying customers for the invoicing app' });
    await block.getByRole('listitem', { name: /^Book five demo calls, Planned/ }).waitFor();
    await checkA11y(page, 'Week');

    // A refused completion is taken back, with the reason.
    await page.route('**/complete', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'conflict', message: 'The server said no.' } }),
      }),
    );
    await page.getByRole('button', { name: 'Done: Book five demo calls' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Could not complete “Book five demo calls”: The server said no.' })
      .waitFor();
    await block.getByRole('listitem', { name: /^Book five demo calls, Planned/ }).waitFor();
    await page.unroute('**/complete');
    await page.getByRole('button', { name: 'Done: Book five demo calls' }).click();
    await page.getByTestId('celebration').waitFor();
    await block.getByRole('listitem', { name: /^Book five demo calls, Done/ }).waitFor();
    await page
      .getByTestId('week-summary')
      .getByText(/^1 of 2 micro-goals done/)
      .waitFor();

    // Two more make four for one goal: the week warns; dropping one clears it.
    const addForm = page.getByRole('form', {
      name: 'Add a micro-goal to Ten paying customers for the invoicing app',
    });
    for (const title of ['Send ten cold emails', 'Redesign the logo']) {
      await addForm.getByLabel('New micro-goal').fill(title);
      await addForm.getByRole('button', { name: 'Add' }).click();
      await block.getByRole('listitem', { name: new RegExp(`^${title}, Planned`) }).waitFor();
    }
    await page
      .getByTestId('week-warnings')
      .getByText(/has 4 micro-goals this week/)
      .waitFor();
    await page.getByRole('button', { name: 'Drop: Redesign the logo' }).click();
    await block.getByRole('listitem', { name: /^Redesign the logo, Dropped/ }).waitFor();
    await page.getByTestId('week-warnings').waitFor({ state: 'detached' });
    // An empty micro-goal gets the API's message in place.
    await addForm.getByRole('button', { name: 'Add' }).click();
    await addForm.getByRole('alert').filter({ hasText: 'must not be empty' }).waitFor();

    // The week's result, kept after a reload.
    await page
      .getByLabel(`What ${thisWeek} produced`)
      .fill('Two demo calls booked; export half done.');
    await page.getByLabel(`What ${thisWeek} produced`).press('Control+Enter');
    await page.getByTestId('notice').getByText('Result saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Week', level: 1 }).waitFor();
    expect(await page.getByLabel(`What ${thisWeek} produced`).inputValue()).toBe(
      'Two demo calls booked; export half done.',
    );

    // Last week: an unfinished task there is carried to today.
    const lastWeekDay = addDays(now.day, -7);
    await apiCall(page, 'POST', '/tasks', {
      title: 'Call the accountant back',
      minutes: 30,
      day: lastWeekDay,
    });
    await apiCall(page, 'POST', '/tasks', {
      title: 'Draft the pricing page',
      minutes: 45,
      day: lastWeekDay,
    });
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('[');
    await page
      .getByTestId('week-label')
      .getByText(`Last week · ${weekOf(lastWeekDay)}`)
      .waitFor();
    await page.getByRole('list', { name: 'Unfinished tasks' }).waitFor();
    await page.getByRole('table').getByText('0 of 2').waitFor();
    await page.getByRole('button', { name: 'Carry to today: Call the accountant back' }).click();
    await page
      .getByTestId('notice')
      .getByText('“Call the accountant back” moved to today.')
      .waitFor();
    await page
      .getByRole('list', { name: 'Unfinished tasks' })
      .getByText('Call the accountant back')
      .waitFor({ state: 'detached' });
    await checkA11y(page, 'Week (last week)');
    await page.keyboard.press('.');
    await page.getByTestId('week-label').getByText(`This week · ${thisWeek}`).waitFor();

    // Plan next week: carry the unfinished micro-goal, warn while over-committing, then save.
    await page.getByRole('button', { name: 'Plan next week' }).click();
    const next = weekOf(addDays(now.day, 7));
    const planDialog = page.getByRole('dialog', { name: new RegExp(`^Plan ${next}`) });
    await planDialog.waitFor();
    await planDialog.getByRole('checkbox', { name: /Ship the invoice export/ }).waitFor();
    expect(
      await planDialog.getByRole('checkbox', { name: /Send ten cold emails/ }).isChecked(),
    ).toBe(true);
    await planDialog.getByRole('checkbox', { name: /Send ten cold emails/ }).uncheck();
    const newOnes = planDialog.getByLabel(
      'New micro-goals for Ten paying customers for the invoicing app',
    );
    await newOnes.fill('Five paying customers\nInvoice templates\nA referral offer');
    await planDialog
      .getByTestId('plan-warnings')
      .getByText(/would have 4 micro-goals/)
      .waitFor();
    await checkA11y(page, 'Plan next week (warning)');
    await newOnes.fill('Five paying customers\nA referral offer');
    await planDialog.getByTestId('plan-warnings').waitFor({ state: 'detached' });
    await planDialog
      .getByLabel('The plan in a few words')
      .fill('Turn the pilots into paying customers.');
    await planDialog.getByRole('button', { name: `Save the plan for ${next}` }).click();
    await page.getByTestId('week-label').getByText(`Next week · ${next}`).waitFor();
    for (const title of ['Ship the invoice export', 'Five paying customers', 'A referral offer'])
      await block.getByRole('listitem', { name: new RegExp(`^${title}, Planned`) }).waitFor();
    expect(await page.getByLabel(`The plan for ${next}`).inputValue()).toBe(
      'Turn the pilots into paying customers.',
    );
    // The carried one is closed in this week.
    await page.keyboard.press('[');
    await block.getByRole('listitem', { name: /^Ship the invoice export, Dropped/ }).waitFor();
    await block.getByRole('listitem', { name: /^Send ten cold emails, Planned/ }).waitFor();
    await page.getByTestId('notice').waitFor({ state: 'detached', timeout: WAIT });
    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await screenshot(page, 'week');

    // Dark theme: the same checks.
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await checkA11y(page, 'Week (dark)');
    await page.goto(goalUrl);
    await page
      .getByRole('heading', { name: 'Ten paying customers for the invoicing app', level: 1 })
      .waitFor();
    await page.getByRole('img', { name: /Micro-goal burn-up/ }).waitFor();
    await checkA11y(page, 'Goal (dark)');
    await screenshot(page, 'goal-dark');
    await page.getByRole('button', { name: /Switch to light theme/ }).click();
    await page.goto('/goals');
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
    await goalLink.waitFor();
    await screenshot(page, 'goals');
    expect(pageProblems(page)).toEqual([]);

    // ── Phone width: the goal page and the week fit and pass axe ───────────────
    const phone = await e2e.page({ width: 390, height: 844 });
    await login(phone, account.email, account.password);
    await phone.goto(goalUrl);
    await phone
      .getByRole('heading', { name: 'Ten paying customers for the invoicing app', level: 1 })
      .waitFor();
    await phone.getByRole('img', { name: /Paying customers: 7 measurements/ }).waitFor();
    expect(await overflow(phone)).toEqual([]);
    await checkA11y(phone, 'Goal (phone)');
    await screenshot(phone, 'goal-phone');
    await phone.goto('/week');
    await phone.getByRole('heading', { name: 'Week', level: 1 }).waitFor();
    await phone.getByRole('listitem', { name: /^Book five demo calls, Done/ }).waitFor();
    expect(await overflow(phone)).toEqual([]);
    await checkA11y(phone, 'Week (phone)');
    await screenshot(phone, 'week-phone');
    expect(pageProblems(phone)).toEqual([]);
  });
});
