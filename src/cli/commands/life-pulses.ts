import { Argument, Option, type Command } from 'commander';
import { lifeOperations as ops } from '#api/life.ops.js';
import { AppError } from '#core/errors.js';
import { MIN_TEAM_RESPONDENTS } from '#core/pulses/pulse-trend.js';
import { addWeeks, weekStart } from '#core/time/iso-week.js';
import type { CliApp } from '../app.js';
import { numberArg, parseNumber, table } from '../format.js';
import { levelBar } from './life-common.js';
import { calendarArgs } from '../dates.js';

const KINDS = ['morale', 'delight', 'clarity'] as const;
const LABEL: Record<string, string> = { morale: 'Morale', delight: 'Customer delight', clarity: 'Clarity of vision', custom: 'Custom' };

export function registerPulseCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const pulse = program
    .command('pulse')
    .description('Quick 1–5 pulses on morale, customer delight, clarity of vision, or your own question')
    .addArgument(new Argument('[kind]', 'what the pulse measures').choices(KINDS))
    .argument('[value]', 'from 1 (low) to 5 (high)')
    .option('-n, --note <text>', 'a note (kept private to you)', '')
    .option('--day <date>', 'the day, YYYY-MM-DD or yesterday (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins pulse morale 4\n  smallwins pulse delight 3 --note "two happy emails"\n  smallwins pulse custom "Do we know who our customer is?" 2\n  smallwins pulse trend clarity --weeks 12')
    .action(async (kind: (typeof KINDS)[number] | undefined, value: string | undefined, opts: { note: string; day?: string }) => {
      if (!kind) throw new AppError('validation', 'Say which pulse: smallwins pulse <morale|delight|clarity> <1-5>, or pulse custom "<question>" <1-5>.');
      const raw = await app.need(value, `${LABEL[kind]} from 1 to 5?`, `pulse value: smallwins pulse ${kind} <1-5>`);
      const pulseValue = numberArg('pulse value', raw);
      const p = await app.call(ops.recordPulse, { kind, value: pulseValue, note: opts.note, day: await calendarArgs(app).day(opts.day) });
      app.print(p, () => `${c.green('✓')} ${LABEL[p.kind]} ${levelBar(p.value, c)} ${p.value}/5 for ${p.day}`);
    });

  pulse
    .command('custom')
    .description('Answer your own 1–5 question')
    .argument('<question>', 'the question, e.g. "Is the roadmap clear?"')
    .argument('<value>', 'from 1 (low) to 5 (high)', parseNumber('value'))
    .option('-n, --note <text>', 'a note', '')
    .option('--day <date>', 'the day (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins pulse custom "Are we shipping every week?" 4')
    .action(async (question: string, value: number, opts: { note: string; day?: string }) => {
      const p = await app.call(ops.recordPulse, { kind: 'custom', question, value, note: opts.note, day: await calendarArgs(app).day(opts.day) });
      app.print(p, () => `${c.green('✓')} ${p.question} ${levelBar(p.value, c)} ${p.value}/5 for ${p.day}`);
    });

  pulse
    .command('trend')
    .description('Average pulse per ISO week (anonymous in team workspaces)')
    .addArgument(new Argument('<kind>').choices([...KINDS, 'custom']))
    .option('-w, --weeks <n>', 'how many weeks back, this one included', parseNumber('--weeks'), 8)
    .option('-q, --question <text>', 'which custom question (for the custom kind)')
    .addHelpText('after', '\nExamples:\n  smallwins pulse trend morale\n  smallwins pulse trend custom --question "Is the roadmap clear?" --weeks 12')
    .action(async (kind: 'morale' | 'delight' | 'clarity' | 'custom', opts: { weeks: number; question?: string }) => {
      if (!Number.isInteger(opts.weeks) || opts.weeks < 1 || opts.weeks > 104) throw new AppError('validation', '--weeks must be a whole number from 1 to 104.');
      const dates = calendarArgs(app);
      const to = await dates.today();
      const from = weekStart(addWeeks(await dates.currentWeek(), -(opts.weeks - 1)));
      const trend = await app.call(ops.pulseTrend, { kind, question: opts.question, from, to, bucket: 'week' });
      app.print(trend, () => {
        const title = `${c.bold(kind === 'custom' ? trend.question : (LABEL[kind] ?? kind))} ${c.dim(`${trend.from} → ${trend.to}${trend.anonymous ? ', anonymous' : ''}`)}`;
        if (trend.weeks.every((w) => w.count === 0)) return `${title}\nNo answers in these weeks. Record one: smallwins pulse ${kind === 'custom' ? 'custom "<question>"' : kind} 4`;
        const rows = trend.weeks.map((w) => [
          w.week,
          w.average !== null ? `${levelBar(w.average, c)}  ${w.average.toFixed(2)}` : w.withheld ? c.dim(`hidden: fewer than ${MIN_TEAM_RESPONDENTS} people`) : c.dim('–'),
          String(w.count),
        ]);
        return `${title}\n${table([['WEEK', 'AVERAGE', 'ANSWERS'], ...rows], c)}`;
      });
    });

  pulse
    .command('list')
    .description('Your own pulse answers (nobody else can see them)')
    .addOption(new Option('-k, --kind <kind>').choices([...KINDS, 'custom']))
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .addHelpText('after', '\nExamples:\n  smallwins pulse list --kind morale')
    .action(async (opts: { kind?: 'morale' | 'delight' | 'clarity' | 'custom'; from?: string }) => {
      const pulses = await app.call(ops.listMyPulses, { kind: opts.kind, from: opts.from });
      app.print(pulses, () =>
        pulses.length === 0
          ? 'No pulses yet. Record one: smallwins pulse morale 4'
          : table([['DAY', 'PULSE', 'VALUE', 'NOTE'], ...pulses.map((p) => [p.day, p.kind === 'custom' ? p.question : (LABEL[p.kind] ?? p.kind), `${levelBar(p.value, c)} ${p.value}`, p.note])], c),
      );
    });
}
