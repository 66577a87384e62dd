import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins goal / metric / measure', () => {
  it('plans a goal with a primary metric and records progress', async () => {
    const sw = cliRunner();
    const add = await sw('goal', 'add', 'First 10 customers', '--purpose', 'Prove it sells', '--by', '2027-03-31');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Goal First 10 customers created/);
    expect((await sw('metric', 'add', 'first 10 customers', 'Customers', '--baseline', '0', '--target', '10')).code).toBe(0);
    expect((await sw('measure', 'Customers', '3', '--note', 'two demos')).stdout).toMatch(/3 recorded for 2026-11-18/);
    const show = await sw('goal', 'show', 'First 10 customers');
    expect(show.stdout).toMatch(/★ Customers \[lagging\]\s+3 on 2026-11-18\s+target 10/);
    const list = await sw('--json', 'goal', 'list');
    expect(list.json<Array<{ title: string; primaryMetric: { name: string } }>>()[0]).toMatchObject({ title: 'First 10 customers', primaryMetric: { name: 'Customers' } });
  });

  it('answers bad input with a clear message and the right exit code', async () => {
    const sw = cliRunner();
    const noTitle = await sw('goal', 'add');
    expect(noTitle.code).toBe(2);
    expect(noTitle.stderr).toMatch(/Missing goal title/);
    const badDate = await sw('goal', 'add', 'X', '--by', '2026-13-01');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/targetDate: must be a date in the form YYYY-MM-DD|must be a real calendar date/);
    const badNumber = await sw('measure', 'Customers', 'lots');
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toMatch(/value must be a number/);
    const unknown = await sw('goal', 'show', 'nothing-like-this');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No goal matches "nothing-like-this"/);
    const unknownCommand = await sw('gaol');
    expect(unknownCommand.code).toBe(2);
  });

  it('asks for a missing title on a terminal', async () => {
    const sw = cliRunner();
    sw.answers.push('Ship the beta');
    const add = await sw('goal', 'add');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Ship the beta/);
  });

  it('prints help with examples', async () => {
    const sw = cliRunner();
    const help = await sw('goal', 'add', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n\s+smallwins goal add/);
  });
});
