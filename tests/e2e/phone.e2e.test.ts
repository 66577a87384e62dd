import { describe, expect, it } from 'vitest';
import { checkA11y, screenshot, signUp, useE2E } from './fixtures.js';

const e2e = useE2E();

describe('Today at phone width (390×844)', { timeout: 180_000 }, () => {
  it('plans and finishes a task, checks in, and reaches every view from the menu', async () => {
    const page = await e2e.page({ width: 390, height: 844 });
    await signUp(page, { name: 'Eve Mobile' });
    await checkA11y(page, 'onboarding (phone)');
    await page
      .getByRole('button', { name: 'Start with this for Career pivot by small lateral moves' })
      .click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();

    await page.getByLabel('New task').fill('Ask one person about their job');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByRole('button', { name: 'Done: Ask one person about their job' }).click();
    await page
      .getByRole('listitem', { name: /^Ask one person about their job, 30 minutes, Done/ })
      .waitFor();
    await page.getByRole('button', { name: 'Minimum: Learning block' }).click();
    await page.getByRole('listitem', { name: /^Learning block, Minimum/ }).waitFor();

    // Nothing runs off the side of the screen.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter(
          (el) =>
            el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
            getComputedStyle(el).position !== 'fixed',
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(wide).toEqual([]);
    await page.getByTestId('celebration').waitFor({ state: 'detached' });
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    await checkA11y(page, 'Today (phone)');
    await screenshot(page, 'today-phone');

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav.getByRole('link', { name: 'Week', exact: true }).click();
    await page.getByRole('heading', { name: 'Week', level: 1 }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    await checkA11y(page, 'menu (phone)');
    await nav.getByRole('link', { name: 'Today', exact: true }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
  });
});
