import { Argument, Option, type Command } from 'commander';
import { lifeOperations as ops } from '#api/life.ops.js';
import { AppError } from '#core/errors.js';
import { MIN_TEAM_RESPONDENTS } from '#core/pulses/pulse-trend.js';
import { addWeeks, weekStart } from '#core/time/iso-week.js';
import type { CliApp } from '../app.js';
import { collect, numberArg, parseNumber, plural, table } from '../format.js';
import { levelBar } from './life-common.js';
import { calendarArgs, shortDate } from '../dates.js';

const KINDS = ['morale', 'delight', 'clarity'] as const;
const LABEL: Record<string, string> = { morale: 'Morale', delight: 'Customer delight', clarity: 'Clarity of vision', custom: 'Custom' };
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CADENCE: Record<number, string> = { 1: 'Every week', 2: 'Every other week', 4: 'Every four weeks' };

function weekdayOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const byName = DAYS.indexOf(value.trim().toLowerCase().slice(0, 3));
  if (byName >= 0) return byName + 1;
  if (/^[1-7]$/.test(value.trim())) return Number(value);
  throw new AppError('validation', `--weekday takes a weekday (mon … sun) or 1 (Monday) … 7 (Sunday), not "${value}".`, [{ path: '--weekday', message: 'must be a weekday' }]);
}

function kindsOption(value: string | undefined): Array<'morale' | 'delight' | 'clarity'> | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'none') return [];
  const kinds = value.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  const unknown = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new AppError('validation', `--ask takes morale, delight and clarity separated by commas (or none), not "${unknown.join(', ')}"; add your own with --question "…".`, [{ path: '--ask', message: 'must list morale, delight, clarity' }]);
  }
  return [...new Set(kinds)] as Array<'morale' | 'delight' | 'clarity'>;
}

const quoteArg = (text: string): string => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;

export function registerPulseCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const pulse = program
    .command('pulse')
    .description('Quick 1–5 pulses on morale, customer delight, clarity of vision, or your own question')
    .addArgument(new Argument('[kind]', 'what the pulse measures').choices(KINDS))
    .argument('[value]', 'from 1 (low) to 5 (high)')
    .option('-n, --note <text>', 'a note (kept private to you)', '')
    .option('--day <date>', 'the day, YYYY-MM-DD or yesterday (default today)')
    .addHelpText(
      'after',
      '\nExamples:\n  smallwins pulse morale 4\n  smallwins pulse delight 3 --note "two happy emails"\n  smallwins pulse custom "Do we know who our customer is?" 2\n  smallwins pulse trend clarity --weeks 12\n  smallwins pulse due\n  smallwins pulse schedule --weekday mon --time 10:00',
    )
    .action(async (kind: (typeof KINDS)[number] | undefined, value: string | undefined, opts: { note: string; day?: string }) => {
      if (!kind) throw new AppError('validation', 'Say which pulse: smallwins pulse <morale|delight|clarity> <1-5>, or pulse custom "<question>" <1-5>. What is asked of you now: smallwins pulse due.');
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

  pulse
    .command('due')
    .description("The questions of this workspace's open pulse round you have not answered yet")
    .addHelpText('after', '\nExamples:\n  smallwins pulse due\n  smallwins pulse due --workspace <team id>')
    .action(async () => {
      const due = await app.call(ops.pulsesDue, {});
      const time = due.scheduled && !due.round ? (await app.call(ops.getPulseSchedule, {})).time : null;
      app.print(due, () => {
        if (!due.scheduled) return 'This workspace asks no pulses on a schedule. An owner or admin sets one: smallwins pulse schedule --weekday mon --time 10:00';
        if (!due.round) return `No pulse round is open right now. The next opens ${shortDate(due.next!.dueOn)}${time ? ` at ${time}` : ''}.`;
        const until = `open until the end of ${shortDate(due.round.lastDay)}`;
        if (!due.canAnswer) return `A pulse round is ${until}. Viewers are not asked.`;
        const total = due.questions.length;
        if (due.remaining === 0) return `${c.green('✓')} You answered all ${plural(total, 'question')} of this round. The next opens ${shortDate(due.next!.dueOn)}.`;
        const rows = due.questions.map((q) => {
          const label = q.kind === 'custom' ? q.question : (LABEL[q.kind] ?? q.kind);
          if (q.answered) return `  ${c.green('✓')} ${label}`;
          const how = q.kind === 'custom' ? `smallwins pulse custom ${quoteArg(q.question)} <1-5>` : `smallwins pulse ${q.kind} <1-5>`;
          return `  ${c.yellow('·')} ${label}  ${c.dim(how)}`;
        });
        const privacy = due.anonymous ? c.dim('\nYour answers stay yours: the team only sees weekly averages of 3 or more people.') : '';
        return `Pulse round ${until}: ${due.remaining} of ${plural(total, 'question')} to answer\n${rows.join('\n')}${privacy}`;
      });
    });

  pulse
    .command('schedule')
    .description("Show the workspace's pulse schedule, or change it (owners and admins)")
    .option('--weekday <day>', 'the day a round opens: mon … sun')
    .option('--time <HH:MM>', "the local time it opens (each member's own time zone)")
    .option('--every <weeks>', 'weeks from one round to the next: 1, 2 or 4')
    .option('--ask <questions>', 'which of morale, delight, clarity to ask, separated by commas, or none')
    .option('-q, --question <text>', 'a custom question (repeat for up to 5; replaces the custom questions)', collect)
    .option('--no-custom', 'ask no custom questions')
    .option('--start <week>', 'the week the cadence counts from: YYYY-Www, this or next')
    .option('--off', 'pause the schedule: no round opens, no email goes out')
    .option('--on', 'turn the schedule on')
    .addHelpText(
      'after',
      '\nExamples:\n  smallwins pulse schedule\n  smallwins pulse schedule --weekday mon --time 10:00\n  smallwins pulse schedule --every 2 --start next --ask morale,clarity\n  smallwins pulse schedule -q "Do we know who our customer is?" -q "Is the roadmap clear?"\n  smallwins pulse schedule --off',
    )
    .action(async (opts: { weekday?: string; time?: string; every?: string; ask?: string; question?: string[]; custom: boolean; start?: string; off?: boolean; on?: boolean }) => {
      if (opts.off && opts.on) throw new AppError('validation', 'Say either --on or --off, not both.');
      const every = opts.every === undefined ? undefined : numberArg('--every', opts.every);
      const changes = {
        weekday: weekdayOption(opts.weekday),
        time: opts.time,
        everyWeeks: every,
        kinds: kindsOption(opts.ask),
        customQuestions: opts.custom === false ? [] : opts.question,
        startWeek: await calendarArgs(app).week(opts.start),
        enabled: opts.off ? false : opts.on ? true : undefined,
      };
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      let schedule = await app.call(ops.getPulseSchedule, {});
      const changing = Object.keys(given).length > 0;
      if (changing) {
        const current = { enabled: schedule.configured ? schedule.enabled : true, kinds: schedule.kinds, customQuestions: schedule.customQuestions, weekday: schedule.weekday, time: schedule.time, everyWeeks: schedule.everyWeeks };
        schedule = await app.call(ops.setPulseSchedule, { ...current, ...given });
      }
      app.print(schedule, () => {
        if (!schedule.configured) {
          return `No pulse schedule yet.${schedule.canEdit ? ' Set one: smallwins pulse schedule --weekday mon --time 10:00' : ' An owner or admin of this workspace sets it.'}`;
        }
        const asks = [...schedule.kinds.map((k) => LABEL[k] ?? k), ...schedule.customQuestions.map((q) => `“${q}”`)];
        const lines = [
          `${changing ? `${c.green('✓')} Saved. ` : ''}Pulse schedule ${schedule.enabled ? c.green('on') : c.yellow('off')}`,
          `  ${CADENCE[schedule.everyWeeks] ?? `Every ${schedule.everyWeeks} weeks`} on ${DAY_NAMES[schedule.weekday - 1]} at ${schedule.time}, from ${schedule.startWeek} ${c.dim("(each member's own time zone)")}`,
          `  Asks ${plural(asks.length, 'question')}: ${asks.join(' · ')}`,
        ];
        if (schedule.currentRound) lines.push(`  This round: ${shortDate(schedule.currentRound.dueOn)} → ${shortDate(schedule.currentRound.lastDay)}`);
        if (schedule.nextRound) lines.push(`  Next round opens ${shortDate(schedule.nextRound.dueOn)} at ${schedule.time}`);
        if (!schedule.enabled) lines.push(c.dim('  Turn it on: smallwins pulse schedule --on'));
        if (schedule.updatedBy) lines.push(c.dim(`  Last changed by ${schedule.updatedBy}`));
        return lines.join('\n');
      });
    });
}
