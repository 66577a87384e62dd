import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, pageProblems, screenshot, signUp, useE2E, WAIT } from './fixtures.js';

const e2e = useE2E();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOOP_DB = join(
  ROOT,
  '..',
  'shared',
  'anchors',
  'loop',
  'uhabits-core-assets-test',
  'loop.db',
);

async function open(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('notice').filter({ hasText: text }).waitFor();
}

describe('Energy, People, Team and Settings in the browser', { timeout: 300_000 }, () => {
  it('logs energy and plans focus windows; adds contacts, logs a conversation and meets the weekly target', async () => {
    const page = await e2e.page();
    await signUp(page, { name: 'Ana Builder' });
    await page.goto('/energy');
    await page.getByRole('heading', { name: 'Energy', level: 1 }).waitFor();

    // Empty: the chart and the insights say what to do.
    await page.getByText('No energy logged in the last 30 days.').waitFor();
    await page.getByTestId('insights-thin').getByText('Not enough data yet.').waitFor();
    await page.getByText('No focus window planned.').waitFor();

    // A refused value is shown under its field, and nothing is kept.
    const log = page.getByRole('form', { name: 'Log energy' });
    await log.getByRole('button', { name: 'Log energy' }).click();
    await log.getByText('Pick a level from 1 to 5.').waitFor();
    await log.getByRole('radio', { name: '4 of 5, good' }).check();
    await log.getByLabel('Sleep (hours)').fill('30');
    await log.getByRole('button', { name: 'Log energy' }).click();
    const sleepError = log.getByRole('alert').filter({ hasText: 'must be at most 24 hours' });
    await sleepError.waitFor();
    expect(await log.getByLabel('Sleep (hours)').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('No energy logged in the last 30 days.').waitFor();

    await log.getByLabel('Sleep (hours)').fill('7.5');
    await log.getByLabel('Note').fill('Long walk at lunch');
    await log.getByRole('button', { name: 'Log energy' }).click();
    await notice(page, /Energy 4 logged for today/);
    const recent = page.getByRole('table');
    await recent.getByText('Long walk at lunch').waitFor();
    await recent.getByText('7.5 h').waitFor();
    await page
      .getByRole('img', {
        name: /Energy and sleep over the last 30 days: 1 days logged, average energy 4 of 5, average sleep 7.5 hours/,
      })
      .waitFor();

    // Yesterday too, from the day field.
    const yesterday = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() - 1);
      return d.toLocaleDateString('en-CA');
    });
    await log.getByRole('radio', { name: '2 of 5, low' }).check();
    await log.getByLabel('Sleep (hours)').fill('5');
    await log.getByLabel('Day').fill(yesterday);
    await log.getByRole('button', { name: /energy/ }).click();
    await page
      .getByTestId('energy-average')
      .getByText(/Average energy 3 · sleep 6\.3 h · 2 days logged/)
      .waitFor();

    // Focus windows: plan, refuse an overlap with the reason, delete.
    const focus = page.getByRole('form', { name: 'Plan a focus window' });
    await focus.getByLabel('Start').fill('09:00');
    await focus.getByLabel('Minutes').fill('90');
    await focus.getByLabel('Label').fill('Write the landing page');
    await focus.getByRole('button', { name: 'Plan' }).click();
    await page.getByText('09:00–10:30 Write the landing page').waitFor();
    await focus.getByLabel('Start').fill('10:00');
    await focus.getByLabel('Minutes').fill('300');
    await focus.getByRole('button', { name: 'Plan' }).click();
    await focus
      .getByRole('alert')
      .filter({ hasText: 'a focus window is 15–240 minutes' })
      .waitFor();
    await focus.getByLabel('Minutes').fill('60');
    await focus.getByRole('button', { name: 'Plan' }).click();
    await focus
      .getByRole('alert')
      .filter({ hasText: /overlap|09:00/i })
      .waitFor();
    await focus.getByLabel('Start').fill('14:00');
    await focus.getByLabel('Label').fill('Customer calls');
    await focus.getByRole('button', { name: 'Plan' }).click();
    await page.getByText('14:00–15:00 Customer calls').waitFor();
    await page.getByRole('button', { name: /^Delete focus window .* 14:00–15:00$/ }).click();
    await notice(page, /deleted/);
    await page.getByText('14:00–15:00 Customer calls').waitFor({ state: 'detached' });
    await page.getByText('09:00–10:30 Write the landing page').waitFor();

    await checkA11y(page, 'Energy');
    await screenshot(page, 'energy');

    // People.
    await open(page, 'People');
    await page.getByText('No contacts yet.').waitFor();
    await page.getByText('Add a contact to see who is waiting to hear from you.').waitFor();
    const add = page.getByRole('form', { name: 'Add a contact' });
    await add.getByLabel('Name').fill('Maya Lind');
    await add.getByLabel('Kind').selectOption('mentor');
    await add.getByLabel('Email (optional)').fill('not-an-email');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await add.getByRole('alert').filter({ hasText: 'must be an email address' }).waitFor();
    await add.getByLabel('Email (optional)').fill('maya@example.com');
    await add.getByRole('button', { name: 'Add contact' }).click();
    const contacts = page.getByRole('list', { name: 'Contacts', exact: true });
    await contacts.getByRole('listitem', { name: 'Maya Lind, Mentor, Never spoken to' }).waitFor();
    await expect.poll(() => add.getByLabel('Name').inputValue()).toBe('');
    await add.getByLabel('Name').fill('Oskar Berg');
    await add.getByLabel('Kind').selectOption('peer');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByRole('listitem', { name: 'Oskar Berg, Peer, Never spoken to' }).waitFor();
    // A duplicate name is refused with the API's message.
    await add.getByLabel('Name').fill('maya lind');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await add.getByRole('alert').first().waitFor();
    expect(await contacts.getByRole('listitem').count()).toBe(2);
    await add.getByLabel('Name').fill('');

    // Who is waiting, and this week's count against the target of 1.
    const overdue = page.getByRole('list', { name: 'Overdue contacts' });
    await overdue.getByText('Maya Lind').waitFor();
    await page.getByTestId('conversation-status').getByText('0 of 1').waitFor();

    await page.getByRole('button', { name: 'Log conversation with Maya Lind' }).click();
    const talk = page.getByRole('dialog', { name: 'Conversation with Maya Lind' });
    await talk.getByLabel('What did you talk about?').fill('Pricing, and who else to ask');
    await talk.getByRole('button', { name: 'Log conversation' }).click();
    await talk.waitFor({ state: 'hidden' });
    await contacts.getByRole('listitem', { name: 'Maya Lind, Mentor, Spoke today' }).waitFor();
    await page.getByTestId('conversation-status').getByText('Target met').waitFor();
    await overdue.getByText('Maya Lind').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'History of conversations with Maya Lind' }).click();
    await contacts.getByText('Pricing, and who else to ask').waitFor();

    // Edit a contact in its dialog.
    await page.getByRole('button', { name: 'Edit Oskar Berg' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Oskar Berg' });
    await edit.getByLabel('Kind').selectOption('customer');
    await edit.getByLabel('Note (optional)').fill('First paying customer');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await contacts
      .getByRole('listitem', { name: 'Oskar Berg, Customer, Never spoken to' })
      .waitFor();
    await contacts.getByText('First paying customer').waitFor();

    // The weekly target (an owner is an admin of their personal workspace).
    await page.getByRole('button', { name: 'Change the weekly target' }).click();
    await page.getByLabel('Weekly target').fill('2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await notice(page, 'Weekly target set to 2 conversations.');
    await page.getByTestId('conversation-status').getByText('1 of 2').waitFor();
    await page.getByTestId('conversation-status').getByText('1 to go').waitFor();

    await checkA11y(page, 'People');
    await screenshot(page, 'people');

    // Both survive a reload.
    await page.reload();
    await contacts.getByRole('listitem', { name: 'Maya Lind, Mentor, Spoke today' }).waitFor();
    await page.getByTestId('conversation-status').getByText('1 of 2').waitFor();
    expect(pageProblems(page)).toEqual([]);
  });

  it('settings: profile, theme, password, tokens, email, export, Loop import and restore; team: workspaces, invitations, roles', async () => {
    const page = await e2e.page();
    const owner = await signUp(page, { name: 'Olga Owner' });
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    // Profile: a time zone from the list, a start of day; an unknown zone is refused inline.
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Name').fill('Olga Ops');
    await profile.getByLabel('Time zone').fill('Mars/Olympus');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile
      .getByRole('alert')
      .filter({ hasText: 'Unknown time zone "Mars/Olympus"' })
      .waitFor();
    expect(await profile.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    const zones = await page.locator('#time-zones option').count();
    expect(zones).toBeGreaterThan(100);
    await profile.getByLabel('Time zone').fill('Europe/Paris');
    await profile.getByLabel('Day starts at').selectOption('4');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await notice(page, 'Profile saved.');
    expect(await profile.getByLabel('Time zone').getAttribute('aria-invalid')).toBeNull();

    // Theme: dark, then back to the system's.
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkA11y(page, 'Settings (dark)');
    await page.getByRole('radio', { name: 'As the system' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBeNull();

    // Password: the wrong current one is refused; the right one changes it.
    const password = page.getByRole('form', { name: 'Change password' });
    await password.getByLabel('Current password').fill('not my password at all');
    await password.getByLabel('New password').fill('a new and longer passphrase');
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByRole('alert').first().waitFor();
    expect(await password.getByLabel('End my other sessions').isChecked()).toBe(true);
    await password.getByLabel('Current password').fill(owner.password);
    await password.getByRole('button', { name: 'Change password' }).click();
    await notice(page, /^Password changed\./);

    // Sessions: this one is marked and cannot be signed out from here.
    await page.getByRole('list', { name: 'Sessions' }).getByText('This session').waitFor();

    // API tokens: shown once with Copy, listed by name, revoked.
    const tokenForm = page.getByRole('form', { name: 'Create an API token' });
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    await tokenForm.getByRole('alert').first().waitFor();
    await tokenForm.getByLabel('Token name').fill('Laptop CLI');
    await tokenForm.getByLabel('Expires after (days)').fill('90');
    await tokenForm.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('new-token').getByLabel('New API token').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByTestId('new-token').getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('list', { name: 'API tokens' }).getByText('Laptop CLI').waitFor();
    const status = await page.evaluate(
      async (token) =>
        (
          await fetch('/api/v1/me', {
            headers: { authorization: `Bearer ${token}` },
            credentials: 'omit',
          })
        ).status,
      secret,
    );
    expect(status).toBe(200);

    // Email preferences.
    const email = page.getByRole('form', { name: 'Email preferences' });
    await email.getByLabel('Report day').selectOption('1');
    await email.getByLabel('Routine reminders at their reminder time').uncheck();
    await email.getByLabel('Send to another address (optional)').fill('nope');
    await email.getByRole('button', { name: 'Save email preferences' }).click();
    await email.getByRole('alert').first().waitFor();
    await email.getByLabel('Send to another address (optional)').fill('olga.reports@example.com');
    await email.getByRole('button', { name: 'Save email preferences' }).click();
    await notice(page, 'Email preferences saved.');

    // Loop Habit Tracker: the file is read in the browser and sent base64-encoded.
    if (existsSync(LOOP_DB)) {
      await page.getByLabel('Loop export (.zip or .db)').setInputFiles(LOOP_DB);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Imported \d+ routines? with \d+ check-ins/ })
        .waitFor();
    }

    // Export JSON (a download) and CSV (one file per table).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^smallwins-.*\.json$/);
    const exportPath = await download.path();
    const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { format: string };
    expect(exported.format).toBeTruthy();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page
      .getByRole('list', { name: 'CSV files' })
      .getByRole('button', { name: 'routines.csv' })
      .waitFor();

    // Restoring into a workspace that has content is refused with the reason.
    await page.getByLabel('Small Wins export (.json)').setInputFiles(exportPath);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Import restores into an empty workspace' })
      .waitFor();

    await checkA11y(page, 'Settings');
    await screenshot(page, 'settings');

    // Team: the personal workspace says how to start a team.
    await open(page, 'Team');
    await page.getByText('is your personal workspace: only you are in it.').waitFor();
    await page.getByLabel('New team workspace').fill('Launch crew');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await notice(page, '“Launch crew” created; you are its owner. Invite people below.');
    await page.getByRole('heading', { name: 'Members of Launch crew' }).waitFor();
    await page.getByRole('button', { name: /^Launch crew Team · Owner · current$/ }).waitFor();

    // Invitations: by link (shown once) and for an email; the email one is revoked.
    await open(page, 'Team');
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Role').selectOption('member');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const link = await page
      .getByTestId('invitation-link')
      .getByLabel('Invitation link')
      .inputValue();
    expect(link).toContain('/team?join=');
    await invite.getByLabel('Email (optional)').fill('sam@example.com');
    await invite.getByLabel('Role').selectOption('viewer');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const invitations = page.getByRole('list', { name: 'Invitations' });
    await invitations
      .getByRole('listitem', { name: 'Invitation for sam@example.com, Viewer, Pending' })
      .waitFor();
    await page.getByRole('button', { name: 'Revoke invitation for sam@example.com' }).click();
    await notice(page, 'Invitation revoked: its link no longer works.');
    await invitations
      .getByRole('listitem', { name: /^Invitation for sam@example.com/ })
      .waitFor({ state: 'detached' });

    // A second person opens the link, signs up, and joins.
    const guest = await e2e.page();
    await signUp(guest, { name: 'Ben Member' });
    await guest.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await guest.getByText('You opened an invitation link: accept it below to join.').waitFor();
    await guest.getByRole('button', { name: 'Join', exact: true }).click();
    await notice(guest, 'You joined as member. Welcome to the team.');
    await guest.getByRole('heading', { name: 'Members of Launch crew' }).waitFor();

    // The owner sees them, and makes them a viewer.
    await page.reload();
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    // A reload starts in the personal workspace again: switch to the team.
    await page.getByRole('button', { name: /^Launch crew Team · Owner/ }).click();
    const members = page.getByRole('list', { name: 'Members' });
    await members.getByRole('listitem', { name: 'Ben Member, Member' }).waitFor();
    await page.getByLabel('Role of Ben Member').selectOption('viewer');
    await notice(page, 'Ben Member is now viewer.');
    await members.getByRole('listitem', { name: 'Ben Member, Viewer' }).waitFor();
    // Used and revoked invitations leave the list.
    expect(await invitations.count()).toBe(0);
    await checkA11y(page, 'Team');
    await screenshot(page, 'team');

    // The viewer sees the team read-only, and the other views read-only too.
    await guest.reload();
    await guest.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await guest.getByRole('button', { name: /^Launch crew Team · Viewer/ }).click();
    await guest
      .getByText('You are a viewer here: you can see the team but not change it.')
      .waitFor();
    await guest
      .getByRole('list', { name: 'Members' })
      .getByRole('listitem', { name: 'Olga Ops, Owner' })
      .waitFor();
    expect(await guest.getByRole('combobox', { name: /^Role of/ }).count()).toBe(0);
    expect(await guest.getByRole('form', { name: 'Invite someone' }).count()).toBe(0);
    await checkA11y(guest, 'Team (viewer)');
    await open(guest, 'People');
    await guest
      .getByText('You are a viewer in this workspace: you can read contacts, not change them.')
      .waitFor();
    expect(await guest.getByRole('form', { name: 'Add a contact' }).count()).toBe(0);

    // The owner removes them; the list follows at once.
    await page.getByRole('button', { name: 'Remove Ben Member' }).click();
    await page
      .getByRole('dialog', { name: 'Remove Ben Member?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await notice(page, 'Ben Member was removed from the workspace.');
    await members
      .getByRole('listitem', { name: 'Ben Member, Viewer' })
      .waitFor({ state: 'detached' });

    // A new team workspace is empty: the export restores into it (its name and settings too).
    await open(page, 'Team');
    await page.getByLabel('New team workspace').fill('Archive');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'Members of Archive' }).waitFor();
    await open(page, 'Settings');
    await page.getByRole('heading', { name: 'Workspace: Archive' }).waitFor();
    await page.getByLabel('Small Wins export (.json)').setInputFiles(exportPath);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Restored \d+ rows/ })
      .waitFor();

    expect(pageProblems(page)).toEqual([]);
  });

  it('fits a phone screen (390 px) on Energy, People, Team and Settings', async () => {
    const page = await e2e.page({ width: 390, height: 844 });
    await signUp(page, { name: 'Eve Mobile' });
    for (const [path, name] of [
      ['/energy', 'Energy'],
      ['/people', 'People'],
      ['/team', 'Team'],
      ['/settings', 'Settings'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.locator('.loading').first().waitFor({ state: 'detached', timeout: WAIT });
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter(
            (el) =>
              el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 &&
              getComputedStyle(el).position !== 'fixed' &&
              !el.closest('.visually-hidden'),
          )
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      );
      expect(wide, `${name} runs off the screen`).toEqual([]);
      await checkA11y(page, `${name} (phone)`);
    }
    await screenshot(page, 'settings-phone');
  });
});
