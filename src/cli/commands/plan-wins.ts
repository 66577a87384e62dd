import type { Command } from 'commander';
import { planOperations as ops } from '#api/plan.ops.js';
import { WeekSchema } from '#contracts/plan.js';
import { parseInput } from '#core/errors.js';
import { weekEnd, weekStart } from '#core/time/iso-week.js';
import type { CliApp } from '../app.js';
import { calendarArgs } from '../dates.js';
import { renderWins } from './plan-format.js';
import { shortDate } from '../dates.js';

/** `win` to log one by hand, `wins` to look back at them. */
export function registerWinCommands(program: Command, app: CliApp): void {
  const { c } = app;

  program
    .command('win')
    .description('Log a win by hand')
    .argument('[title]', 'what went well')
    .option('-n, --note <text>', 'a note', '')
    .option('--shared', 'share it with the team')
    .option('-d, --day <day>', 'the day it happened (YYYY-MM-DD, today or yesterday); default today')
    .addHelpText('after', '\nExamples:\n  smallwins win "First paying customer"\n  smallwins win "Mentor liked the pitch" --note "Keep the demo short" --shared')
    .action(async (title: string | undefined, opts: { note: string; shared?: boolean; day?: string }) => {
      const t = await app.need(title, 'What went well?', 'win title: smallwins win "<title>"');
      const day = await calendarArgs(app).day(opts.day);
      const win = await app.call(ops.logWin, { title: t, note: opts.note, visibility: opts.shared ? 'shared' : 'private', day });
      app.print(win, () => `${c.yellow('★')} Win logged: ${c.bold(win.title)} ${c.dim(`(${shortDate(win.day)}${win.visibility === 'shared' ? ', shared' : ''})`)}`);
    });

  program
    .command('wins')
    .description("Look back at a week's wins (default this week)")
    .option('-w, --week <week>', 'ISO week (2026-W47), or this / last')
    .option('--all', 'every win, not just one week')
    .addHelpText('after', '\nExamples:\n  smallwins wins\n  smallwins wins --week last\n  smallwins wins --all')
    .action(async (opts: { week?: string; all?: boolean }) => {
      const dates = calendarArgs(app);
      const week = opts.all ? null : parseInput(WeekSchema, (await dates.week(opts.week)) ?? (await dates.currentWeek()), 'week');
      const wins = await app.call(ops.listWins, week ? { from: weekStart(week), to: weekEnd(week) } : {});
      const hint = `No wins ${week ? `in ${week}` : 'yet'}. Finish a task (smallwins done <task>) or log one: smallwins win "<title>"`;
      app.print(wins, () => renderWins(wins, c, hint));
    });
}
