import type { Command } from 'commander';
import type { OperationResult } from '#api/operation.js';
import { insightsOperations as ops } from '#api/insights.ops.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { plural, shareBar, table } from '../format.js';
import type { Colors } from '../io.js';
import { registerProgressInsightsCommands } from './insights-progress.js';

const RECENT_DAYS = 30;
const LISTED_STREAKS = 15;

type RoutineScores = OperationResult<typeof ops.routineScores.endpoint>;
type RoutineStreaks = OperationResult<typeof ops.routineStreaks.endpoint>;

const percent = (score: number): string => `${(score * 100).toFixed(1)}%`;

function renderScores(result: RoutineScores, explicitRange: boolean, c: Colors): string {
  const title = `${c.bold(result.name)} ${c.dim(`(${shortId(result.routineId)})`)} strength score`;
  if (result.series.length === 0) return `${title}\n${c.dim('No days to score in that range yet: check in on the routine to start its history.')}`;
  const shown = explicitRange ? result.series : result.series.slice(-RECENT_DAYS);
  const rows = [...shown].reverse().map((d) => [d.date, percent(d.score).padStart(6), c.green(shareBar(d.score))]);
  const lines = [title, table([['DATE', ' SCORE', ''], ...rows], c)];
  if (shown.length < result.series.length) {
    lines.push(c.dim(`Showing the last ${RECENT_DAYS} of ${result.series.length} days; add --from YYYY-MM-DD for more, or --json for all of them.`));
  }
  return lines.join('\n');
}

function renderStreaks(result: RoutineStreaks, c: Colors): string {
  const lines = [
    `${c.bold(result.name)} ${c.dim(`(${shortId(result.routineId)})`)}`,
    `  Current streak  ${result.current > 0 ? c.green(plural(result.current, 'day')) : '0 days'}`,
    `  Best streak     ${plural(result.best, 'day')}`,
  ];
  if (result.streaks.length === 0) {
    lines.push(c.dim('No streaks yet: each day you check in extends one.'));
    return lines.join('\n');
  }
  const current = result.current > 0 ? result.streaks[0] : undefined;
  const rows = result.streaks.slice(0, LISTED_STREAKS).map((s) => [
    s.start, s.end, String(s.length), s === current ? c.green('✓ current') : s.length === result.best ? c.yellow('★ best') : '',
  ]);
  lines.push('', table([['START', 'END', 'DAYS', ''], ...rows], c));
  if (result.streaks.length > LISTED_STREAKS) lines.push(c.dim(`… and ${result.streaks.length - LISTED_STREAKS} older ones (--json lists them all).`));
  return lines.join('\n');
}

/** `routine scores` and `routine streaks`, added to the routine group of the systems commands. */
export function registerInsightsCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const routine =
    program.commands.find((cmd) => cmd.name() === 'routine') ??
    program.command('routine').description('Routines: habit-forming systems with a schedule and check-ins');

  routine
    .command('scores')
    .description("A routine's strength score for every day (Loop Habit Tracker's algorithm, 0–100%)")
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--from <date>', "first day, YYYY-MM-DD (default: the routine's first day)")
    .option('--to <date>', 'last day, YYYY-MM-DD (default: today)')
    .addHelpText(
      'after',
      '\nExamples:\n  smallwins routine scores "Morning run"\n  smallwins routine scores run --from 2026-11-01 --to 2026-11-30\n  smallwins routine scores run --json    # [{"date": "2026-11-18", "score": 0.4213}, …]',
    )
    .action(async (ref: string, opts: { from?: string; to?: string }) => {
      const routineId = await app.resolve('routine', ref);
      const result = await app.call(ops.routineScores, { routineId, from: opts.from, to: opts.to });
      app.print(result.series, () => renderScores(result, Boolean(opts.from), c));
    });

  routine
    .command('streaks')
    .description("A routine's current and best streak, and every streak it has had")
    .argument('<routine>', 'routine id, id prefix or name')
    .addHelpText('after', '\nExamples:\n  smallwins routine streaks "Morning run"\n  smallwins routine streaks run --json')
    .action(async (ref: string) => {
      const result = await app.call(ops.routineStreaks, { routineId: await app.resolve('routine', ref) });
      app.print(result, () => renderStreaks(result, c));
    });

  registerProgressInsightsCommands(program, app);
}
