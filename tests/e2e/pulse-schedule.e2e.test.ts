import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

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

async function open(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/* An admin sets the team's pulse schedule in the Team view; a member opens the emailed link,
   answers the due pulse on Today in two goes, and the card goes away. */
describe('Team pulses on a schedule in the browser', { timeout: 300_000 }, () => {
  it('admin sets the schedule → member answers the due pulse on Today → the card goes away', async () => {
    const owner = await e2e.page({ isolated: true });
    await signUp(owner, { name: 'Olga Owner' });
    await owner.getByRole('button', { name: 'Start blank' }).click();
    await owner.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    // No schedule yet: Today shows no pulse card.
    expect(await owner.getByRole('region', { name: 'Team pulse' }).count()).toBe(0);

    await open(owner, 'Team');
    await owner.getByLabel('New team workspace').fill('Crew');
    await owner.getByRole('button', { name: 'Create', exact: true }).click();
    await owner.getByRole('heading', { name: 'Members of Crew' }).waitFor();
    const me = await api<{ workspaces: Array<{ id: string; name: string }> }>(owner, 'GET', '/me');
    const crew = me.workspaces.find((w) => w.name === 'Crew')!;
    const ws = `/workspaces/${crew.id}`;
    // The day a round opens is the member's own day: today, read the way the server reads it.
    const { day } = await api<{ day: string }>(owner, 'GET', `${ws}/today`);
    const weekday = WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;

    const form = owner.getByRole('form', { name: 'Pulse schedule' });
    await form.getByLabel('Customer delight').uncheck();
    await form.getByRole('button', { name: 'Add a question' }).click();
    await form.getByLabel('Question 1', { exact: true }).fill('Do we know who our customer is?');
    await form.getByLabel('Day', { exact: true }).selectOption(weekday);
    await form.getByLabel('Time', { exact: true }).fill('00:00');
    await form.getByLabel('How often').selectOption('Every other week');
    await form.getByRole('button', { name: 'Save pulse schedule' }).click();
    await owner.getByTestId('notice').filter({ hasText: 'Pulse schedule saved.' }).waitFor();
    const panel = owner.getByRole('region', { name: 'Pulse schedule' });
    await panel.getByText(`Every other week on ${weekday} at 00:00`).waitFor();
    await panel
      .getByText('Morale · Clarity of vision · “Do we know who our customer is?”')
      .waitFor();
    await checkA11y(owner, 'Team with the pulse schedule');
    await screenshot(owner, 'team-pulse-schedule');

    // A member joins.
    const { token } = await api<{ token: string }>(owner, 'POST', `${ws}/invitations`, {
      role: 'member',
    });
    const member = await e2e.page({ isolated: true });
    await signUp(member, { name: 'Max Member' });
    await api(member, 'POST', '/invitations/accept', { token });
    await member.getByRole('button', { name: 'Start blank' }).click();
    await member.getByRole('heading', { name: 'Today', level: 1 }).waitFor();

    // The member reads the schedule, but may not change it.
    await member.goto(`/team?workspace=${crew.id}`);
    await member.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    const readOnly = member.getByRole('region', { name: 'Pulse schedule' });
    await readOnly.getByText('Only owners and admins change the schedule.').waitFor();
    expect(await member.getByRole('form', { name: 'Pulse schedule' }).count()).toBe(0);

    // The link of the prompt email opens Today in the team, with the pulse card.
    await member.goto(`/today?workspace=${crew.id}`);
    await member.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(new URL(member.url()).search).toBe('');
    const card = member.getByRole('region', { name: 'Team pulse' });
    await card.getByText(/^3 quick questions, open until the end of/).waitFor();
    await checkA11y(member, 'Today with the pulse card');
    await screenshot(member, 'today-pulse');

    // Two answers and a private note first; the third later.
    await card.getByRole('radio', { name: 'Morale: 4 of 5' }).check();
    await card.getByRole('radio', { name: 'Do we know who our customer is?: 2 of 5' }).check();
    await card.getByLabel('Private note (optional)').fill('Roadmap felt fuzzy this week');
    await card.getByRole('button', { name: 'Send' }).click();
    await member.getByTestId('notice').filter({ hasText: '2 answers saved.' }).waitFor();
    await card.getByText(/^1 quick question, open until/).waitFor();
    expect(await card.getByRole('group').count()).toBe(1);
    // With the keyboard: focus the first choice, move with the arrows, send.
    await card.getByRole('radio', { name: 'Clarity of vision: 1 of 5' }).focus();
    await member.keyboard.press('ArrowRight');
    await member.keyboard.press('ArrowRight');
    expect(await card.getByRole('radio', { name: 'Clarity of vision: 3 of 5' }).isChecked()).toBe(
      true,
    );
    await card.getByRole('button', { name: 'Send' }).click();
    await member
      .getByTestId('notice')
      .filter({ hasText: 'Thank you: your pulse is in.' })
      .waitFor();
    await card.waitFor({ state: 'detached' });

    // Stored as the member's own pulses, the note with them; the due list is empty.
    const mine = await api<{ items: Array<{ kind: string; value: number; note: string }> }>(
      member,
      'GET',
      `${ws}/pulses/mine`,
    );
    expect(mine.items.map((p) => [p.kind, p.value])).toEqual(
      expect.arrayContaining([
        ['morale', 4],
        ['custom', 2],
        ['clarity', 3],
      ]),
    );
    expect(mine.items.find((p) => p.kind === 'morale')?.note).toBe('Roadmap felt fuzzy this week');
    const due = await api<{ remaining: number }>(member, 'GET', `${ws}/pulses/due`);
    expect(due.remaining).toBe(0);
    await member.reload();
    await member.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await expect
      .poll(() => member.getByRole('region', { name: 'Team pulse' }).count(), { timeout: WAIT })
      .toBe(0);

    expect(pageProblems(member)).toEqual([]);
    expect(pageProblems(owner)).toEqual([]);
  });
});
