import type { Command } from 'commander';
import { listGoals } from '#core/goals/list-goals.js';
import { shortId } from '#core/ids.js';
import { addMicroGoal } from '#core/plan/add-micro-goal.js';
import { completeMicroGoal } from '#core/plan/complete-micro-goal.js';
import { dropMicroGoal } from '#core/plan/drop-micro-goal.js';
import { listWeek } from '#core/plan/list-week.js';
import { resolveMicroGoalRef } from '#core/plan/micro-goal-ref.js';
import { currentWeek } from '#core/plan/plan-queries.js';
import { planWeek } from '#core/plan/plan-week.js';
import { setWeekResult } from '#core/plan/set-week-result.js';
import { resolveRef } from '#core/refs.js';
import type { Ctx } from '#core/context.js';
import type { CliApp } from '../app.js';
import { collect, table } from '../format.js';
import { renderDone, renderWeek, splitMicro } from './plan-format.js';
import { weekArg } from '../dates.js';
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
      await app.withCtx(async (ctx) => {
        const week = weekArg(ctx, opts.week) ?? currentWeek(ctx);
        const requested = opts.micro.map(splitMicro);
        let planText = opts.plan;
        const microGoals: Array<{ goalId: string; title: string }> = [];
        for (const m of requested) microGoals.push({ goalId: await resolveRef(ctx, 'goals', m.goal, { nameColumn: 'title' }), title: m.title });
        if (requested.length === 0 && app.io.isTTY) {
          planText ??= (await app.io.ask(`What is the plan for ${week}? (empty to skip) `)) || undefined;
          microGoals.push(...(await askMicroGoals(ctx, app)));
        }
        const { created, view } = await planWeek(ctx, { week, plan: planText, microGoals });
        app.print({ created, week: view }, () => `${c.green('✓')} ${created.length === 1 ? '1 micro-goal' : `${created.length} micro-goals`} planned for ${view.week}\n\n${renderWeek(view, c)}`);
      });
    });

  program
    .command('week')
    .description('The week: micro-goals per goal, tasks planned vs done, minutes')
    .argument('[week]', 'ISO week (2026-W48), or this / next / last; default this week')
    .option('-r, --result <text>', "write what the week produced")
    .addHelpText('after', '\nExamples:\n  smallwins week\n  smallwins week last --result "12 people on the beta list"\n  smallwins --json week 2026-W47')
    .action(async (weekRef: string | undefined, opts: { result?: string }) => {
      await app.withCtx(async (ctx) => {
        const week = weekArg(ctx, weekRef);
        if (opts.result !== undefined) await setWeekResult(ctx, { week: week ?? currentWeek(ctx), result: opts.result });
        const view = await listWeek(ctx, { week });
        app.print(view, () => renderWeek(view, c));
      });
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
      await app.withCtx(async (ctx) => {
        const goalId = await resolveRef(ctx, 'goals', goalRef, { nameColumn: 'title' });
        const mg = await addMicroGoal(ctx, { goalId, title: t, week: weekArg(ctx, opts.week) });
        app.print(mg, () => `${c.green('✓')} Micro-goal ${c.bold(mg.title)} added to ${mg.week} ${c.dim(`(${shortId(mg.id)})`)}\n  Next: smallwins task add "<first step>" --minutes 30 --micro ${shortId(mg.id)}`);
      });
    });

  micro
    .command('done')
    .description('Mark a micro-goal done (logs a win)')
    .argument('<micro-goal>', 'micro-goal id, id prefix or title')
    .option('-r, --result <text>', 'what it produced')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal done "Book 3 demos" --result "4 demos booked"')
    .action(async (ref: string, opts: { result?: string }) => {
      await app.withCtx(async (ctx) => {
        const done = await completeMicroGoal(ctx, { microGoalId: await resolveMicroGoalRef(ctx, ref), result: opts.result });
        app.print(done, () => renderDone(done.microGoal.title, done.win, c));
      });
    });

  micro
    .command('drop')
    .description('Drop a micro-goal that no longer makes sense')
    .argument('<micro-goal>', 'micro-goal id, id prefix or title')
    .option('--reason <text>', 'why it was dropped')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal drop "Press kit" --reason "Nobody asked for it"')
    .action(async (ref: string, opts: { reason?: string }) => {
      await app.withCtx(async (ctx) => {
        const mg = await dropMicroGoal(ctx, { microGoalId: await resolveMicroGoalRef(ctx, ref), reason: opts.reason });
        app.print(mg, () => `${c.dim('✗')} Dropped ${mg.title} ${c.dim(`(${mg.week})`)}`);
      });
    });

  micro
    .command('list')
    .description("List a week's micro-goals")
    .option('-w, --week <week>', 'ISO week (2026-W48), or this / next / last; default this week')
    .addHelpText('after', '\nExamples:\n  smallwins microgoal list\n  smallwins microgoal list --week last')
    .action(async (opts: { week?: string }) => {
      await app.withCtx(async (ctx) => {
        const view = await listWeek(ctx, { week: weekArg(ctx, opts.week) });
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
    });

  registerTaskCommands(program, app);
  registerWinCommands(program, app);
}

/** On a terminal: ask for micro-goals goal by goal; an empty answer moves to the next goal. */
async function askMicroGoals(ctx: Ctx, app: CliApp): Promise<Array<{ goalId: string; title: string }>> {
  const goals = await listGoals(ctx, { status: 'active' });
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
