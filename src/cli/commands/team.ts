import type { Command } from 'commander';
import type { z } from 'zod';
import { teamOperations as ops } from '#api/team.ops.js';
import type { WorkItemOut } from '#contracts/api/team.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { shortDate } from '../dates.js';
import { table } from '../format.js';
import type { Colors } from '../io.js';

type WorkItem = z.output<typeof WorkItemOut>;

const MARK: Record<WorkItem['status'], string> = { planned: '○', done: '✓', skipped: '–', carried: '→', dropped: '×' };

/** Work items as a table: when, what, and who (the assignee, or who handed it over). */
function renderWork(items: WorkItem[], c: Colors, who: 'assignee' | 'assigner'): string {
  return table([
    ['ID', 'WHEN', '', 'WHAT', who === 'assignee' ? 'WHO' : 'FROM'],
    ...items.map((w) => [
      shortId(w.id),
      w.day ? shortDate(w.day) : w.week,
      w.status === 'done' ? c.green(MARK[w.status]) : w.open ? MARK[w.status] : c.dim(MARK[w.status]),
      `${w.kind === 'micro_goal' ? c.bold(w.title) + c.dim(' (micro-goal)') : w.title}${w.minutes ? c.dim(` ${w.minutes} min`) : ''}${w.goalTitle ? c.dim(` · ${w.goalTitle}`) : ''}`,
      (who === 'assignee' ? w.assigneeName : w.assignedByName) ?? c.dim('—'),
    ]),
  ], c);
}

/** `team work|waiting|open|assign|unassign|offer|pick`: delegation in a team workspace (use --workspace <id>). */
export function registerTeamCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const team = program
    .command('team')
    .description('Delegation in a team workspace: my work, waiting on others, tasks open for pickup')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team work\n  smallwins --workspace <id> team assign "Write the newsletter" max@example.com\n  smallwins --workspace <id> team pick "Set up chairs"');

  const assign = async (ref: string, microGoal: boolean, assignee: string | null) => {
    if (microGoal) {
      const microGoalId = await app.resolve('microGoal', ref);
      return assignee === null ? app.call(ops.unassignMicroGoal, { microGoalId }) : app.call(ops.assignMicroGoal, { microGoalId, assignee });
    }
    const taskId = await app.resolve('task', ref);
    return assignee === null ? app.call(ops.unassignTask, { taskId }) : app.call(ops.assignTask, { taskId, assignee });
  };

  team
    .command('work')
    .description('My work: tasks and micro-goals assigned to me, open ones first')
    .option('-o, --open', 'only what is still to do')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team work\n  smallwins --workspace <id> team work --open --json')
    .action(async (opts: { open?: boolean }) => {
      const items = await app.call(ops.listMyWork, { status: opts.open ? 'open' : 'all' });
      app.print(items, () => (items.length === 0 ? 'Nothing is assigned to you here. See what is open: smallwins team open' : renderWork(items, c, 'assigner')));
    });

  team
    .command('waiting')
    .description('Waiting on others: open work you handed to teammates')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team waiting')
    .action(async () => {
      const items = await app.call(ops.listWaitingOnOthers, {});
      app.print(items, () => (items.length === 0 ? 'You are not waiting on anyone.' : renderWork(items, c, 'assignee')));
    });

  team
    .command('open')
    .description('Tasks open for anyone to pick up')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team open')
    .action(async () => {
      const items = await app.call(ops.listOpenForPickup, {});
      app.print(items, () => (items.length === 0 ? 'No task is open for pickup. Offer one with: smallwins team offer <task>' : `${renderWork(items, c, 'assigner')}\n\nPick one up with: smallwins team pick <id>`));
    });

  team
    .command('assign')
    .description('Assign a task (or, with --micro-goal, a micro-goal) to a member')
    .argument('<item>', 'task (or micro-goal) id, id prefix, title or part of it')
    .argument('<member>', "the member's email or user id (smallwins member list)")
    .option('-m, --micro-goal', 'the item is a micro-goal')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team assign "Write the newsletter" max@example.com\n  smallwins --workspace <id> team assign --micro-goal "Landing page" 8d1k3m9q2x7v4b6n')
    .action(async (ref: string, member: string, opts: { microGoal?: boolean }) => {
      const item = await assign(ref, Boolean(opts.microGoal), member);
      app.print(item, () => `${c.green('✓')} ${c.bold(item.title)} assigned to ${item.assigneeName ?? member} ${c.dim(`(${shortId(item.id)})`)}`);
    });

  team
    .command('unassign')
    .description('Give a task (or, with --micro-goal, a micro-goal) back to the team')
    .argument('<item>', 'task (or micro-goal) id, id prefix, title or part of it')
    .option('-m, --micro-goal', 'the item is a micro-goal')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team unassign "Call the venue"')
    .action(async (ref: string, opts: { microGoal?: boolean }) => {
      const item = await assign(ref, Boolean(opts.microGoal), null);
      app.print(item, () => `${c.green('✓')} ${c.bold(item.title)} is unassigned`);
    });

  team
    .command('offer')
    .description('Offer a task for anyone in the team to pick up (--withdraw takes it back)')
    .argument('<task>', 'task id, id prefix, title or part of it')
    .option('-w, --withdraw', 'take the task off the pickup list')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team offer "Set up chairs"\n  smallwins --workspace <id> team offer "Set up chairs" --withdraw')
    .action(async (ref: string, opts: { withdraw?: boolean }) => {
      const taskId = await app.resolve('task', ref);
      const item = await app.call(opts.withdraw ? ops.withdrawOffer : ops.offerTask, { taskId });
      app.print(item, () => (opts.withdraw ? `${c.green('✓')} ${c.bold(item.title)} is no longer offered` : `${c.green('✓')} ${c.bold(item.title)} is open for pickup ${c.dim(`(${shortId(item.id)})`)}`));
    });

  team
    .command('pick')
    .description('Pick up a task open for pickup: it becomes yours')
    .argument('<task>', 'task id, id prefix, title or part of it')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> team pick "Print the flyers"')
    .action(async (ref: string) => {
      const item = await app.call(ops.pickUpTask, { taskId: await app.resolve('task', ref) });
      app.print(item, () => `${c.green('✓')} ${c.bold(item.title)} is yours${item.day ? ` for ${shortDate(item.day)}` : ''}`);
    });
}
