import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins energy / focus', () => {
  it('logs energy once per day and lists the last days with a bar', async () => {
    const sw = cliRunner();
    const first = await sw('energy', '2', '--sleep', '6');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/✓ Energy ██░░░ 2\/5 for 2026-11-18 · slept 6 h/);
    expect((await sw('energy', '4', '--note', 'better after lunch')).stdout).toMatch(/4\/5 for 2026-11-18/);
    expect((await sw('energy', '3', '--day', 'yesterday')).stdout).toMatch(/3\/5 for 2026-11-17/);
    const list = await sw('energy', 'list', '--days', '3');
    expect(list.stdout).toMatch(/Mon 2026-11-16\s+·····\s+–/);
    expect(list.stdout).toMatch(/Tue 2026-11-17\s+███░░\s+3/);
    expect(list.stdout).toMatch(/Wed 2026-11-18\s+████░\s+4\s+6 h\s+better after lunch/);
    expect(list.stdout).toMatch(/Average 3\.5 over 2 logged days/);
    const json = await sw('--json', 'energy', 'list');
    expect(json.json<Array<{ day: string; energy: number }>>().map((e) => [e.day, e.energy])).toEqual([['2026-11-17', 3], ['2026-11-18', 4]]);
  });

  it('refuses a bad level with exit 2 and a clear message', async () => {
    const sw = cliRunner();
    const high = await sw('energy', '7');
    expect(high.code).toBe(2);
    expect(high.stderr).toMatch(/energy: energy must be from 1 to 5/);
    const word = await sw('energy', 'lots');
    expect(word.code).toBe(2);
    expect(word.stderr).toMatch(/energy level must be a number, got "lots"/);
    expect((await sw('energy')).code).toBe(2);
    expect((await sw('energy', 'list')).stdout).toMatch(/No energy logged in the last 14 days\. Log today's with: smallwins energy/);
  });

  it('plans focus windows, refuses an overlap and deletes by short id', async () => {
    const sw = cliRunner();
    expect((await sw('focus', 'list')).stdout).toMatch(/No focus windows in 2026-W47\. Plan one: smallwins focus add/);
    const add = await sw('--json', 'focus', 'add', '09:00', '90', '--label', 'Write the pitch');
    expect(add.code).toBe(0);
    const id = add.json<{ id: string }>().id;
    const clash = await sw('focus', 'add', '10:00', '30');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/overlaps your focus window 09:00–10:30 "Write the pitch"/);
    expect((await sw('focus', 'add', '10:30', '30', '--day', 'tomorrow')).stdout).toMatch(/10:30–11:00 on 2026-11-19/);
    const list = await sw('focus', 'list');
    expect(list.stdout).toMatch(new RegExp(`${id.slice(0, 6)}\\s+Wed 2026-11-18\\s+09:00–10:30\\s+90\\s+Write the pitch`));
    expect(list.stdout).toMatch(/2\.0 h of focus planned/);
    expect((await sw('focus', 'list', '--day', 'tomorrow')).stdout).not.toMatch(/09:00/);
    expect((await sw('focus', 'list', '--week', 'W47')).code).toBe(2);
    expect((await sw('focus', 'list', '--week', 'next')).stdout).toMatch(/No focus windows in 2026-W48/);
    expect((await sw('focus', 'delete', id.slice(0, 6))).stdout).toMatch(/Deleted the focus window 09:00–10:30 on 2026-11-18/);
    expect((await sw('focus', 'add', '10:00', '30')).code).toBe(0);
    expect((await sw('focus', 'add', '10:00', '300')).stderr).toMatch(/15–240 minutes/);
  });
});

describe('smallwins contact / talk / people', () => {
  it('keeps a weekly conversation target and nudges about people not spoken to', async () => {
    const sw = cliRunner();
    expect((await sw('people')).stdout).toMatch(/Add the people who matter/);
    expect((await sw('contact', 'add', 'Ana Lima', '--kind', 'mentor', '--email', 'ana@example.com')).stdout).toMatch(/✓ Contact Ana Lima \(mentor/);
    expect((await sw('contact', 'add', 'Bruno', '--kind', 'customer')).code).toBe(0);
    const noKind = await sw('contact', 'add', 'Cleo');
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toMatch(/--kind/);
    const dup = await sw('contact', 'add', 'ana lima', '--kind', 'peer');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already have a contact named "Ana Lima"/);

    expect((await sw('settings', 'set', '--conversations', '2')).code).toBe(0);
    await sw('talk', 'bruno', '--day', '2026-10-01', '--note', 'first call');
    const talk = await sw('talk', 'ana lima', '--note', 'pricing');
    expect(talk.stdout).toMatch(/✓ Talked with Ana Lima on 2026-11-18\n\s+1 of 2 this week/);
    const people = await sw('people');
    expect(people.stdout).toMatch(/2026-W47: 1 of 2 conversations/);
    expect(people.stdout).toMatch(/Not spoken to for 30\+ days\n\s+Bruno\s+customer\s+2026-10-01 \(48 days ago\)/);
    expect(people.stdout).not.toMatch(/Ana Lima\s+mentor/);
    expect((await sw('people', '--week', 'last')).stdout).toMatch(/2026-W46: 0 of 2 conversations/);
    await sw('talk', 'Bruno');
    expect((await sw('people')).stdout).toMatch(/2 of 2 conversations — target met[\s\S]*Everyone has heard from you/);
    const list = await sw('contact', 'list');
    expect(list.stdout).toMatch(/Ana Lima\s+mentor\s+2026-11-18 \(today\)\s+ana@example.com/);
    expect((await sw('contact', 'edit', 'bruno', '--kind', 'collaborator')).stdout).toMatch(/Bruno \(collaborator\)/);
    expect((await sw('talk', 'nobody')).stderr).toMatch(/No contact matches "nobody"/);
  });
});

describe('smallwins pulse', () => {
  it('records pulses and charts the weekly trend', async () => {
    const sw = cliRunner();
    expect((await sw('pulse', 'morale', '4', '--note', 'good week')).stdout).toMatch(/✓ Morale ████░ 4\/5 for 2026-11-18/);
    expect((await sw('pulse', 'morale', '2', '--day', '2026-11-10')).code).toBe(0);
    expect((await sw('pulse', 'custom', 'Is the roadmap clear?', '3')).stdout).toMatch(/Is the roadmap clear\? ███░░ 3\/5/);
    const trend = await sw('pulse', 'trend', 'morale', '--weeks', '3');
    expect(trend.stdout).toMatch(/2026-W45\s+–\s+0\n2026-W46\s+██░░░\s+2\.00\s+1\n2026-W47\s+████░\s+4\.00\s+1/);
    const custom = await sw('--json', 'pulse', 'trend', 'custom', '--question', 'is the roadmap clear?', '--weeks', '1');
    expect(custom.json<{ weeks: unknown[] }>().weeks).toEqual([{ week: '2026-W47', average: 3, count: 1, withheld: false }]);
    const noQuestion = await sw('pulse', 'trend', 'custom');
    expect(noQuestion.code).toBe(2);
    expect(noQuestion.stderr).toMatch(/say which custom question/);
    expect((await sw('pulse', 'mood', '3')).code).toBe(2);
    expect((await sw('pulse', 'clarity', '9')).stderr).toMatch(/from 1 to 5/);
    expect((await sw('pulse', 'list', '--kind', 'morale')).stdout).toMatch(/2026-11-10\s+Morale\s+██░░░ 2/);
  });
});

describe('smallwins settings', () => {
  it('shows and changes settings, refusing a bad time zone', async () => {
    const sw = cliRunner();
    const show = await sw('settings');
    expect(show.stdout).toMatch(/Time zone\s+Europe\/Paris/);
    expect(show.stdout).toMatch(/Focus limit\s+3 active goals/);
    const bad = await sw('settings', 'set', '--time-zone', 'Paris');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown time zone "Paris"\. Use an IANA name such as Europe\/Paris/);
    expect((await sw('settings', 'set')).stderr).toMatch(/Nothing to change/);
    expect((await sw('settings', 'set', '--day-start', '25')).code).toBe(2);
    const set = await sw('--json', 'settings', 'set', '--time-zone', 'America/New_York', '--day-start', '4', '--focus-limit', '2', '--name', 'Mia');
    expect(set.json()).toMatchObject({ user: { name: 'Mia', timeZone: 'America/New_York', dayStartHour: 4 }, workspace: { focusLimit: 2 } });
    // 10:00 UTC is 05:00 in New York, after a 04:00 start of day: still the 18th.
    expect((await sw('energy', '3')).stdout).toMatch(/for 2026-11-18/);
    sw.clock.set('2026-11-19T08:30:00Z'); // 03:30 in New York: still the 18th
    expect((await sw('energy', '5')).stdout).toMatch(/for 2026-11-18/);
  });
});

describe('smallwins playbook', () => {
  it('lists, shows, applies, saves, exports and imports playbooks', async () => {
    const sw = cliRunner();
    const list = await sw('playbook', 'list');
    for (const key of ['solo-founder', 'career-pivot', 'promotion', 'community-initiative', 'nonprofit', 'side-project']) expect(list.stdout).toMatch(new RegExp(`${key}\\s+built-in`));
    const show = await sw('playbook', 'show', 'solo-founder');
    expect(show.stdout).toMatch(/★ Trial-to-paid conversion\s+0 → 10 %/);
    expect(show.stdout).toMatch(/minimum: Send one message/);

    const apply = await sw('playbook', 'apply', 'solo-founder', '--title', 'First 10 customers for Recipes');
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(/✓ Goal First 10 customers for Recipes created from solo-founder .*by 2027-02-16/);
    expect(apply.stdout).toMatch(/3 micro-goals for 2026-W47/);
    expect((await sw('goal', 'show', 'First 10 customers for Recipes')).stdout).toMatch(/★ Trial-to-paid conversion/);

    const save = await sw('playbook', 'save', 'recipes-launch', '--goal', 'First 10 customers for Recipes', '--name', 'Recipes launch');
    expect(save.stdout).toMatch(/Saved playbook recipes-launch \(Recipes launch\)/);
    const exported = await sw('--json', 'playbook', 'show', 'recipes-launch');
    const dir = mkdtempSync(join(tmpdir(), 'smallwins-playbook-'));
    const file = join(dir, 'copy.json');
    writeFileSync(file, JSON.stringify({ ...exported.json<object>(), key: 'recipes-copy' }));
    expect((await sw('playbook', 'import', file)).stdout).toMatch(/Imported playbook recipes-copy/);
    expect((await sw('playbook', 'list')).stdout).toMatch(/recipes-copy\s+saved\s+Recipes launch/);

    const again = await sw('playbook', 'import', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a playbook with the key "recipes-copy"/);
    writeFileSync(file, '{"key": "x"');
    expect((await sw('playbook', 'import', file)).code).toBe(2);
    expect((await sw('playbook', 'import', join(dir, 'missing.json'))).stderr).toMatch(/Cannot read/);
    expect((await sw('playbook', 'apply', 'nope')).stderr).toMatch(/No playbook has the key "nope"/);
  });
});

describe('life commands help', () => {
  it.each([
    ['energy'], ['energy', 'list'], ['focus', 'add'], ['focus', 'list'], ['focus', 'delete'], ['contact', 'add'], ['contact', 'list'],
    ['contact', 'edit'], ['talk'], ['people'], ['pulse'], ['pulse', 'custom'], ['pulse', 'trend'], ['pulse', 'list'], ['playbook', 'list'],
    ['playbook', 'show'], ['playbook', 'apply'], ['playbook', 'save'], ['playbook', 'import'], ['settings'], ['settings', 'set'],
  ].map((path) => [path.join(' ')]))('smallwins %s --help shows examples', async (command) => {
    const path = command.split(' ');
    const help = await cliRunner()(...path, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`Examples:\\n\\s+smallwins ${path[0]}`));
  });
});
