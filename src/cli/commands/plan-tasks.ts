import type { Command } from 'commander';
import { planOperations as ops } from '#api/plan.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { numberArg, parseNumber, plural } from '../format.js';
import { calendarArgs } from '../dates.js';
import { renderDone, renderTasks } from './plan-format.js';
import { shortDate } from '../dates.js';

const DAY_HELP = 'YYYY-MM-DD, today, tomorrow or yesterday';

interface LinkOptions {
  micro?: string | false;
  goal?: string | false;
}

/** --micro / --goal references to ids; `false` (from --no-micro / --no-goal) clears the link. */
async function links(app: CliApp, opts: LinkOptions): Promise<{ microGoalId?: string | null; goalId?: string | null }> {
  return {
    microGoalId: opts.micro === false ? null : opts.micro ? await app.resolve('microGoal', opts.micro) : undefined,
    goalId: opts.goal === false ? null : opts.goal ? await app.resolve('goal', opts.goal) : undefined,
  };
}

/** `task add|list|edit|delete` and the daily shortcuts `done`, `skip`, `carry`. */
export function registerTaskCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const task = program.command('task').description('Daily tasks of 15–60 minutes').addHelpText('after', '\nExamples:\n  smallwins task add "Email 5 leads" --minutes 30\n  smallwins task list');

  task
    .command('add')
    .description('Plan a task of 15–60 minutes for a day')
    .argument('[title]', 'what to do')
    .option('-m, --minutes <n>', 'how long: 15 to 60 minutes', parseNumber('--minutes'))
    .option('-d, --day <day>', `the day (${DAY_HELP}); default today`)
    .option('--micro <micro-goal>', 'the micro-goal it moves (its goal is taken from it)')
    .option('-g, --goal <goal>', 'the goal it moves, when it has no micro-goal')
    .option('-n, --note <text>', 'a note', '')
    .addHelpText('after', '\nExamples:\n  smallwins task add "Email 5 leads" --minutes 30 --micro "Book 3 demos"\n  smallwins task add "Draft pricing page" --minutes 45 --day tomorrow --goal Launch\n\nLonger work? Split it into several tasks of at most an hour.')
    .action(async (title: string | undefined, opts: LinkOptions & { minutes?: number; day?: string; note: string; micro?: string; goal?: string }) => {
      const t = await app.need(title, 'Task title?', 'task title: smallwins task add "<title>" --minutes 30');
      const minutes = opts.minutes ?? numberArg('minutes', await app.need(undefined, 'How many minutes (15–60)?', 'task length: add --minutes 30 (15 to 60)'));
      const day = await calendarArgs(app).day(opts.day);
      const added = await app.call(ops.addTask, { title: t, minutes, day, note: opts.note, ...(await links(app, opts)) });
      app.print(added, () => `${c.green('✓')} Task ${c.bold(added.title)} planned for ${shortDate(added.day)} ${c.dim(`(${added.minutes} min, ${shortId(added.id)})`)}`);
    });

  task
    .command('list')
    .description("List a day's tasks (default today) or a range")
    .option('-d, --day <day>', DAY_HELP)
    .option('--from <day>', 'first day of a range')
    .option('--to <day>', 'last day of a range')
    .addHelpText('after', '\nExamples:\n  smallwins task list\n  smallwins task list --day tomorrow\n  smallwins task list --from 2026-11-16 --to 2026-11-22')
    .action(async (opts: { day?: string; from?: string; to?: string }) => {
      const dates = calendarArgs(app);
      const range = { day: await dates.day(opts.day), from: await dates.day(opts.from), to: await dates.day(opts.to) };
      const tasks = await app.call(ops.listTasks, range);
      // The title names the day; --json prints the list alone, so today is only asked for by people.
      const from = range.from ?? range.day ?? (app.json() ? '' : await dates.today());
      app.print(tasks, () => renderTasks(tasks, c, { from, to: range.to ?? from }));
    });

  task
    .command('edit')
    .description("Change a task's title, length, day, note, micro-goal or goal")
    .argument('<task>', 'task id, id prefix or title')
    .option('-t, --title <title>')
    .option('-m, --minutes <n>', '15 to 60 minutes', parseNumber('--minutes'))
    .option('-d, --day <day>', DAY_HELP)
    .option('-n, --note <text>')
    .option('--micro <micro-goal>', 'move it under a micro-goal')
    .option('--no-micro', 'detach it from its micro-goal')
    .option('-g, --goal <goal>', 'link it to a goal')
    .option('--no-goal', 'detach it from its goal and micro-goal')
    .addHelpText('after', '\nExamples:\n  smallwins task edit "Email 5 leads" --minutes 45 --day tomorrow\n  smallwins task edit 3f9k2a --no-micro')
    .action(async (ref: string, opts: LinkOptions & { title?: string; minutes?: number; day?: string; note?: string }) => {
      const taskId = await app.resolve('task', ref);
      const day = await calendarArgs(app).day(opts.day);
      const edited = await app.call(ops.updateTask, { taskId, title: opts.title, minutes: opts.minutes, day, note: opts.note, ...(await links(app, opts)) });
      app.print(edited, () => `${c.green('✓')} ${edited.title} ${c.dim(`(${edited.minutes} min, ${shortDate(edited.day)})`)}`);
    });

  task
    .command('delete')
    .description('Delete a task for good')
    .argument('<task>', 'task id, id prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins task delete "Old idea"')
    .action(async (ref: string) => {
      const deleted = await app.call(ops.deleteTask, { taskId: await app.resolve('task', ref) });
      app.print(deleted, () => `${c.green('✓')} Deleted ${deleted.title}`);
    });

  program
    .command('done')
    .description('Mark a task done (logs a win)')
    .argument('<task>', "task id, id prefix or title (today's open tasks first)")
    .option('-a, --actual <minutes>', 'how long it really took', parseNumber('--actual'))
    .addHelpText('after', '\nExamples:\n  smallwins done "Email 5 leads"\n  smallwins done 3f9k --actual 40')
    .action(async (ref: string, opts: { actual?: number }) => {
      const done = await app.call(ops.completeTask, { taskId: await app.resolve('task', ref), actualMinutes: opts.actual });
      const took = done.task.actualMinutes !== null ? c.dim(` (${done.task.actualMinutes} min)`) : '';
      app.print(done, () => renderDone(done.task.title, done.win, c, took));
    });

  program
    .command('skip')
    .description('Skip a planned task on purpose')
    .argument('<task>', 'task id, id prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins skip "Gym"')
    .action(async (ref: string) => {
      const skipped = await app.call(ops.skipTask, { taskId: await app.resolve('task', ref) });
      app.print(skipped, () => `${c.dim('–')} Skipped ${skipped.title}`);
    });

  program
    .command('carry')
    .description('Carry a task to a later day; without a task, bring every unfinished task of earlier days to today')
    .argument('[task]', 'task id, id prefix or title')
    .option('--to <day>', `the day to carry it to (${DAY_HELP}); default the next day`)
    .addHelpText('after', '\nExamples:\n  smallwins carry\n  smallwins carry "Draft pricing page" --to tomorrow')
    .action(async (ref: string | undefined, opts: { to?: string }) => {
      if (ref === undefined) {
        if (opts.to !== undefined) throw new AppError('validation', '--to needs a task: smallwins carry "<task>" --to <day>. Without a task, unfinished tasks come to today.');
        const moved = await app.call(ops.carryOverUnfinished, {});
        const count = moved.carried;
        app.print(moved, () =>
          count === 0 ? 'Nothing to carry: no unfinished tasks before today.' : `${c.green('→')} Carried ${plural(count, 'unfinished task')} to today\n  See them: smallwins task list`,
        );
        return;
      }
      const taskId = await app.resolve('task', ref);
      const carried = await app.call(ops.carryOverTask, { taskId, toDay: await calendarArgs(app).day(opts.to) });
      app.print(carried, () => `${c.green('→')} ${carried.to.title} carried to ${shortDate(carried.to.day)} ${c.dim(`(${shortId(carried.to.id)})`)}`);
    });
}
