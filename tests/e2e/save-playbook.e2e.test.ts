import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E } from './fixtures.js';

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

/** Open the app in a workspace, as choosing it in the app does (the choice is kept on the device). */
async function openIn(page: Page, workspaceId: string, path: string): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('smallwins-workspace', id), workspaceId);
  await page.goto(path);
}

/* A team saves a goal that worked as a playbook, with its checklist and template; a second team
   imports it and starts from it on the playbooks page, getting the checklist and the template. */
describe('Save a goal as a playbook in the browser', { timeout: 300_000 }, () => {
  it('goal page → Save as playbook (choosing what travels) → listed → applied in another team', async () => {
    const page = await e2e.page({ isolated: true });
    await signUp(page, { name: 'Pia Planner' });
    const team = await api<{ id: string }>(page, 'POST', '/workspaces', { name: 'Food bank' });
    const ws = `/workspaces/${team.id}`;
    const { goal } = await api<{ goal: { id: string } }>(page, 'POST', `${ws}/goals`, {
      title: 'Feed 200 families a week',
      purpose: 'Nobody on our streets goes hungry',
    });
    await api(page, 'POST', `${ws}/goals/${goal.id}/metrics`, {
      name: 'Families fed',
      unit: 'families',
      target: 200,
    });
    await api(page, 'POST', `${ws}/goals/${goal.id}/micro-goals`, { title: 'Sign up three shops' });
    await api(page, 'POST', `${ws}/checklists`, {
      name: 'Open the pantry',
      items: ['Unlock the hall', 'Sort the shelves'],
    });
    await api(page, 'POST', `${ws}/checklists`, { name: 'Our private list', items: ['Secret'] });
    await api(page, 'POST', `${ws}/templates`, {
      name: 'Collection drive',
      steps: [
        { title: 'Call the shops', minutes: 45, dayOffset: 0 },
        { title: 'Collect the boxes', minutes: 60, dayOffset: 3 },
      ],
    });

    // The goal's page, in the team: the dialog shows what the playbook will take.
    await openIn(page, team.id, `/goals/${goal.id}`);
    await page.getByRole('heading', { name: 'Feed 200 families a week', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save as playbook' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Save as playbook' }).waitFor();
    await expect.poll(() => dialog.getByLabel('Key').inputValue()).toBe('feed-200-families-a-week');
    await dialog.getByText('★ Families fed').waitFor();
    await dialog.getByText('Sign up three shops').waitFor();
    const lists = dialog.getByRole('group', { name: 'Checklists' });
    await lists.getByLabel('Open the pantry').waitFor();
    await expect.poll(() => lists.getByLabel('Our private list').isChecked()).toBe(true);
    await expect
      .poll(() =>
        dialog.getByRole('group', { name: 'Templates' }).getByLabel('Collection drive').isChecked(),
      )
      .toBe(true);
    await checkA11y(page, 'Save as playbook');

    // Leave one checklist out; a key that is not one is refused under its field.
    await dialog.getByLabel('Key').fill('food-bank');
    await dialog.getByLabel('Name').fill('Food bank: steady weekly parcels');
    await dialog.getByLabel('Description').fill('How we went from 50 to 200 families.');
    await lists.getByLabel('Our private list').uncheck();
    await screenshot(page, 'save-playbook');
    await dialog.getByLabel('Key').fill('Food Bank!');
    await dialog.getByRole('button', { name: 'Save the playbook' }).click();
    await dialog.getByText(/must be 2–40 lowercase letters/).waitFor();
    await dialog.getByLabel('Key').fill('food-bank');
    await dialog.getByRole('button', { name: 'Save the playbook' }).click();
    await dialog.getByRole('heading', { name: 'Playbook saved' }).waitFor();

    const saved = await api<{
      body: { checklists: { name: string }[]; templates: { name: string }[] };
    }>(page, 'GET', `${ws}/playbooks/food-bank`);
    expect(saved.body.checklists.map((c) => c.name)).toEqual(['Open the pantry']);
    expect(saved.body.templates.map((t) => t.name)).toEqual(['Collection drive']);

    // Listed with the other playbooks, saying what it brings.
    await dialog.getByRole('link', { name: 'See the playbooks' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Food bank: steady weekly parcels' });
    await card.getByText('Saved in this workspace').waitFor();
    await card
      .getByText('Brings the checklist “Open the pantry” and the template “Collection drive”.')
      .waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Nonprofit' })
      .getByText(/Brings the checklist “Welcome a new volunteer”/)
      .waitFor();
    await checkA11y(page, 'Playbooks');

    // A second team imports the file and starts from it in the browser.
    const second = await api<{ id: string }>(page, 'POST', '/workspaces', { name: 'Second site' });
    await api(page, 'POST', `/workspaces/${second.id}/playbooks`, { ...saved, key: 'food-bank' });
    await openIn(page, second.id, '/welcome');
    await page
      .getByRole('button', { name: 'Start with this for Food bank: steady weekly parcels' })
      .click();
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const there = `/workspaces/${second.id}`;
    const checklists = await api<{ items: { name: string; items: { text: string }[] }[] }>(
      page,
      'GET',
      `${there}/checklists`,
    );
    expect(checklists.items.map((c) => [c.name, c.items.map((i) => i.text)])).toEqual([
      ['Open the pantry', ['Unlock the hall', 'Sort the shelves']],
    ]);
    const templates = await api<{ items: { name: string; steps: { title: string }[] }[] }>(
      page,
      'GET',
      `${there}/templates`,
    );
    expect(templates.items.map((t) => [t.name, t.steps.map((s) => s.title)])).toEqual([
      ['Collection drive', ['Call the shops', 'Collect the boxes']],
    ]);
    const goals = await api<{ items: { title: string }[] }>(page, 'GET', `${there}/goals`);
    expect(goals.items.map((g) => g.title)).toEqual(['Feed 200 families a week']);

    expect(pageProblems(page)).toEqual([]);
  });
});
