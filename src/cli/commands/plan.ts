import type { Command } from 'commander';
import { goalOperations } from '#api/goals.ops.js';
import { planOperations as ops } from '#api/plan.ops.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { collect, table } from '../format.js';
import { calendarArgs } from '../dates.js';
import { renderDone, renderWeek, splitMicro } from './plan-format.js';
import { registerTaskCommands } from './plan-tasks.js';
import { registerWinCommands } from './plan-wins.js';

/** Weekly micro-goals and week plans (`plan week`, `week`, `microgoal …`), daily tasks and wins. */
export function registerPlanCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const plan = program.command('plan').description('Plan a week: its plan text and micro-goals per goal');

  plan
    .command('week')
    .description("Plan a week's text and micro-goals in one go (asks per active goal on a terminal)")
    .option('-w, --week <week>', 'ISO week (2026-W48), or this / next; default this week')
    .option('-p, --plan <text>', 'what this week is about')
    .option('-m, --micro <goal: title>', 'a micro-goal for a goal; repeat for more', collect, [])
    .addHelpText(
      'after',
      '\nExamples:\n  smallwins plan week --plan "Demos first" --micro "Launch: Book 3 demos" --micro "Launch: Publish pricing"\n  smallwins plan week --week next\n\nAll micro-goals are saved together or not at all. Over-committed weeks are saved with a warning.',
    )
    .action(async (opts: { week?: string; plan?: string; micro: string[] }) => {
      const dates = calendarArgs(app);
      const week = (await dates.week(opts.week)) ?? (await dates.currentWeek());
      const requested = opts.micro.map(splitMicro);
      let planText = opts.plan;
      const microGoals: Array<{ goalId: string; title: string }> = [];
      for (const m of requested) microGoals.push({ goalId: await app.resolve('goal', m.goal), title: m.title });
      if (requested.length === 0 && app.io.isTTY) {
        planText ??= (await app.io.ask(`What is the plan for ${week}? (empty to skip) `)) || undefined;
        microGoals.push(...(await askMicroGoals(app)));
      }
      const { created, week: view } = await app.call(ops.planWeek, { week, plan: planText, microGoals });
      app.print({ created, week: view }, () => `${c.green('✓')} ${created.length === 1 ? '1 micro-goal' : `${created.length} micro-goals`} planned for ${view.week}\n\n${renderWeek(view, c)}`);
    });

  program
    .command('week')
    .description('The week: micro-goals per goal, tasks planned vs done, minutes')
    .argument('[week]', 'ISO week (2026-W48), or this / next / last; default this week')
    .option('-r, --result <text>', "write what the week produced")
    .addHelpText('after', '\nExamples:\n  smallwins week\n  smallwins week last --result "12 people on the beta list"\n  smallwins --json week 2026-W47')
    .action(async (weekRef: string | undefined, opts: { result?: string }) => {
      const dates = calendarArgs(app);
      const week = (await dates.week(weekRef)) ?? (await dates.currentWeek());
      if (opts.result !== undefined) await app.call(ops.setWeekResult, { week, result: opts.result });
      const view = await app.call(ops.showWeek, { week });
      app.print(view, () => renderWeek(view, c));
    });

  const micro = program.command('microgoal').description('Micro-goals: what a goal should produce this week').addHelpText('after', '\nExamples:\n  smallwins microgoal add Launch "Book 3 demos"\n  smallwins microgoal done "Book 3 demos"');

  micro
    .command('add')
    .description('Add a micro-goal to a goal for a week')
    .argument('<goal>', 'goal id, id prefix or title')
    .argument('[title]', 'what the goal should produce this week')
    .option('-w, --week <week>', 'ISO week (2026-W48), or this / next; default this week')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal add "First customers" "Book 3 demos"\n  smallwins microgoal add launch "Publish pricing page" --week next')
    .action(async (goalRef: string, title: string | undefined, opts: { week?: string }) => {
      const t = await app.need(title, 'Micro-goal title?', 'micro-goal title: smallwins microgoal add <goal> "<title>"');
      const goalId = await app.resolve('goal', goalRef);
      const mg = await app.call(ops.addMicroGoal, { goalId, title: t, week: await calendarArgs(app).week(opts.week) });
      app.print(mg, () => `${c.green('✓')} Micro-goal ${c.bold(mg.title)} added to ${mg.week} ${c.dim(`(${shortId(mg.id)})`)}\n  Next: smallwins task add "<first step>" --minutes 30 --micro ${shortId(mg.id)}`);
    });

  micro
    .command('done')
    .description('Mark a micro-goal done (logs a win)')
    .argument('<micro-goal>', 'micro-goal id, id prefix or title')
    .option('-r, --result <text>', 'what it produced')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal done "Book 3 demos" --result "4 demos booked"')
    .action(async (ref: string, opts: { result?: string }) => {
      const done = await app.call(ops.completeMicroGoal, { microGoalId: await app.resolve('microGoal', ref), result: opts.result });
      app.print(done, () => renderDone(done.microGoal.title, done.win, c));
    });

  micro
    .command('drop')
    .description('Drop a micro-goal that no longer makes sense')
    .argument('<micro-goal>', 'micro-goal id, id prefix or title')
    .option('--reason <text>', 'why it was dropped')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal drop "Press kit" --reason "Nobody asked for it"')
    .action(async (ref: string, opts: { reason?: string }) => {
      const mg = await app.call(ops.dropMicroGoal, { microGoalId: await app.resolve('microGoal', ref), reason: opts.reason });
      app.print(mg, () => `${c.dim('✗')} Dropped ${mg.title} ${c.dim(`(${mg.week})`)}`);
    });

  micro
    .command('list')
    .description("List a week's micro-goals")
    .option('-w, --week <week>', 'ISO week (2026-W48), or this / next / last; default this week')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal list\n  smallwins microgoal list --week last')
    .action(async (opts: { week?: string }) => {
      const dates = calendarArgs(app);
      const view = await app.call(ops.showWeek, { week: (await dates.week(opts.week)) ?? (await dates.currentWeek()) });
      const list = view.goals.flatMap((g) => g.microGoals.map((m) => ({ ...m, goalTitle: g.goal.title })));
      app.print(list, () =>
        list.length === 0
          ? `No micro-goals for ${view.week}. Add one: smallwins microgoal add <goal> "<title>" (or smallwins plan week)`
          : table([
              ['ID', 'STATUS', 'GOAL', 'MICRO-GOAL', 'TASKS'],
              ...list.map((m) => [shortId(m.id), m.status, m.goalTitle, m.title, `${m.tasks.done}/${m.tasks.total}`]),
            ], c),
      );
    });

  registerTaskCommands(program, app);
  registerWinCommands(program, app);
}

/** On a terminal: ask for micro-goals goal by goal; an empty answer moves to the next goal. */
async function askMicroGoals(app: CliApp): Promise<Array<{ goalId: string; title: string }>> {
  const goals = await app.call(goalOperations.listGoals, { status: 'active' });
  if (goals.length === 0) app.io.err('No active goals yet, so no micro-goals to plan. Start with: smallwins goal add "<title>"');
  const answers: Array<{ goalId: string; title: string }> = [];
  for (const goal of goals) {
    for (;;) {
      const title = await app.io.ask(`Micro-goal for "${goal.title}"? (empty to move on) `);
      if (!title) break;
      answers.push({ goalId: goal.id, title });
    }
  }
  return answers;
}
