import type { Command } from 'commander';
import { AppError } from '#core/errors.js';
import { insightsOperations as ops } from '#api/insights.ops.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { parseNumber } from '../format.js';
import { renderEnergyInsights, renderExperimentStats, renderMomentum } from './insights-render.js';

const groupNamed = (program: Command, name: string, description: string): Command =>
  program.commands.find((cmd) => cmd.name() === name) ?? program.command(name).description(description);

function wholeDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError('validation', '--days must be a whole number from 1 to 366.');
  return days;
}

/** `momentum`, `energy insights` and `experiment stats`: the statistics of insights part 2. */
export function registerProgressInsightsCommands(program: Command, app: CliApp): void {
  const { c } = app;

  program
    .command('momentum')
    .description('Your momentum (0–100%): planned vs done tasks and due check-ins, smoothed with a 7-day half-life')
    .option('-d, --days <n>', 'how many days to show, today included', parseNumber('--days'), 30)
    .addHelpText('after', '\nExamples:\n  smallwins momentum\n  smallwins momentum --days 90 --json\n\nHow it is computed: docs/decisions/003-momentum.md')
    .action(async (opts: { days: number }) => {
      const days = wholeDays(opts.days);
      const m = await app.call(ops.momentum, { days });
      app.print(m, () => renderMomentum(m, c));
    });

  groupNamed(program, 'energy', "Log today's energy (1–5) and sleep")
    .command('insights')
    .description('How your sleep and energy relate to the tasks you finish, with how sure it is')
    .option('-d, --days <n>', 'how many days back to look, today included', parseNumber('--days'), 90)
    .addHelpText('after', '\nExamples:\n  smallwins energy insights\n  smallwins energy insights --days 180 --json\n\nNothing is claimed below 14 finished days with energy and tasks (5 on each side).')
    .action(async (opts: { days: number }) => {
      const days = wholeDays(opts.days);
      const r = await app.call(ops.energyInsights, { days });
      app.print(r, () => renderEnergyInsights(r, days, c));
    });

  groupNamed(program, 'experiment', 'Experiments: test an assumption in a short time box')
    .command('stats')
    .description("An experiment's statistics: chance each variant beats the first, lift, and its metric before vs during")
    .argument('<experiment>', 'experiment id, prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins experiment stats "Short onboarding"\n  smallwins experiment stats 4f2a --json')
    .action(async (ref: string) => {
      const s = await app.call(ops.experimentStats, { experimentId: await app.resolve('experiment', ref) });
      app.print(s, () => {
        const body = renderExperimentStats(s, c);
        const head = `${c.bold(s.title)} ${c.dim(`(${shortId(s.experimentId)})`)}`;
        if (body.length > 0) return [head, ...body].join('\n');
        return `${head}\n${c.dim('  No variants and no metric to measure. Count variants with: smallwins experiment count <experiment> <variant> --trials <n> --successes <n>')}`;
      });
    });
}
