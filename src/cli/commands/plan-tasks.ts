import type { Command } from 'commander';
import { today, type Ctx } from '#core/context.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import { resolveMicroGoalRef } from '#core/plan/micro-goal-ref.js';
import { resolveRef } from '#core/refs.js';
import { addTask } from '#core/tasks/add-task.js';
import { carryOverTask } from '#core/tasks/carry-over-task.js';
import { carryOverUnfinished } from '#core/tasks/carry-over-unfinished.js';
import { completeTask } from '#core/tasks/complete-task.js';
import { deleteTask } from '#core/tasks/delete-task.js';
import { listTasks } from '#core/tasks/list-tasks.js';
import { skipTask } from '#core/tasks/skip-task.js';
import { resolveTaskRef } from '#core/tasks/task-ref.js';
import { updateTask } from '#core/tasks/update-task.js';
import type { CliApp } from '../app.js';
import { numberArg, parseNumber, plural } from '../format.js';
import { renderDone, renderTasks } from './plan-format.js';
import { dayArg, shortDate } from '../dates.js';

const DAY_HELP = 'YYYY-MM-DD, today, tomorrow or yesterday';

interface LinkOptions {
  micro?: string | false;
  goal?: string | false;
}

/** --micro / --goal references to ids; `false` (from --no-micro / --no-goal) clears the link. */
async function links(ctx: Ctx, opts: LinkOptions): Promise<{ microGoalId?: string | null; goalId?: string | null }> {
  return {
    microGoalId: opts.micro === false ? null : opts.micro ? await resolveMicroGoalRef(ctx, opts.micro) : undefined,
    goalId: opts.goal === false ? null : opts.goal ? await resolveRef(ctx, 'goals', opts.goal, { nameColumn: 'title' }) : undefined,
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
      await app.withCtx(async (ctx) => {
        const added = await addTask(ctx, { title: t, minutes, day: dayArg(ctx, opts.day), note: opts.note, ...(await links(ctx, opts)) });
        app.print(added, () => `${c.green('✓')} Task ${c.bold(added.title)} planned for ${shortDate(added.day)} ${c.dim(`(${added.minutes} min, ${shortId(added.id)})`)}`);
      });
    });

  task
    .command('list')
    .description("List a day's tasks (default today) or a range")
    .option('-d, --day <day>', DAY_HELP)
    .option('--from <day>', 'first day of a range')
    .option('--to <day>', 'last day of a range')
    .addHelpText('after', '\nExamples:\n  smallwins task list\n  smallwins task list --day tomorrow\n  smallwins task list --from 2026-11-16 --to 2026-11-22')
    .action(async (opts: { day?: string; from?: string; to?: string }) => {
      await app.withCtx(async (ctx) => {
        const range = { day: dayArg(ctx, opts.day), from: dayArg(ctx, opts.from), to: dayArg(ctx, opts.to) };
        const tasks = await listTasks(ctx, range);
        const from = range.from ?? range.day ?? today(ctx);
        app.print(tasks, () => renderTasks(tasks, c, { from, to: range.to ?? from }));
      });
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
      await app.withCtx(async (ctx) => {
        const taskId = await resolveTaskRef(ctx, ref);
        const edited = await updateTask(ctx, { taskId, title: opts.title, minutes: opts.minutes, day: dayArg(ctx, opts.day), note: opts.note, ...(await links(ctx, opts)) });
        app.print(edited, () => `${c.green('✓')} ${edited.title} ${c.dim(`(${edited.minutes} min, ${shortDate(edited.day)})`)}`);
      });
    });

  task
    .command('delete')
    .description('Delete a task for good')
    .argument('<task>', 'task id, id prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins task delete "Old idea"')
    .action(async (ref: string) => {
      await app.withCtx(async (ctx) => {
        const deleted = await deleteTask(ctx, { taskId: await resolveTaskRef(ctx, ref) });
        app.print(deleted, () => `${c.green('✓')} Deleted ${deleted.title}`);
      });
    });

  program
    .command('done')
    .description('Mark a task done (logs a win)')
    .argument('<task>', "task id, id prefix or title (today's open tasks first)")
    .option('-a, --actual <minutes>', 'how long it really took', parseNumber('--actual'))
    .addHelpText('after', '\nExamples:\n  smallwins done "Email 5 leads"\n  smallwins done 3f9k --actual 40')
    .action(async (ref: string, opts: { actual?: number }) => {
      await app.withCtx(async (ctx) => {
        const done = await completeTask(ctx, { taskId: await resolveTaskRef(ctx, ref), actualMinutes: opts.actual });
        const took = done.task.actualMinutes !== null ? c.dim(` (${done.task.actualMinutes} min)`) : '';
        app.print(done, () => renderDone(done.task.title, done.win, c, took));
      });
    });

  program
    .command('skip')
    .description('Skip a planned task on purpose')
    .argument('<task>', 'task id, id prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins skip "Gym"')
    .action(async (ref: string) => {
      await app.withCtx(async (ctx) => {
        const skipped = await skipTask(ctx, { taskId: await resolveTaskRef(ctx, ref) });
        app.print(skipped, () => `${c.dim('–')} Skipped ${skipped.title}`);
      });
    });

  program
    .command('carry')
    .description('Carry a task to a later day; without a task, bring every unfinished task of earlier days to today')
    .argument('[task]', 'task id, id prefix or title')
    .option('--to <day>', `the day to carry it to (${DAY_HELP}); default the next day`)
    .addHelpText('after', '\nExamples:\n  smallwins carry\n  smallwins carry "Draft pricing page" --to tomorrow')
    .action(async (ref: string | undefined, opts: { to?: string }) => {
      await app.withCtx(async (ctx) => {
        if (ref === undefined) {
          if (opts.to !== undefined) throw new AppError('validation', '--to needs a task: smallwins carry "<task>" --to <day>. Without a task, unfinished tasks come to today.');
          const count = await carryOverUnfinished(ctx);
          app.print({ carried: count, day: today(ctx) }, () =>
            count === 0 ? 'Nothing to carry: no unfinished tasks before today.' : `${c.green('→')} Carried ${plural(count, 'unfinished task')} to today\n  See them: smallwins task list`,
          );
          return;
        }
        const carried = await carryOverTask(ctx, { taskId: await resolveTaskRef(ctx, ref), toDay: dayArg(ctx, opts.to) });
        app.print(carried, () => `${c.green('→')} ${carried.to.title} carried to ${shortDate(carried.to.day)} ${c.dim(`(${shortId(carried.to.id)})`)}`);
      });
    });
}
