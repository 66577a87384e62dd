import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();

/** A JSON call from inside the page: same origin, with the session cookie, as the app makes it. */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, path, body },
  ) as Promise<T>;
}

/* Two people in one team: the owner delegates a task and offers another; the member finds the first
   in My work and on Today, and picks up the second with one click. */
describe('Team work in the browser', { timeout: 300_000 }, () => {
  it('owner assigns → member sees it in My work and on Today → member picks up an open task', async () => {
    const owner = await e2e.page({ isolated: true });
    await signUp(owner, { name: 'Olga Owner' });
    const team = await api<{ id: string }>(owner, 'POST', '/workspaces', { name: 'Volunteers' });
    const ws = `/workspaces/${team.id}`;
    const { token } = await api<{ token: string }>(owner, 'POST', `${ws}/invitations`, {
      role: 'member',
    });

    const member = await e2e.page({ isolated: true });
    const { email } = await signUp(member, { name: 'Max Member' });
    await api(member, 'POST', '/invitations/accept', { token });

    const flyers = await api<{ id: string }>(owner, 'POST', `${ws}/tasks`, {
      title: 'Print the flyers',
      minutes: 30,
    });
    await api(owner, 'PUT', `${ws}/tasks/${flyers.id}/assignee`, { assignee: email });
    const chairs = await api<{ id: string }>(owner, 'POST', `${ws}/tasks`, {
      title: 'Set up the chairs',
      minutes: 45,
    });
    await api(owner, 'POST', `${ws}/tasks/${chairs.id}/offer`);
    await api(owner, 'POST', `${ws}/tasks`, { title: 'Olga keeps this one', minutes: 15 }).then(
      (t) =>
        api(owner, 'PUT', `${ws}/tasks/${(t as { id: string }).id}/assignee`, {
          assignee: 'Olga Owner',
        }),
    );

    // The member opens My work and switches to the team.
    await member.getByRole('button', { name: 'Start blank' }).click();
    await member.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const nav = member.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My work', exact: true }).click();
    await member.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
    await member.getByLabel('Workspace').selectOption({ label: 'Volunteers' });
    const mine = member.getByRole('list', { name: 'Mine' });
    await mine.getByText('Print the flyers').waitFor();
    await checkA11y(member, 'My work');

    // Open for pickup: one click makes it theirs.
    await member.getByRole('tab', { name: /Open for pickup/ }).click();
    await member.getByRole('button', { name: 'Pick up: Set up the chairs' }).click();
    await member.getByText('No task is open for pickup right now.').waitFor();
    await member.getByRole('tab', { name: /Mine/ }).click();
    await mine.getByText('Set up the chairs').waitFor();
    await screenshot(member, 'my-work');
    const stored = await api<{ assigneeName: string }>(owner, 'GET', `${ws}/tasks/${chairs.id}`);
    expect(stored).toMatchObject({ assigneeId: expect.any(String), openForPickup: false });

    // Today in the team: the member's own tasks, not the owner's.
    await nav.getByRole('link', { name: 'Today', exact: true }).click();
    await member.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await member.getByRole('listitem', { name: /^Print the flyers, 30 minutes/ }).waitFor();
    await member.getByRole('listitem', { name: /^Set up the chairs, 45 minutes/ }).waitFor();
    await expect
      .poll(() => member.getByText('Olga keeps this one').count(), { timeout: WAIT })
      .toBe(0);

    expect(pageProblems(member)).toEqual([]);
    expect(pageProblems(owner)).toEqual([]);
  });
});
