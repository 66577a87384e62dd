import { Option, type Command } from 'commander';
import { goalOperations as ops } from '#api/goals.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { parseNumber, table } from '../format.js';
import { milestoneLines, renderRoad } from './insights-render.js';

export function registerGoalCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const goal = program.command('goal').description('Goals: what you are working towards and why');

  goal
    .command('add')
    .description('Create a goal')
    .argument('[title]', 'what you want to achieve')
    .option('-p, --purpose <text>', 'why this matters', '')
    .option('-l, --leverage <text>', 'the one leverage point that moves it most', '')
    .option('-b, --by <date>', 'target date, YYYY-MM-DD')
    .addHelpText('after', '\nExamples:\n  smallwins goal add "First 10 paying customers" --purpose "Prove people pay" --leverage "Onboarding call" --by 2027-03-31')
    .action(async (title: string | undefined, opts: { purpose: string; leverage: string; by?: string }) => {
      const t = await app.need(title, 'Goal title?', 'goal title: smallwins goal add "<title>"');
      const { goal: g, warning } = await app.call(ops.createGoal, { title: t, purpose: opts.purpose, leveragePoint: opts.leverage, targetDate: opts.by ?? null });
      app.print({ goal: g, warning }, () => `${c.green('✓')} Goal ${c.bold(g.title)} created ${c.dim(`(${shortId(g.id)})`)}${warning ? `\n${c.yellow('!')} ${warning}` : ''}\n  Next: smallwins metric add ${shortId(g.id)} "<metric>" --target <n>`);
    });

  goal
    .command('list')
    .description('List goals, active first')
    .addOption(new Option('-s, --status <status>', 'only goals with this status').choices(['active', 'paused', 'done', 'dropped', 'all']).default('all'))
    .addHelpText('after', '\nExamples:\n  smallwins goal list\n  smallwins goal list --status active\n  smallwins --json goal list')
    .action(async (opts: { status: 'active' | 'paused' | 'done' | 'dropped' | 'all' }) => {
      const goals = await app.call(ops.listGoals, { status: opts.status });
      app.print(goals, () =>
        goals.length === 0
          ? 'No goals yet. Start with: smallwins goal add "<title>" (or smallwins playbook list)'
          : table([
              ['ID', 'STATUS', 'GOAL', 'PRIMARY METRIC'],
              ...goals.map((g) => [shortId(g.id), g.status, g.title, g.primaryMetric ? `${g.primaryMetric.name}${g.primaryMetric.target !== null ? ` → ${g.primaryMetric.target}${g.primaryMetric.unit ? ` ${g.primaryMetric.unit}` : ''}` : ''}` : c.dim('none yet')]),
            ], c),
      );
    });

  goal
    .command('show')
    .description('Show a goal with its metrics and micro-goals')
    .argument('<goal>', 'goal id, id prefix, title or part of it')
    .addHelpText('after', '\nExamples:\n  smallwins goal show "First 10 customers"\n  smallwins goal show zgt1')
    .action(async (ref: string) => {
      const detail = await app.call(ops.showGoal, { goalId: await app.resolve('goal', ref) });
      const road = await app.call(ops.goalRoad, { goalId: detail.goal.id }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'conflict') return null;
        throw error;
      });
      const g = detail.goal;
      app.print({ ...detail, road }, () => {
        const lines = [`${c.bold(g.title)} ${c.dim(`(${shortId(g.id)}, ${g.status}${g.targetDate ? `, by ${g.targetDate}` : ''})`)}`];
        if (g.purpose) lines.push(`  Why: ${g.purpose}`);
        if (g.leveragePoint) lines.push(`  Leverage point: ${g.leveragePoint}`);
        lines.push('', c.bold('Metrics'));
        if (detail.metrics.length === 0) lines.push(c.dim(`  none yet: smallwins metric add ${shortId(g.id)} "<name>" --target <n>`));
        for (const m of detail.metrics) {
          const latest = m.latest ? `${m.latest.value} on ${m.latest.day}` : 'no measurement yet';
          lines.push(`  ${m.primary ? c.yellow('★') : ' '} ${m.name} ${c.dim(`[${m.indicator}]`)}  ${latest}${m.target !== null ? `  target ${m.target}${m.targetDate ? ` by ${m.targetDate}` : ''}` : ''}`);
        }
        if (road) lines.push('', c.bold(`On the road to ${road.metric.name}`), ...renderRoad(road, c, shortId(g.id)));
        lines.push('', c.bold('Micro-goals'));
        if (detail.microGoals.length === 0) lines.push(c.dim('  none yet: smallwins plan week'));
        for (const mg of detail.microGoals) lines.push(`  ${mg.week}  ${mg.status === 'done' ? c.green('✓') : '·'} ${mg.title}`);
        return lines.join('\n');
      });
    });

  goal
    .command('road')
    .description("The primary metric's road from baseline to target, where you stand on it, and when you will get there")
    .argument('<goal>', 'goal id, id prefix, title or part of it')
    .addHelpText('after', [
      '',
      'Examples:',
      '  smallwins goal road "First 10 customers"',
      '  smallwins goal road zgt1 --json',
      '',
      'The forecast fits a straight line through the last 10 measured days (3 at least); its range',
      "comes from the 95% interval of the line's slope.",
    ].join('\n'))
    .action(async (ref: string) => {
      const goalId = await app.resolve('goal', ref);
      const road = await app.call(ops.goalRoad, { goalId }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'conflict') {
          throw new AppError('conflict', `This goal has no primary metric yet, so there is no road. Add one with: smallwins metric add ${shortId(goalId)} "<name>" --baseline <n> --target <n> --by YYYY-MM-DD`);
        }
        throw error;
      });
      app.print(road, () => [`${c.bold(road.metric.name)} ${c.dim(`(${road.metric.direction === 'up' ? 'higher' : 'lower'} is better)`)}`, ...renderRoad(road, c, shortId(goalId))].join('\n'));
    });

  goal
    .command('update')
    .description("Change a goal's title, purpose, leverage point, status or target date")
    .argument('<goal>', 'goal id, id prefix, title or part of it')
    .option('-t, --title <title>')
    .option('-p, --purpose <text>')
    .option('-l, --leverage <text>')
    .addOption(new Option('-s, --status <status>').choices(['active', 'paused', 'done', 'dropped']))
    .option('-b, --by <date>', 'target date, YYYY-MM-DD')
    .addHelpText('after', '\nExamples:\n  smallwins goal update grow --status paused')
    .action(async (ref: string, opts: { title?: string; purpose?: string; leverage?: string; status?: 'active' | 'paused' | 'done' | 'dropped'; by?: string }) => {
      const goalId = await app.resolve('goal', ref);
      const { goal: g, warning } = await app.call(ops.updateGoal, { goalId, title: opts.title, purpose: opts.purpose, leveragePoint: opts.leverage, status: opts.status, targetDate: opts.by });
      app.print({ goal: g, warning }, () => `${c.green('✓')} ${g.title} ${c.dim(`(${g.status})`)}${warning ? `\n${c.yellow('!')} ${warning}` : ''}`);
    });

  const metric = program.command('metric').description('Metrics: the one that matters, and leading/lagging supporting ones');
  metric
    .command('add')
    .description("Add a metric to a goal (the goal's first metric is its primary one)")
    .argument('<goal>', 'goal id, id prefix, title or part of it')
    .argument('<name>', 'what you count, e.g. "Paying customers"')
    .option('-u, --unit <unit>', 'unit, e.g. EUR or customers', '')
    .addOption(new Option('-d, --direction <dir>', 'which way is better').choices(['up', 'down']).default('up'))
    .option('--leading', 'a leading indicator (moves before results do)')
    .option('--primary', 'make this the one metric that matters')
    .option('--baseline <n>', 'value at the start', parseNumber('--baseline'))
    .option('--target <n>', 'value to reach', parseNumber('--target'))
    .option('-b, --by <date>', 'date to reach the target, YYYY-MM-DD')
    .addHelpText('after', '\nExamples:\n  smallwins metric add grow "Paying customers" --baseline 0 --target 10 --by 2027-03-31\n  smallwins metric add grow "Demos booked" --leading')
    .action(async (goalRef: string, name: string, opts: { unit: string; direction: 'up' | 'down'; leading?: boolean; primary?: boolean; baseline?: number; target?: number; by?: string }) => {
      const goalId = await app.resolve('goal', goalRef);
      const m = await app.call(ops.addMetric, { goalId, name, unit: opts.unit, direction: opts.direction, indicator: opts.leading ? 'leading' : 'lagging', primary: Boolean(opts.primary), baseline: opts.baseline ?? null, target: opts.target ?? null, targetDate: opts.by ?? null });
      app.print(m, () => `${c.green('✓')} Metric ${c.bold(m.name)} ${c.dim(`(${shortId(m.id)}, ${m.indicator}${m.primary ? ', primary' : ''})`)}`);
    });
  metric
    .command('primary')
    .description("Make a metric its goal's primary metric")
    .argument('<metric>', 'metric id, id prefix or name')
    .addHelpText('after', '\nExamples:\n  smallwins metric primary "Paying customers"')
    .action(async (ref: string) => {
      const m = await app.call(ops.setPrimaryMetric, { metricId: await app.resolve('metric', ref) });
      app.print(m, () => `${c.green('✓')} ${m.name} is now the metric that matters`);
    });

  program
    .command('measure')
    .description('Record a value of a metric')
    .argument('<metric>', 'metric id, id prefix or name')
    .argument('<value>', 'the value', parseNumber('value'))
    .option('--day <date>', 'the day it was measured (default today)')
    .option('-n, --note <text>', 'a note', '')
    .addHelpText('after', '\nExamples:\n  smallwins measure "Paying customers" 3 --note "Two demos converted"')
    .action(async (ref: string, value: number, opts: { day?: string; note: string }) => {
      const metricId = await app.resolve('metric', ref);
      const m = await app.call(ops.recordMeasurement, { metricId, value, day: opts.day, note: opts.note });
      app.print(m, () => `${c.green('✓')} ${m.value} recorded for ${m.day}${milestoneLines(m.milestones, c)}`);
    });
}
