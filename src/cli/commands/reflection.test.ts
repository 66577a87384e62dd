import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';
import { engines, openTestDb } from '#test/db.js';

interface ReviewJson {
  id: string;
  period: string;
  status: string;
  summary: { tasks: { planned: number }; metrics: Array<{ change: number | null }> };
  answers: Array<{ position: number; prompt: string; answer: string }>;
  decisions: Array<{ verdict: string; text: string }>;
}

describe('smallwins experiment / feedback', () => {
  it('runs an A/B experiment from start to decision, with feedback attached', async () => {
    const sw = cliRunner({ now: '2026-11-20T10:00:00Z' });
    const add = await sw('experiment', 'add', 'Short onboarding', '--assumption', 'Setup scares people', '--hypothesis', 'Activation doubles', '--end', '2026-12-01', '--variant', 'Control', '--variant', 'Short');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/✓ Experiment Short onboarding running until 2026-12-01/);
    expect(add.stdout).toMatch(/Next: smallwins experiment count \w+ "Control"/);
    expect((await sw('experiment', 'count', 'short onboarding', 'short', '--trials', '12', '--successes', '5')).stdout).toMatch(/✓ Short: 5\/12 \(41\.7%\)/);
    expect((await sw('experiment', 'count', 'short onboarding', 'Control', '--trials', '10', '--successes', '2')).code).toBe(0);

    const over = await sw('experiment', 'count', 'short onboarding', 'Control', '--successes', '20');
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/22 successes out of 10 trials; successes can't exceed trials/);
    const notNumber = await sw('experiment', 'count', 'short onboarding', 'Control', '--trials', 'many');
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toMatch(/--trials must be a number/);

    const fb = await sw('feedback', 'add', 'Setup took me an hour', '--from', 'customer', '--experiment', 'short onboarding');
    expect(fb.stdout).toMatch(/✓ Feedback from a customer logged for 2026-11-20/);
    expect((await sw('feedback', 'list', '--from', 'customer')).stdout).toMatch(/2026-11-20\s+customer\s+Setup took me an hour/);

    const list = await sw('experiment', 'list');
    expect(list.stdout).toMatch(/running\s+2026-11-20 → 2026-12-01\s+Short onboarding\s+Control 2\/10 \(20%\) · Short 5\/12 \(41\.7%\)/);

    const badDecision = await sw('experiment', 'done', 'short onboarding', '--result', 'x', '--decision', 'pivot');
    expect(badDecision.code).toBe(2);
    const done = await sw('experiment', 'done', 'short onboarding', '--result', 'Short activates 42% vs 20%', '--decision', 'scale');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/not a verdict on you/);
    expect(done.stdout).toMatch(/smallwins lesson add "<lesson>" --from experiment --link experiment:\w+/);
    const again = await sw('experiment', 'done', 'short onboarding', '--result', 'again', '--decision', 'stop');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has its result \(decision: scale\)/);

    const show = await sw('--json', 'experiment', 'show', 'Short onboarding');
    expect(show.json()).toMatchObject({ status: 'done', decision: 'scale', leader: 'Short', feedback: [{ content: 'Setup took me an hour' }] });
    expect((await sw('experiment', 'show', 'short onboarding')).stdout).toMatch(/★ Short\s+5\/12/);
  });

  it('says what is missing or unknown, and points to the next step on empty lists', async () => {
    const sw = cliRunner();
    expect((await sw('experiment', 'list')).stdout).toMatch(/No experiments yet\. Test an assumption with: smallwins experiment add/);
    expect((await sw('feedback', 'list')).stdout).toMatch(/No feedback yet/);
    const noEnd = await sw('experiment', 'add', 'X', '--assumption', 'a', '--hypothesis', 'h');
    expect(noEnd.code).toBe(2);
    expect(noEnd.stderr).toMatch(/Missing end day: --end YYYY-MM-DD/);
    const early = await sw('experiment', 'add', 'X', '--assumption', 'a', '--hypothesis', 'h', '--end', '2026-11-01');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/before it starts/);
    const noSource = await sw('feedback', 'add', 'Nice');
    expect(noSource.code).toBe(2);
    expect(noSource.stderr).toMatch(/Missing source: --from customer\|mentor\|peer\|other/);
    const unknown = await sw('experiment', 'show', 'nothing');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No experiment matches "nothing"/);
    expect((await sw('--json', 'experiment', 'list')).json()).toEqual([]);
  });
});

describe('smallwins review', () => {
  it('opens a review, prints its summary, and completes it from options', async () => {
    const sw = cliRunner({ now: '2026-11-22T18:00:00Z' });
    await sw('goal', 'add', 'Grow');
    await sw('metric', 'add', 'Grow', 'Customers');
    await sw('measure', 'Customers', '2', '--day', '2026-11-16');
    await sw('measure', 'Customers', '5');
    expect((await sw('review', 'prompt', 'add', 'Did I talk to a customer?')).stdout).toMatch(/Weekly reviews will ask: Did I talk to a customer\?/);

    const bad = await sw('review', 'week', '--decision', 'maybe: later');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Write it as "keep: …", "change: …" or "drop: …"/);
    expect((await sw('review', 'list')).stdout).toMatch(/No reviews yet/);

    const open = await sw('review', 'week');
    expect(open.code).toBe(0);
    expect(open.stdout).toMatch(/Weekly review · 2026-W47 \(2026-11-16 → 2026-11-22\)/);
    expect(open.stdout).toMatch(/Metrics\s+Grow · Customers: 2 → 5 \(\+3\) ▲ better/);
    expect(open.stdout).toMatch(/5\. Did I talk to a customer\?/);
    expect(open.stdout).toMatch(/Answer with: smallwins review week 2026-W47 --answer/);

    const done = await sw('review', 'week', '--answer', 'Two customers', '--answer', 'Meetings', '--decision', 'keep: morning calls', '--decision', 'drop: newsletter', '--done');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Two customers/);
    expect(done.stdout).toMatch(/keep\s+morning calls\n\s+drop\s+newsletter/);
    expect(done.stdout).toMatch(/✓ Review complete/);

    const shown = (await sw('--json', 'review', 'show', '2026-W47')).json<ReviewJson>();
    expect(shown).toMatchObject({ status: 'done', period: '2026-W47', summary: { metrics: [{ change: 3 }] } });
    expect(shown.answers.map((a) => a.answer)).toEqual(['Two customers', 'Meetings', '', '', '']);
    expect(shown.decisions).toMatchObject([{ verdict: 'keep', text: 'morning calls' }, { verdict: 'drop', text: 'newsletter' }]);
    expect((await sw('review', 'list')).stdout).toMatch(/2026-W47\s+✓ done\s+2\/5\s+2/);

    const late = await sw('review', 'week', '--answer', 'late');
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/kept as written/);
    const future = await sw('review', 'month', '2027-01');
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/2027-01 has not started yet/);
  });

  it('asks each question and the decisions on a terminal, then completes the review', async () => {
    const sw = cliRunner({ now: '2026-11-23T08:00:00Z' });
    sw.answers.push('Shipped the beta', '', 'Calls convert better than email', 'Block mornings', 'keep: writing', 'perhaps: something', 'drop: Friday newsletter', '');
    const run = await sw('review', 'week', 'last');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Weekly review · 2026-W47/);
    expect(run.stderr).toMatch(/"perhaps: something" is not a decision/);
    expect(run.stdout).toMatch(/✓ Review complete/);
    expect(sw.answers).toEqual([]);
    const shown = (await sw('--json', 'review', 'show', '2026-w47')).json<ReviewJson>();
    expect(shown.answers.map((a) => a.answer)).toEqual(['Shipped the beta', '', 'Calls convert better than email', 'Block mornings']);
    expect(shown.decisions.map((d) => `${d.verdict}: ${d.text}`)).toEqual(['keep: writing', 'drop: Friday newsletter']);
  });
});

describe('smallwins lesson', () => {
  it('logs, finds, lists and deletes lessons', async () => {
    const sw = cliRunner();
    await sw('goal', 'add', 'Grow');
    const add = await sw('lesson', 'add', 'Calls beat cold email', '--body', 'Replies tripled after a warm intro', '--from', 'failure', '--tag', 'Outreach', '--tag', 'outreach', '--link', 'goal:grow');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/✓ Lesson logged: Calls beat cold email \(\w+\) #outreach/);
    await sw('lesson', 'add', 'Protect Monday mornings', '--tag', 'focus');

    const found = await sw('lesson', 'search', 'warm intr');
    expect(found.stdout).toMatch(/Calls beat cold email/);
    expect(found.stdout).not.toMatch(/Protect Monday/);
    for (const hostile of ['"', 'AND OR', '*', 'NEAR(', "'); drop"]) {
      const r = await sw('lesson', 'search', hostile);
      expect(r.code, hostile).toBe(0);
    }
    expect((await sw('lesson', 'search', 'unicorn')).stdout).toMatch(/No lesson matches "unicorn"/);
    const hits = (await sw('--json', 'lesson', 'search', 'cold')).json<Array<{ title: string; links: Array<{ targetType: string }> }>>();
    expect(hits).toMatchObject([{ title: 'Calls beat cold email', links: [{ targetType: 'goal' }] }]);

    expect((await sw('lesson', 'list', '--tag', 'focus')).stdout).toMatch(/Protect Monday mornings\s+#focus/);
    expect((await sw('lesson', 'list', '--from', 'failure')).stdout).not.toMatch(/Protect Monday/);
    expect((await sw('lesson', 'show', 'calls beat cold email')).stdout).toMatch(/from a failure/);
    const del = await sw('lesson', 'delete', 'Protect Monday mornings');
    expect(del.stdout).toMatch(/✓ Deleted the lesson Protect Monday mornings/);
    expect((await sw('lesson', 'search', 'monday')).stdout).toMatch(/No lesson matches/);
  });

  it('refuses bad links and tags with the right exit code', async () => {
    const sw = cliRunner();
    const badType = await sw('lesson', 'add', 'X', '--link', 'planet:mars');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/goal, experiment, win, task, micro_goal, review or feedback/);
    const missing = await sw('lesson', 'add', 'X', '--link', 'goal:nothing');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No goal matches "nothing"/);
    const badTag = await sw('lesson', 'add', 'X', '--tag', 'two words');
    expect(badTag.code).toBe(2);
    expect((await sw('lesson', 'list')).stdout).toMatch(/No lessons yet/);
  });
});

describe('reflection help', () => {
  it('shows examples for every command', async () => {
    const sw = cliRunner();
    const commands = [
      ['experiment', 'add'], ['experiment', 'count'], ['experiment', 'done'], ['experiment', 'list'], ['experiment', 'show'],
      ['feedback', 'add'], ['feedback', 'list'],
      ['review', 'week'], ['review', 'month'], ['review', 'list'], ['review', 'show'], ['review', 'prompt', 'add'], ['review', 'prompt', 'list'],
      ['lesson', 'add'], ['lesson', 'search'], ['lesson', 'list'], ['lesson', 'show'], ['lesson', 'delete'],
    ];
    for (const cmd of commands) {
      const help = await sw(...cmd, '--help');
      expect(help.code, cmd.join(' ')).toBe(0);
      expect(help.stdout, cmd.join(' ')).toMatch(new RegExp(`Examples:\\n\\s+smallwins ${cmd.join(' ')}`));
    }
  });
});

describe.runIf(engines().includes('postgres'))('reflection commands on PostgreSQL', () => {
  it('reviews, counts and searches through DATABASE_URL', async () => {
    const pg = await openTestDb('postgres');
    try {
      const sw = cliRunner({ now: '2026-11-22T18:00:00Z', databaseUrl: pg.url });
      await sw('experiment', 'add', 'Ads', '--assumption', 'a', '--hypothesis', 'h', '--end', '2026-12-01', '--variant', 'A');
      expect((await sw('experiment', 'count', 'ads', 'a', '--trials', '4', '--successes', '1')).stdout).toMatch(/1\/4 \(25%\)/);
      await sw('lesson', 'add', 'Warm intros win', '--tag', 'outreach');
      for (const q of ['"', 'AND OR', '*', 'NEAR(', "'); drop", 'warm in']) expect((await sw('lesson', 'search', q)).code, q).toBe(0);
      expect((await sw('lesson', 'search', 'outr')).stdout).toMatch(/Warm intros win/);
      const done = await sw('review', 'month', '--answer', 'Good month', '--decision', 'change: fewer goals', '--done');
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/Monthly review · 2026-11[\s\S]*✓ Review complete/);
    } finally {
      await pg.close();
    }
  });
});
