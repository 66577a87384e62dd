import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

/** A call to the API from inside the page (same origin, the session's cookie). */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([method, path, body]) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    [method, path, body] as const,
  );
}

async function startFresh(page: Page, name: string): Promise<void> {
  await signUp(page, { name });
  await page.getByRole('button', { name: 'Start blank' }).click();
  await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
}

async function openFeed(page: Page, teamId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team feed', exact: true }).click();
  await page.getByRole('heading', { name: 'Team feed', level: 1 }).waitFor();
  await page.getByLabel('Workspace').selectOption(teamId);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
}

describe('team feed', { timeout: 240_000 }, () => {
  it('shows a teammate’s shared win live, and the kudos given back', async () => {
    const ana = await e2e.page({ isolated: true });
    await startFresh(ana, 'Ana Builder');
    const team = await apiCall<{ id: string }>(ana, 'POST', '/workspaces', { name: 'Launch crew' });
    const { token } = await apiCall<{ token: string }>(ana, 'POST', `/workspaces/${team.id}/invitations`, { role: 'member' });
    const ben = await e2e.page({ isolated: true });
    await startFresh(ben, 'Ben Helper');
    await apiCall(ben, 'POST', '/invitations/accept', { token });

    await openFeed(ana, team.id);
    await openFeed(ben, team.id);
    const benWins = ben.getByRole('list', { name: 'Shared wins' });

    // Ana shares a win; Ben's open feed shows it without reloading.
    await ana.getByLabel('Share a win with the team').fill('Signed our first customer');
    await ana.getByRole('button', { name: 'Share win' }).click();
    await benWins.getByText('Signed our first customer').waitFor({ timeout: WAIT });
    // A private win never reaches Ben.
    await apiCall(ana, 'POST', `/workspaces/${team.id}/wins`, { title: 'Private thought', visibility: 'private' });

    // Ben gives kudos; Ana sees the count change live.
    const kudos = ben.getByRole('button', { name: /Kudos/ });
    await kudos.click();
    await expect.poll(() => kudos.getAttribute('aria-pressed'), { timeout: WAIT }).toBe('true');
    await ana.getByLabel('1 kudos').waitFor({ timeout: WAIT });
    expect(await ben.getByText('Private thought').count()).toBe(0);

    await checkA11y(ben, 'Team feed');
    await screenshot(ben, 'feed');
    expect(pageProblems(ana)).toEqual([]);
    expect(pageProblems(ben)).toEqual([]);
  });
});
