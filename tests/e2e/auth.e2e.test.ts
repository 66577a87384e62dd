import { describe, expect, it } from 'vitest';
import { checkA11y, login, PASSWORD, screenshot, signUp, useE2E } from './fixtures.js';

const e2e = useE2E();

describe('signing in and out', { timeout: 180_000 }, () => {
  it('logs out and back in; a wrong password is said inline; a deep link survives the login', async () => {
    const page = await e2e.page();
    const { email } = await signUp(page, { name: 'Chloe Login' });
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByText('No routine is due today.').waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    await checkA11y(page, 'login');
    await screenshot(page, 'login');
    // The session really ended: the API refuses it.
    expect((await page.request.get('/api/v1/me')).status()).toBe(401);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await checkA11y(page, 'login with an error');

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();

    // Signed out, a deep link asks for a login and then goes where it was headed.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    await page.goto('/goals');
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fgoals');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
  });

  it('signs up with field messages from the API, then logs in with the helper', async () => {
    const page = await e2e.page();
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Dev Short');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'must be an email address such as ana@example.com' })
      .waitFor();
    await page.getByRole('alert').filter({ hasText: 'must be at least 10 characters' }).waitFor();
    await checkA11y(page, 'sign-up with errors');
    await screenshot(page, 'signup-errors');

    const { email } = await signUp(page, { name: 'Dev Short' });
    await page.context().clearCookies();
    await login(page, email);
  });
});
