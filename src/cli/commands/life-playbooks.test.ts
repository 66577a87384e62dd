import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins playbook with checklists and templates', () => {
  it('saves all, some or none of the checklists and templates, shows them, and reuses them on apply', async () => {
    const sw = cliRunner();
    expect((await sw('goal', 'add', 'Steady volunteer help')).code).toBe(0);
    expect((await sw('metric', 'add', 'Steady volunteer help', 'Active volunteers', '--target', '20')).code).toBe(0);
    expect((await sw('checklist', 'add', 'Welcome a volunteer', '--item', 'Say thank you', '--item', 'Show the board')).code).toBe(0);
    expect((await sw('checklist', 'add', 'Close the hall', '--item', 'Lock up')).code).toBe(0);
    expect((await sw('template', 'add', 'Outreach sequence', '--step', 'Send the first email|30|0', '--step', 'Follow up|15|3')).code).toBe(0);

    const all = await sw('playbook', 'save', 'volunteers', '--goal', 'Steady volunteer help');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/It creates: 1 metric, 0 micro-goals, 0 routines, 0 prompts, 2 checklists, 1 template/);
    expect(all.stdout).toMatch(/Checklists: Close the hall, Welcome a volunteer/);
    expect(all.stdout).toMatch(/Templates: Outreach sequence/);

    const some = await sw('--json', 'playbook', 'save', 'volunteers-lite', '--goal', 'Steady volunteer help', '--checklist', 'welcome a volunteer', '--no-templates');
    expect(some.json()).toMatchObject({ body: { checklists: [{ name: 'Welcome a volunteer', items: ['Say thank you', 'Show the board'] }], templates: [] } });
    const none = await sw('--json', 'playbook', 'save', 'volunteers-bare', '--goal', 'Steady volunteer help', '--no-systems');
    expect(none.json()).toMatchObject({ body: { checklists: [], templates: [] } });

    const unknown = await sw('playbook', 'save', 'volunteers-2', '--goal', 'Steady volunteer help', '--template', 'Thank-you notes');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/This workspace has no template "Thank-you notes"\. Its templates: "Outreach sequence"\. See them with: smallwins template list/);
    const both = await sw('playbook', 'save', 'volunteers-3', '--goal', 'Steady volunteer help', '--checklist', 'Close the hall', '--no-systems');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--checklist names checklists to take, and --no-checklists or --no-systems takes none/);

    const show = await sw('playbook', 'show', 'volunteers');
    expect(show.stdout).toMatch(/Checklists\n {2}Close the hall\n {4}1\. Lock up\n {2}Welcome a volunteer\n {4}1\. Say thank you\n {4}2\. Show the board/);
    expect(show.stdout).toMatch(/Templates\n {2}Outreach sequence\n {4}day 0 {3}Send the first email \(30 min\)\n {4}day 3 {3}Follow up \(15 min\)/);
    expect((await sw('playbook', 'list')).stdout).toMatch(/volunteers\s+saved\s+Steady volunteer help\s+0 micro-goals, 0 routines, 0 prompts, 2 checklists, 1 template/);

    // Applied here, the same-named checklists and template are the workspace's own.
    const again = await sw('playbook', 'apply', 'volunteers', '--title', 'Volunteers, second site');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/2 checklists: Close the hall \(already there, kept as it is\), Welcome a volunteer \(already there, kept as it is\)/);
    const nonprofit = await sw('playbook', 'apply', 'nonprofit');
    expect(nonprofit.stdout).toMatch(/1 checklist: Welcome a new volunteer \(new\)/);
    expect((await sw('checklist', 'list')).stdout).toMatch(/Welcome a new volunteer/);
  });
});
