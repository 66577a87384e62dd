import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins pulse schedule / due', () => {
  it('sets a schedule, lists what is due, and answers it with the pulse commands', async () => {
    const sw = cliRunner();
    expect((await sw('pulse', 'due')).stdout).toMatch(/This workspace asks no pulses on a schedule\. An owner or admin sets one: smallwins pulse schedule --weekday mon --time 10:00/);
    expect((await sw('pulse', 'schedule')).stdout).toMatch(/No pulse schedule yet\. Set one: smallwins pulse schedule --weekday mon --time 10:00/);

    // Wednesday 18 November, 11:00 in Paris.
    const set = await sw('pulse', 'schedule', '--weekday', 'wed', '--time', '09:00', '--ask', 'morale,clarity', '-q', 'Do we know who our customer is?');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/✓ Saved\. Pulse schedule on\n {2}Every week on Wednesday at 09:00, from 2026-W47/);
    expect(set.stdout).toMatch(/Asks 3 questions: Morale · Clarity of vision · “Do we know who our customer is\?”/);
    expect(set.stdout).toMatch(/This round: Wed 18 Nov → Tue 24 Nov\n {2}Next round opens Wed 25 Nov at 09:00/);

    const due = await sw('pulse', 'due');
    expect(due.stdout).toMatch(/Pulse round open until the end of Tue 24 Nov: 3 of 3 questions to answer/);
    expect(due.stdout).toMatch(/· Morale {2}smallwins pulse morale <1-5>/);
    expect(due.stdout).toMatch(/· Do we know who our customer is\? {2}smallwins pulse custom "Do we know who our customer is\?" <1-5>/);

    // The plain pulse commands answer it.
    expect((await sw('pulse', 'morale', '4')).stdout).toMatch(/✓ Morale ████░ 4\/5 for 2026-11-18/);
    expect((await sw('pulse', 'custom', 'do we know who our customer is?', '3')).code).toBe(0);
    const half = await sw('pulse', 'due');
    expect(half.stdout).toMatch(/1 of 3 questions to answer\n {2}✓ Morale\n {2}· Clarity of vision {2}smallwins pulse clarity <1-5>\n {2}✓ Do we know who our customer is\?/);
    await sw('pulse', 'clarity', '2');
    expect((await sw('pulse', 'due')).stdout).toMatch(/✓ You answered all 3 questions of this round\. The next opens Wed 25 Nov\./);
    const json = await sw('--json', 'pulse', 'due');
    expect(json.json()).toMatchObject({ round: { dueOn: '2026-11-18', lastDay: '2026-11-24' }, remaining: 0, questions: [{ kind: 'morale', answered: true }, { kind: 'clarity', answered: true }, { kind: 'custom', answered: true }] });

    // Every other week from next week: no round is open now.
    const fortnight = await sw('pulse', 'schedule', '--every', '2', '--start', 'next');
    expect(fortnight.stdout).toMatch(/Every other week on Wednesday at 09:00, from 2026-W48/);
    expect(fortnight.stdout).toMatch(/Asks 3 questions/);
    expect((await sw('pulse', 'due')).stdout).toMatch(/No pulse round is open right now\. The next opens Wed 25 Nov at 09:00\./);
    const none = await sw('pulse', 'schedule', '--no-custom', '--ask', 'delight');
    expect(none.stdout).toMatch(/Asks 1 question: Customer delight/);
    const off = await sw('pulse', 'schedule', '--off');
    expect(off.stdout).toMatch(/Pulse schedule off[\s\S]*Turn it on: smallwins pulse schedule --on/);
    expect((await sw('pulse', 'due')).stdout).toMatch(/asks no pulses on a schedule/);
    expect((await sw('pulse', 'schedule', '--on')).stdout).toMatch(/Pulse schedule on/);
  });

  it('refuses bad options with exit 2 and says how to fix them', async () => {
    const sw = cliRunner();
    const every = await sw('pulse', 'schedule', '--every', '3');
    expect(every.code).toBe(2);
    expect(every.stderr).toMatch(/everyWeeks: must be 1 \(every week\), 2 \(every other week\) or 4 \(every four weeks\)/);
    expect((await sw('pulse', 'schedule', '--weekday', 'funday')).stderr).toMatch(/--weekday takes a weekday \(mon … sun\)/);
    expect((await sw('pulse', 'schedule', '--ask', 'morale,mood')).stderr).toMatch(/--ask takes morale, delight and clarity separated by commas \(or none\), not "mood"/);
    expect((await sw('pulse', 'schedule', '--ask', 'none', '--no-custom')).stderr).toMatch(/asks at least one question/);
    expect((await sw('pulse', 'schedule', '--time', '9am')).stderr).toMatch(/time: must be a 24-hour time HH:MM/);
    expect((await sw('pulse', 'schedule', '--on', '--off')).code).toBe(2);
    const six = ['A?', 'B?', 'C?', 'D?', 'E?', 'F?'].flatMap((q) => ['-q', q]);
    expect((await sw('pulse', 'schedule', ...six)).stderr).toMatch(/at most 5 custom questions/);
    expect((await sw('pulse', 'schedule')).stdout).toMatch(/No pulse schedule yet/);
  });

  it('turns pulse prompt emails off and on', async () => {
    const sw = cliRunner();
    expect((await sw('email', 'prefs')).stdout).toMatch(/Pulse prompts +on, when a round of a pulse schedule opens/);
    expect((await sw('email', 'prefs', '--pulses', 'off')).stdout).toMatch(/Saved\.[\s\S]*Pulse prompts +off/);
    expect((await sw('email', 'status')).stdout).toMatch(/pulse prompts off/);
    expect((await sw('email', 'prefs', '--pulses', 'maybe')).code).toBe(2);
  });

  it.each([['pulse schedule'], ['pulse due']])('smallwins %s --help shows examples', async (command) => {
    const help = await cliRunner()(...command.split(' '), '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n\s+smallwins pulse/);
  });
});
