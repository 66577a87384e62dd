import { afterAll, describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';
import { engines, openTestDb, type TestDb } from '#test/db.js';

const opened: TestDb[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

/** A CLI on a fresh database of `engine`; the clock reads Wednesday 2026-11-18, 11:00 in Paris. */
async function cli(engine: 'sqlite' | 'postgres') {
  const handle = await openTestDb(engine);
  opened.push(handle);
  return cliRunner({ databaseUrl: handle.url });
}

for (const engine of engines()) {
  describe(`smallwins routine / check / checklist / template [${engine}]`, () => {
    it('builds routines, checks in, pauses, and shows the last two weeks', async () => {
      const sw = await cli(engine);
      expect((await sw('routine', 'list')).stdout).toMatch(/No routines yet\. Start one with: smallwins routine add/);
      expect((await sw('goal', 'add', 'Get fit')).code).toBe(0);
      const write = await sw('routine', 'add', 'Write 200 words', '--minimum', 'One sentence', '--remind', '07:30', '--start', '2026-11-09');
      expect(write.code).toBe(0);
      expect(write.stdout).toMatch(/✓ Routine Write 200 words \(\w{6}\): every day, yes\/no/);
      const run = await sw('--json', 'routine', 'add', 'Run', '--times', '3', '--per', 'week', '--at-least', '5', '--unit', 'km', '--goal', 'get fit', '--start', '2026-11-09');
      expect(run.json()).toMatchObject({ name: 'Run', schedule: { kind: 'times', times: 3, periodDays: 7 }, target: { kind: 'at_least', value: 5, unit: 'km' } });
      expect((await sw('routine', 'add', 'Piano', '--weekdays', 'tue,thu', '--start', '2026-11-09')).code).toBe(0);
      expect((await sw('routine', 'add', 'Review', '--rrule', 'FREQ=WEEKLY;BYDAY=WE', '--start', '2026-11-09')).stdout).toMatch(/rule FREQ=WEEKLY;BYDAY=WE/);

      expect((await sw('check', 'write 200 words')).stdout).toMatch(/✓ Write 200 words: done on Wed 18 Nov/);
      expect((await sw('check', 'Write 200 words', '--minimum', '--day', 'yesterday', '--note', 'tired')).stdout).toMatch(/◐ Write 200 words: minimum on Tue 17 Nov \(One sentence\)/);
      expect((await sw('check', 'Write 200 words', '--skip', '--day', '2026-11-16')).code).toBe(0);
      expect((await sw('check', 'run', '--value', '3.2', '--day', '2026-11-16')).stdout).toMatch(/✗ Run: missed with 3\.2 km on Mon 16 Nov \(target at least 5 km\)/);
      expect((await sw('check', 'run', '--value', '6')).stdout).toMatch(/✓ Run: done with 6 km on Wed 18 Nov/);
      expect((await sw('routine', 'pause', 'piano', '--from', '2026-11-12', '--to', '2026-11-13', '--reason', 'Trip')).stdout).toMatch(/Piano \(\w+\) paused from Thu 12 Nov to Fri 13 Nov/);

      const show = await sw('routine', 'show', 'Write 200 words');
      expect(show.code).toBe(0);
      expect(show.stdout).toMatch(/Minimum\s+One sentence/);
      expect(show.stdout).toMatch(/Reminder\s+07:30/);
      // 5–8 Nov come before the start; 9–15 are open; then skipped, minimum, done.
      expect(show.stdout).toMatch(/Last 14 days \(2026-11-05 → 2026-11-18\)\n {2}· · · · ○ ○ ○ ○ ○ ○ ○ – ◐ ✓\n {2}T F S S M T W T F S S M T W/);
      const piano = await sw('routine', 'show', 'Piano');
      expect(piano.stdout).toMatch(/Paused\s+2026-11-12 → 2026-11-13\s+Trip/);
      expect(piano.stdout).toMatch(/ {2}· · · · · ○ · ‖ ‖ · · · ○ ·\n/);
      const runShow = await sw('--json', 'routine', 'show', 'run');
      expect(runShow.json<{ frequency: unknown }>().frequency).toEqual({ numerator: 3, denominator: 7 });

      const due = await sw('routine', 'due');
      expect(due.stdout).toMatch(/✓\s+Write 200 words\s+every day\s+done/);
      expect(due.stdout).toMatch(/✓\s+Run\s+3× per week\s+done 6 km\s+\(1\/3 this period\)/);
      expect(due.stdout).toMatch(/○\s+Review\s+rule FREQ=WEEKLY;BYDAY=WE\s+smallwins check "Review"/);
      expect(due.stdout).not.toMatch(/Piano/);

      const list = await sw('routine', 'list');
      expect(list.stdout).toMatch(/ID\s+ROUTINE\s+SCHEDULE\s+TARGET\s+REMIND\s+STATE/);
      expect(list.stdout).toMatch(/Run\s+3× per week\s+≥ 5 km\s+active/);

      expect((await sw('routine', 'edit', 'run', '--unit', 'miles', '--times', '4')).stdout).toMatch(/Run \(\w+\): 4× per week, ≥ 5 miles/);
      expect((await sw('uncheck', 'run')).stdout).toMatch(/Removed the done check-in of Run on Wed 18 Nov/);
      expect((await sw('uncheck', 'run')).code).toBe(1);
      expect((await sw('routine', 'pause', 'Review')).code).toBe(0);
      expect((await sw('routine', 'resume', 'Review')).stdout).toMatch(/Review \(\w+\) is due again from today/);
      expect((await sw('routine', 'archive', 'Piano')).stdout).toMatch(/Archived Piano/);
      expect((await sw('routine', 'list')).stdout).not.toMatch(/Piano/);
      expect((await sw('routine', 'list', '--all')).stdout).toMatch(/Piano\s+Tue, Thu\s+yes\/no\s+archived/);
    });

    it('answers bad input with the fix and exit code 2, writing nothing', async () => {
      const sw = await cli(engine);
      const bad = async (args: string[], message: RegExp) => {
        const res = await sw(...args);
        expect(res.code, args.join(' ')).toBe(2);
        expect(res.stderr).toMatch(message);
      };
      await bad(['routine', 'add'], /Missing routine name/);
      await bad(['routine', 'add', 'Review', '--rrule', 'FREQ=WEEKLY;BYDAY=XX'], /The rule "FREQ=WEEKLY;BYDAY=XX" is not a valid recurrence rule: BYDAY=XX is not a valid value\. Write it like FREQ=WEEKLY;BYDAY=MO,WE,FR/);
      await bad(['routine', 'add', 'Both', '--daily', '--weekdays', 'mon'], /Choose one schedule, not --daily and --weekdays/);
      await bad(['routine', 'add', 'Days', '--weekdays', 'mon,funday'], /"funday" is not a weekday/);
      await bad(['routine', 'add', 'Often', '--times', '9', '--per', 'week'], /schedule\.times: must be at most the number of days in the period/);
      await bad(['routine', 'add', 'Per', '--times', '2', '--per', 'fortnight'], /--per must be week, month or a number of days/);
      await bad(['routine', 'add', 'Early', '--remind', '7am'], /reminderTime: must be a 24-hour time HH:MM/);
      await bad(['routine', 'add', 'Run', '--at-least', 'far'], /--at-least must be a number/);
      await bad(['template', 'add', 'Long', '--step', 'Deep work|90|0'], /A task is 15–60 minutes/);
      await bad(['template', 'add', 'Odd', '--step', 'Send|abc'], /--step "Send\|abc" has "abc" for minutes.*"Title\|minutes\|day offset"/);
      await bad(['checklist', 'add', 'Empty'], /a checklist needs at least one item/);
      expect((await sw('--json', 'routine', 'list', '--all')).json()).toEqual([]);
      expect((await sw('--json', 'template', 'list')).json()).toEqual([]);

      expect((await sw('routine', 'add', 'Read', '--start', '2026-11-10')).code).toBe(0);
      await bad(['check', 'Read', '--day', 'tomorrow'], /2026-11-19 has not come yet/);
      await bad(['check', 'Read', '--day', '2026-11-01'], /"Read" starts on 2026-11-10/);
      await bad(['check', 'Read', '--minimum'], /"Read" has no minimum version yet/);
      await bad(['check', 'Read', '--skip', '--missed'], /Choose one of --skip, --missed/);
      const dup = await sw('routine', 'add', 'read');
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/already have a routine called "read"/);
      const unknown = await sw('check', 'Swim');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/No routine matches "Swim"/);
      const json = await sw('--json', 'check', 'Read', '--day', 'tomorrow');
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'validation' } });
      expect((await sw('--json', 'routine', 'show', 'Read')).json<{ lastCheckIn: unknown }>().lastCheckIn).toBeNull();
    });

    it('runs a checklist and applies a template as tasks', async () => {
      const sw = await cli(engine);
      expect((await sw('checklist', 'list')).stdout).toMatch(/No checklists yet/);
      expect((await sw('checklist', 'add', 'Launch', '--item', 'Write the post', '--item', 'Check the links', '--item', 'Tell the list')).stdout).toMatch(/Checklist Launch \(\w+, 3 items\)/);
      const started = await sw('checklist', 'run', 'launch', '--label', 'v1.2');
      expect(started.stdout).toMatch(/Launch · v1\.2 \(run \w+, 0\/3 ticked\)\n {2}\[ \] 1\. Write the post/);
      const ticked = await sw('checklist', 'tick', 'Launch', '1', '3', '1');
      expect(ticked.stdout).toMatch(/2\/3 ticked\)\n {2}\[✓\] 1\. Write the post\n {2}\[ \] 2\. Check the links\n {2}\[✓\] 3\. Tell the list/);
      const refused = await sw('checklist', 'done', 'Launch');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/1 of 3 items is not ticked yet: 2\. Check the links\..*--force/);
      expect((await sw('checklist', 'tick', 'Launch', '4')).stderr).toMatch(/no item 4; its items are numbered 1 to 3/);
      expect((await sw('checklist', 'tick', 'Launch', 'two')).code).toBe(2);
      expect((await sw('checklist', 'tick', 'Launch', '2')).stdout).toMatch(/All ticked\. Finish with: smallwins checklist done/);
      expect((await sw('checklist', 'done', 'Launch')).stdout).toMatch(/✓ Launch · v1\.2 completed \(3\/3 ticked\)/);
      expect((await sw('--json', 'checklist', 'show', 'Launch')).json<{ run: { completedAt: string } }>().run.completedAt).toBe('2026-11-18T10:00:00.000Z');
      expect((await sw('checklist', 'list')).stdout).toMatch(/Launch\s+3\s+1\s+none/);

      expect((await sw('template', 'add', 'Outreach', '--step', 'Send the first email|30|0', '--step', 'Follow up|15|3', '--step', 'Call|45'))).toMatchObject({ code: 0 });
      expect((await sw('template', 'list')).stdout).toMatch(/Outreach \(\w+\)\n {2}day \+0\s+30 min\s+Send the first email\n {2}day \+3\s+15 min\s+Follow up\n {2}day \+0\s+45 min\s+Call/);
      expect((await sw('goal', 'add', 'First customers')).code).toBe(0);
      const applied = await sw('template', 'apply', 'outreach', '--start', 'tomorrow', '--goal', 'First customers');
      expect(applied.stdout).toMatch(/✓ 3 tasks planned from Outreach\n {2}Thu 19 Nov\s+30 min\s+Send the first email\n {2}Sun 22 Nov\s+15 min\s+Follow up\n {2}Thu 19 Nov\s+45 min\s+Call/);
      const tasks = await sw('--json', 'task', 'list', '--day', '2026-11-19');
      expect(tasks.code).toBe(0);
      expect(tasks.stdout).toMatch(/Send the first email[\s\S]*Call/);
    });

    it('prints help with examples for every systems command', async () => {
      const sw = await cli(engine);
      const commands = [
        ['routine', 'add'], ['routine', 'list'], ['routine', 'show'], ['routine', 'edit'], ['routine', 'archive'], ['routine', 'pause'],
        ['routine', 'resume'], ['routine', 'due'], ['check'], ['uncheck'], ['checklist', 'add'], ['checklist', 'list'], ['checklist', 'run'],
        ['checklist', 'tick'], ['checklist', 'done'], ['checklist', 'show'], ['template', 'add'], ['template', 'list'], ['template', 'apply'],
      ];
      for (const cmd of commands) {
        const help = await sw(...cmd, '--help');
        expect(help.code).toBe(0);
        expect(help.stdout, cmd.join(' ')).toMatch(new RegExp(`Examples:\\n\\s+smallwins ${cmd.join(' ')}`));
      }
    });
  });
}
