import { afterAll, describe, expect, it } from 'vitest';
import { cliRunner, type CliRunner } from '#test/cli.js';
import { engines, openTestDb, type Engine, type TestDb } from '#test/db.js';

const opened: TestDb[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

/** A CLI on its own SQLite file, or on a fresh PostgreSQL database. */
async function runner(engine: Engine): Promise<CliRunner> {
  if (engine === 'sqlite') return cliRunner();
  const db = await openTestDb('postgres');
  opened.push(db);
  return cliRunner({ databaseUrl: db.url });
}

interface WeekJson {
  week: string;
  tasks: { planned: number; done: number; skipped: number; carried: number; minutesPlanned: number; minutesDone: number };
  goals: Array<{ goal: { title: string }; microGoals: Array<{ title: string; status: string }> }>;
}

for (const engine of engines()) {
  describe(`smallwins plan / week / task / done / carry / win [${engine}]`, () => {
    it('plans a week, works through its tasks and celebrates the wins', async () => {
      const sw = await runner(engine); // Wednesday 2026-11-18, 11:00 in Paris
      expect((await sw('goal', 'add', 'Launch')).code).toBe(0);
      sw.clock.advance(1000);
      expect((await sw('goal', 'add', 'Run a 10k')).code).toBe(0);

      const plan = await sw('plan', 'week', '--plan', 'Demos first', '--micro', 'Launch: Book 3 demos', '--micro', 'launch: Publish pricing');
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/✓ 2 micro-goals planned for 2026-W47/);
      expect(plan.stdout).toMatch(/Plan: Demos first/);
      expect(plan.stdout).toMatch(/Launch\n\s+○ Book 3 demos\s+\w{6}\s+no tasks\n\s+○ Publish pricing/);
      expect(plan.stdout).toMatch(/Run a 10k\n\s+no micro-goals yet/);

      const add = await sw('task', 'add', 'Email 5 leads', '--minutes', '30', '--micro', 'Book 3 demos');
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/✓ Task Email 5 leads planned for Wed 18 Nov \(30 min/);
      expect((await sw('task', 'add', 'Call Anna', '--minutes', '20', '--day', 'yesterday', '--goal', 'Launch')).code).toBe(0);

      const tooLong = await sw('task', 'add', 'Rewrite everything', '--minutes', '90');
      expect(tooLong.code).toBe(2);
      expect(tooLong.stderr).toMatch(/A task is 15–60 minutes; split longer work into several tasks\./);

      const list = await sw('task', 'list');
      expect(list.stdout).toMatch(/Tasks for Wed 18 Nov/);
      expect(list.stdout).toMatch(/○\s+\w{6}\s+30\s+Email 5 leads\s+Book 3 demos · Launch/);
      expect(list.stdout).not.toMatch(/Rewrite everything/);

      const done = await sw('done', 'email 5 leads', '--actual', '40');
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/✓ Done: Email 5 leads \(40 min\)\n★ Win logged: Email 5 leads/);
      const again = await sw('done', 'Email 5 leads');
      expect(again.stdout).toMatch(/Email 5 leads was already done/);

      const carry = await sw('carry');
      expect(carry.stdout).toMatch(/→ Carried 1 unfinished task to today/);
      expect((await sw('carry')).stdout).toMatch(/Nothing to carry/);
      const moved = await sw('carry', 'Call Anna', '--to', '2026-11-20');
      expect(moved.stdout).toMatch(/→ Call Anna carried to Fri 20 Nov/);

      const mg = await sw('microgoal', 'done', 'book 3 demos', '--result', '4 demos booked');
      expect(mg.stdout).toMatch(/✓ Done: Book 3 demos\n★ Win logged: Book 3 demos/);
      expect((await sw('win', 'Mentor liked the pitch', '--shared')).stdout).toMatch(/★ Win logged: Mentor liked the pitch \(Wed 18 Nov, shared\)/);

      const week = await sw('week');
      expect(week.stdout).toMatch(/Week 2026-W47\s+Mon 16 Nov – Sun 22 Nov/);
      expect(week.stdout).toMatch(/✓ Book 3 demos\s+\w{6}\s+1\/1 tasks/);
      expect(week.stdout).toMatch(/Micro-goals: 1 of 2 done/);
      expect(week.stdout).toMatch(/Tasks: 1 done, 1 planned, 0 skipped, 2 carried over/);
      expect(week.stdout).toMatch(/Minutes: 40 done of 50 planned/);
      const json = (await sw('--json', 'week', '2026-W47')).json<WeekJson>();
      expect(json.tasks).toEqual({ planned: 1, done: 1, skipped: 0, carried: 2, minutesPlanned: 50, minutesDone: 40 });
      expect(json.goals.map((g) => g.goal.title)).toEqual(['Launch', 'Run a 10k']);

      const wins = await sw('wins');
      expect(wins.stdout).toMatch(/★\s+task\s+Email 5 leads/);
      expect(wins.stdout).toMatch(/★\s+micro-goal\s+Book 3 demos — 4 demos booked/);
      expect(wins.stdout).toMatch(/3 wins/);
      expect((await sw('--json', 'wins', '--week', 'last')).json<unknown[]>()).toEqual([]);

      // Next Monday the week view moves on, and last week's result can be written.
      sw.clock.set('2026-11-23T08:00:00Z');
      expect((await sw('week')).stdout).toMatch(/Week 2026-W48/);
      const result = await sw('week', 'last', '--result', '4 demos, pricing slipped');
      expect(result.stdout).toMatch(/Week 2026-W47[\s\S]*Result: 4 demos, pricing slipped/);
    });

    it('refuses bad input with a clear message, the right exit code, and no writes', async () => {
      const sw = await runner(engine);
      await sw('goal', 'add', 'Launch');
      const noColon = await sw('plan', 'week', '--micro', 'Book 3 demos');
      expect(noColon.code).toBe(2);
      expect(noColon.stderr).toMatch(/--micro needs "<goal>: <title>"/);
      const unknownGoal = await sw('plan', 'week', '--plan', 'x', '--micro', 'Launch: Fine', '--micro', 'Nope: Lost');
      expect(unknownGoal.code).toBe(1);
      expect(unknownGoal.stderr).toMatch(/No goal matches "Nope"/);
      expect((await sw('--json', 'microgoal', 'list')).json<unknown[]>()).toEqual([]);
      expect((await sw('--json', 'week')).json<{ plan: string }>().plan).toBe('');

      const badWeek = await sw('week', '2026-47');
      expect(badWeek.code).toBe(2);
      expect(badWeek.stderr).toMatch(/ISO week in the form YYYY-Www/);
      const badDay = await sw('task', 'add', 'X', '--minutes', '30', '--day', 'someday');
      expect(badDay.code).toBe(2);
      expect(badDay.stderr).toMatch(/day: must be a date in the form YYYY-MM-DD/);
      const noMinutes = await sw('task', 'add', 'X');
      expect(noMinutes.code).toBe(2);
      expect(noMinutes.stderr).toMatch(/Missing task length/);
      const notNumber = await sw('task', 'add', 'X', '--minutes', 'half an hour');
      expect(notNumber.code).toBe(2);
      expect(notNumber.stderr).toMatch(/--minutes must be a number/);
      const missing = await sw('done', 'nothing like this');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/No task matches "nothing like this"/);
      const toWithoutTask = await sw('carry', '--to', 'tomorrow');
      expect(toWithoutTask.code).toBe(2);
      expect(toWithoutTask.stderr).toMatch(/--to needs a task/);
      expect((await sw('--json', 'task', 'list')).json<unknown[]>()).toEqual([]);
      const empty = await sw('task', 'list');
      expect(empty.stdout).toMatch(/nothing planned\.\n\s+Add one: smallwins task add/);
    });

    it('asks for the plan and micro-goals goal by goal on a terminal', async () => {
      const sw = await runner(engine);
      await sw('goal', 'add', 'Launch');
      sw.clock.advance(1000);
      await sw('goal', 'add', 'Run a 10k');
      sw.answers.push('Ship the beta', 'Beta list of 20', 'Fix onboarding', '', 'Run 3 times', '');
      const plan = await sw('plan', 'week');
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/3 micro-goals planned for 2026-W47/);
      expect(plan.stdout).toMatch(/Plan: Ship the beta/);
      expect(plan.stdout).toMatch(/Run a 10k\n\s+○ Run 3 times/);
      expect(sw.answers).toEqual([]);
    });
  });
}

describe('plan command help', () => {
  it('shows examples on every command of the area', async () => {
    const sw = cliRunner();
    const commands = [
      ['plan', 'week'], ['week'], ['microgoal'], ['microgoal', 'add'], ['microgoal', 'done'], ['microgoal', 'drop'], ['microgoal', 'list'],
      ['task'], ['task', 'add'], ['task', 'list'], ['task', 'edit'], ['task', 'delete'], ['done'], ['skip'], ['carry'], ['win'], ['wins'],
    ];
    for (const argv of commands) {
      const help = await sw(...argv, '--help');
      expect(help.code, argv.join(' ')).toBe(0);
      expect(help.stdout, argv.join(' ')).toMatch(/Examples:\n\s+smallwins /);
    }
  });
});
