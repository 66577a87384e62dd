import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

describe('Today in the browser', { timeout: 240_000 }, () => {
  it('sign up → playbook → plan and finish a task → check in by keyboard → log a win with w → all kept after a reload', async () => {
    const page = await e2e.page();
    await signUp(page, { name: 'Ana Builder' });
    await page
      .getByRole('button', { name: 'Start with this for Side project: ship to first users' })
      .waitFor();
    await checkA11y(page, 'onboarding');
    await screenshot(page, 'onboarding');

    await page
      .getByRole('button', { name: 'Start with this for Side project: ship to first users' })
      .click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    // The playbook's goal, its routine due today, and an empty task list that says what to do.
    await expect
      .poll(() => page.getByText('Ship my side project to its first users').count(), {
        timeout: WAIT,
      })
      .toBeGreaterThan(0);
    const routine = page.getByRole('listitem', { name: /^Build session, not checked in/ });
    await routine.waitFor();
    await page.getByText('No tasks planned for today.').waitFor();
    await checkA11y(page, 'Today (empty)');

    // Plan a step of one of the playbook's micro-goals, and finish it.
    await page.getByLabel('New task').fill('Write down the one thing a first user needs');
    await page.getByLabel('Minutes').first().fill('30');
    await page
      .getByLabel('Micro-goal')
      .selectOption({ label: 'Cut the scope to the one thing a first user needs' });
    await page.getByRole('button', { name: 'Add task' }).click();
    const task = page.getByRole('listitem', {
      name: /^Write down the one thing a first user needs, 30 minutes, Planned/,
    });
    await task.waitFor();
    await page
      .getByRole('button', { name: 'Done: Write down the one thing a first user needs' })
      .click();
    await page.getByTestId('celebration').waitFor();
    await page
      .getByRole('listitem', {
        name: /^Write down the one thing a first user needs, 30 minutes, Done/,
      })
      .waitFor();

    // Keyboard: j moves to the routine, x asks for its number (it is counted in minutes), Enter saves.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), {
        timeout: WAIT,
      })
      .toMatch(/^Build session/);
    await page.keyboard.press('x');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), {
        timeout: WAIT,
      })
      .toBe('Build session: minutes');
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.getByRole('listitem', { name: /^Build session, Done, streak 1/ }).waitFor();

    // w opens the win input; Enter saves it.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('w');
    const winInput = page.getByLabel('What went well?');
    await expect
      .poll(() => winInput.evaluate((el) => el === document.activeElement), { timeout: WAIT })
      .toBe(true);
    await page.keyboard.type('A stranger asked when they can try it');
    await page.keyboard.press('Enter');
    const wins = page.getByRole('list', { name: 'Wins today' });
    await wins.getByText('A stranger asked when they can try it').waitFor();
    await page
      .getByTestId('today-summary')
      .getByText('1 of 1 tasks done · 1 of 1 routines')
      .waitFor();
    await page.getByTestId('celebration').waitFor({ state: 'detached', timeout: WAIT });
    await checkA11y(page, 'Today');
    await screenshot(page, 'today');

    await page.reload();
    await page
      .getByRole('listitem', {
        name: /^Write down the one thing a first user needs, 30 minutes, Done/,
      })
      .waitFor();
    await page.getByRole('listitem', { name: /^Build session, Done, streak 1/ }).waitFor();
    await wins.getByText('A stranger asked when they can try it').waitFor();
    // Finishing the task earned its own win too.
    await wins.getByText('Write down the one thing a first user needs').waitFor();

    // The dark theme passes the same checks, and the choice survives a reload.
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkA11y(page, 'Today (dark)');
    await screenshot(page, 'today-dark');
    await page.getByRole('button', { name: /Switch to light theme/ }).click();

    // Every main view opens from the navigation and passes axe.
    for (const name of [
      'Week',
      'Goals',
      'Systems',
      'Experiments',
      'Journal',
      'Energy',
      'People',
      'Team',
      'Reports',
      'Settings',
    ]) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name, exact: true })
        .click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      // Each view's own journey takes its screenshot, with data in it; here every view is only checked.
      await checkA11y(page, name);
    }

    // Keyboard: g t goes to Today, ? lists the shortcuts, Ctrl+K runs a command.
    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.keyboard.press('?');
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await checkA11y(page, 'shortcut overlay');
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Type a command or a view' });
    await palette.waitFor();
    await palette.fill('week');
    await checkA11y(page, 'command palette');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Week', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    await palette.fill('log a win');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () => page.getByLabel('What went well?').evaluate((el) => el === document.activeElement),
        { timeout: WAIT },
      )
      .toBe(true);

    expect(pageProblems(page)).toEqual([]);
  });

  it('shows the API message inline for a task outside 15–60 minutes, and takes back a refused check-in', async () => {
    const page = await e2e.page();
    await signUp(page, { name: 'Ben Checker' });
    await page
      .getByRole('button', { name: 'Start with this for Career pivot by small lateral moves' })
      .click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();

    await page.keyboard.press('n');
    const title = page.getByLabel('New task');
    await expect
      .poll(() => title.evaluate((el) => el === document.activeElement), { timeout: WAIT })
      .toBe(true);
    await title.fill('Rewrite the whole CV');
    const minutes = page.getByLabel('Minutes').first();
    await minutes.fill('90');
    await page.getByRole('button', { name: 'Add task' }).click();
    const message = page
      .getByRole('alert')
      .filter({ hasText: 'A task is 15–60 minutes; split longer work into several tasks.' });
    await message.waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    expect(await minutes.getAttribute('aria-describedby')).toContain(
      await message.getAttribute('id'),
    );
    await checkA11y(page, 'Today with a field error');
    await screenshot(page, 'task-validation');

    await minutes.fill('45');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page
      .getByRole('listitem', { name: /^Rewrite the whole CV, 45 minutes, Planned/ })
      .waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBeNull();

    // The server refuses the next check-in: the row shows it at once, then goes back, with the reason.
    const routine = page.getByRole('listitem', { name: /^Learning block, not checked in/ });
    await routine.waitFor();
    await page.route('**/check-ins', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'conflict', message: 'The server said no.' } }),
      }),
    );
    await page.getByRole('button', { name: 'Check in: Learning block' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Could not check in “Learning block”: The server said no.' })
      .waitFor();
    await page.getByRole('listitem', { name: /^Learning block, not checked in/ }).waitFor();
    await page.unroute('**/check-ins');
    await page.getByRole('button', { name: 'Check in: Learning block' }).click();
    await page.getByRole('listitem', { name: /^Learning block, Done/ }).waitFor();
  });
});
