import type { Command } from 'commander';
import type { z } from 'zod';
import { goalOperations } from '#api/goals.ops.js';
import { systemsOperations as ops } from '#api/systems.ops.js';
import type { RoutineOut } from '#contracts/api/systems.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { DayState } from '#core/routines/day-states.js';
import { describeSchedule } from '#core/routines/schedule.js';
import { isoWeekday } from '#core/time/plain-date.js';
import type { CliApp } from '../app.js';
import type { Colors } from '../io.js';
import { shortDate } from '../dates.js';
import { parseNumber, table } from '../format.js';
import { calendarArgs } from '../dates.js';
import { describeTarget, scheduleFrom, targetFrom, type ScheduleOptions, type TargetOptions } from './systems-options.js';

type Routine = z.output<typeof RoutineOut>;

const DAY_HELP = 'YYYY-MM-DD, today, tomorrow or yesterday';

function scheduleOptions(cmd: Command): Command {
  return cmd
    .option('--daily', 'every day (the default for a new routine)')
    .option('--times <n>', 'N times per period (see --per)', parseNumber('--times'))
    .option('--per <period>', 'with --times: week (Mon–Sun), month (calendar month) or a number of days', undefined)
    .option('--weekdays <days>', 'on these weekdays, e.g. mon,wed,fri')
    .option('--rrule <rule>', 'an RFC 5545 rule, e.g. "FREQ=WEEKLY;BYDAY=MO,WE,FR"')
    .option('--at-least <n>', 'numeric: done when the value is at least N', parseNumber('--at-least'))
    .option('--at-most <n>', 'numeric: done when the value is at most N', parseNumber('--at-most'))
    .option('--unit <unit>', 'unit of the value, e.g. km or pages')
    .option('--minimum <text>', 'the tiny version for low-energy days')
    .option('--remind <HH:MM>', 'reminder time, e.g. 07:30')
    .option('--goal <goal>', 'the goal this routine serves')
    .option('--start <day>', `first day it counts (${DAY_HELP}); default today`);
}

type RoutineOptions = ScheduleOptions & TargetOptions & { minimum?: string | false; remind?: string | false; goal?: string | false; start?: string };

/** One mark per day: ✓ done, ◐ minimum, – skipped, ✗ missed, ○ due and open, ‖ paused, · not due. */
export function dayMark(d: DayState, c: Colors): string {
  switch (d.status) {
    case 'done':
      return c.green('✓');
    case 'minimum':
      return c.green('◐');
    case 'skipped':
      return c.dim('–');
    case 'missed':
      return c.red('✗');
    default:
      return d.paused ? c.dim('‖') : d.due ? c.yellow('○') : c.dim('·');
  }
}

function routineLine(r: Routine, c: Colors): string {
  return `${c.bold(r.name)} ${c.dim(`(${shortId(r.id)})`)}`;
}

export function registerRoutineCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const routine = program.command('routine').description('Routines: habit-forming systems with a schedule and daily check-ins');

  scheduleOptions(routine.command('add').description('Create a routine').argument('[name]', 'what you do, e.g. "Write 200 words"'))
    .addHelpText('after', [
      '',
      'Examples:',
      '  smallwins routine add "Write 200 words" --minimum "One sentence" --remind 07:30',
      '  smallwins routine add "Run" --times 3 --per week --at-least 5 --unit km',
      '  smallwins routine add "Piano" --weekdays mon,wed,fri --goal "Play at the recital"',
      '  smallwins routine add "Monthly review" --rrule "FREQ=MONTHLY;BYDAY=-1FR"',
    ].join('\n'))
    .action(async (name: string | undefined, opts: RoutineOptions) => {
      const n = await app.need(name, 'Routine name?', 'routine name: smallwins routine add "<name>"');
      const dates = calendarArgs(app);
      const r = await app.call(ops.createRoutine, {
        name: n,
        schedule: scheduleFrom(opts),
        target: targetFrom(opts) ?? null,
        minimumVersion: typeof opts.minimum === 'string' ? opts.minimum : '',
        reminderTime: typeof opts.remind === 'string' ? opts.remind : null,
        goalId: typeof opts.goal === 'string' ? await app.resolve('goal', opts.goal) : null,
        startDay: await dates.day(opts.start),
      });
      // Without --start the routine starts today: only a given start can lie ahead (said in the human output only).
      const later = !app.json() && opts.start !== undefined && r.startDay > (await dates.today());
      app.print(r, () => `${c.green('✓')} Routine ${routineLine(r, c)}: ${describeSchedule(r.schedule)}, ${describeTarget(r)}${later ? `, from ${shortDate(r.startDay)}` : ''}\n  Next: smallwins check "${r.name}"${r.target ? ` --value <n>` : ''}`);
    });

  routine
    .command('list')
    .description('List routines with their schedule and target')
    .option('-a, --all', 'include archived routines')
    .addHelpText('after', '\nExamples:\n  smallwins routine list\n  smallwins routine list --all --json')
    .action(async (opts: { all?: boolean }) => {
      const routines = await app.call(ops.listRoutines, { includeArchived: Boolean(opts.all) });
      app.print(routines, () =>
        routines.length === 0
          ? `No routines yet. Start one with: smallwins routine add "<name>"${opts.all ? '' : ' (archived ones: --all)'}`
          : table([
              ['ID', 'ROUTINE', 'SCHEDULE', 'TARGET', 'REMIND', 'STATE'],
              ...routines.map((r) => [shortId(r.id), r.name, describeSchedule(r.schedule), describeTarget(r), r.reminderTime ?? '', r.state]),
            ], c),
      );
    });

  routine
    .command('show')
    .description('Show a routine: schedule, target, minimum, pauses and the last days as marks')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--days <n>', 'how many recent days to show', parseNumber('--days'), 14)
    .addHelpText('after', '\nExamples:\n  smallwins routine show "Write 200 words"\n  smallwins routine show run --days 28\n\nMarks: ✓ done  ◐ minimum  – skipped  ✗ missed  ○ due, no check-in  ‖ paused  · not due')
    .action(async (ref: string, opts: { days: number }) => {
      const routineId = await app.resolve('routine', ref);
      // Out-of-range counts are brought into 1–366 rather than refused, as they always were.
      const detail = await app.call(ops.showRoutine, { routineId, days: Math.min(Math.max(Math.trunc(opts.days), 1), 366) });
      const r = detail.routine;
      const goal = r.goalId ? (await app.call(goalOperations.showGoal, { goalId: r.goalId })).goal : null;
      app.print(detail, () => {
        const f = detail.frequency;
        const rows = [
          ['Schedule', `${describeSchedule(r.schedule)} ${c.dim(`(${f.numerator}/${f.denominator})`)}`],
          ['Target', describeTarget(r)],
          ['Minimum', r.minimumVersion || c.dim('none: add one with --minimum "<tiny version>"')],
          ['Reminder', r.reminderTime ?? c.dim('none')],
          ['Started', r.startDay],
        ];
        if (goal) rows.push(['Goal', goal.title]);
        if (r.archivedAt) rows.push(['Archived', r.archivedAt.slice(0, 10)]);
        for (const p of detail.pauses) rows.push(['Paused', `${p.startDay} → ${p.endDay ?? 'until resumed'}${p.reason ? `  ${c.dim(p.reason)}` : ''}`]);
        const marks = detail.recent.map((d) => dayMark(d, c)).join(' ');
        const initials = detail.recent.map((d) => 'MTWTFSS'[isoWeekday(d.day) - 1]).join(' ');
        return [
          routineLine(r, c),
          ...rows.map(([k, v]) => `  ${(k ?? '').padEnd(9)} ${v}`),
          '',
          `  Last ${detail.recent.length} days ${c.dim(`(${detail.recent[0]?.day} → ${detail.recent.at(-1)?.day})`)}`,
          `  ${marks}`,
          `  ${c.dim(initials)}`,
          c.dim('  ✓ done  ◐ minimum  – skipped  ✗ missed  ○ open  ‖ paused  · not due'),
        ].join('\n');
      });
    });

  scheduleOptions(routine.command('edit').description("Change a routine's name, schedule, target, minimum, reminder, goal or start").argument('<routine>', 'routine id, id prefix or name'))
    .option('--name <name>', 'a new name')
    .option('--no-target', 'make it a yes/no routine again')
    .option('--no-minimum', 'drop the minimum version')
    .option('--no-remind', 'drop the reminder')
    .option('--no-goal', 'unlink it from its goal')
    .addHelpText('after', '\nExamples:\n  smallwins routine edit run --times 4 --per week\n  smallwins routine edit "Write 200 words" --minimum "Open the file" --remind 06:45\n  smallwins routine edit run --no-target')
    .action(async (ref: string, opts: RoutineOptions & { name?: string; target?: boolean }) => {
      const routineId = await app.resolve('routine', ref);
      let target = opts.target === false ? null : targetFrom(opts);
      if (target === undefined && opts.unit !== undefined) {
        const current = (await app.call(ops.showRoutine, { routineId, days: 1 })).routine.target;
        if (!current) throw new AppError('validation', '--unit goes with a target: add --at-least N or --at-most N.');
        target = { ...current, unit: opts.unit };
      }
      const r = await app.call(ops.updateRoutine, {
        routineId,
        name: opts.name,
        schedule: scheduleFrom(opts),
        target,
        minimumVersion: opts.minimum === false ? '' : opts.minimum,
        reminderTime: opts.remind === false ? null : opts.remind,
        goalId: opts.goal === false ? null : opts.goal ? await app.resolve('goal', opts.goal) : undefined,
        startDay: await calendarArgs(app).day(opts.start),
      });
      app.print(r, () => `${c.green('✓')} ${routineLine(r, c)}: ${describeSchedule(r.schedule)}, ${describeTarget(r)}${r.minimumVersion ? `, minimum "${r.minimumVersion}"` : ''}`);
    });

  routine
    .command('archive')
    .description('Archive a routine (its history stays), or bring it back with --restore')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--restore', 'bring an archived routine back')
    .addHelpText('after', '\nExamples:\n  smallwins routine archive "Cold shower"\n  smallwins routine archive "Cold shower" --restore')
    .action(async (ref: string, opts: { restore?: boolean }) => {
      const routineId = await app.resolve('routine', ref);
      const r = opts.restore ? await app.call(ops.restoreRoutine, { routineId }) : await app.call(ops.archiveRoutine, { routineId });
      app.print(r, () => (r.archivedAt ? `${c.green('✓')} Archived ${routineLine(r, c)}; restore it with: smallwins routine archive "${r.name}" --restore` : `${c.green('✓')} ${routineLine(r, c)} is back`));
    });

  routine
    .command('pause')
    .description('Pause a routine for some days (open-ended without --to); paused days are not due')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--from <day>', `first paused day (${DAY_HELP}); default today`)
    .option('--to <day>', `last paused day (${DAY_HELP}); default: until resumed`)
    .option('--reason <text>', 'why, e.g. travelling', '')
    .addHelpText('after', '\nExamples:\n  smallwins routine pause run --from 2026-12-20 --to 2027-01-02 --reason "Holidays"\n  smallwins routine pause "Cold shower" --reason "Flu"')
    .action(async (ref: string, opts: { from?: string; to?: string; reason: string }) => {
      const routineId = await app.resolve('routine', ref);
      const dates = calendarArgs(app);
      const p = await app.call(ops.pauseRoutine, { routineId, from: await dates.day(opts.from), to: (await dates.day(opts.to)) ?? null, reason: opts.reason });
      const { routine: r } = await app.call(ops.showRoutine, { routineId, days: 1 });
      app.print(p, () => `${c.green('✓')} ${routineLine(r, c)} paused from ${shortDate(p.startDay)} ${p.endDay ? `to ${shortDate(p.endDay)}` : `until you resume it: smallwins routine resume "${r.name}"`}`);
    });

  routine
    .command('resume')
    .description('Resume a paused routine from today')
    .argument('<routine>', 'routine id, id prefix or name')
    .addHelpText('after', '\nExamples:\n  smallwins routine resume "Cold shower"')
    .action(async (ref: string) => {
      const routineId = await app.resolve('routine', ref);
      const res = await app.call(ops.resumeRoutine, { routineId });
      const { routine: r } = await app.call(ops.showRoutine, { routineId, days: 1 });
      app.print(res, () => `${c.green('✓')} ${routineLine(r, c)} is due again from today${res.removed ? c.dim(' (the pause had not begun, so it is gone)') : c.dim(` (paused ${res.pause.startDay} → ${res.pause.endDay})`)}`);
    });

  routine
    .command('due')
    .description('The routines due on a day, with their check-ins')
    .option('-d, --day <day>', `the day (${DAY_HELP}); default today`)
    .addHelpText('after', '\nExamples:\n  smallwins routine due\n  smallwins routine due --day yesterday --json')
    .action(async (opts: { day?: string }) => {
      const dates = calendarArgs(app);
      // The day is only printed by the human output; JSON lets the use case take today itself.
      const day = (await dates.day(opts.day)) ?? (app.json() ? undefined : await dates.today());
      const due = await app.call(ops.routinesDue, { day });
      app.print(due, () => {
        if (due.length === 0) return `Nothing due on ${shortDate(day!)}. Add a routine with: smallwins routine add "<name>"`;
        return table([
          ['', 'ROUTINE', 'SCHEDULE', 'CHECK-IN'],
          ...due.map((d) => {
            const mark = dayMark({ day: day!, due: true, paused: false, status: d.checkIn?.status ?? null }, c);
            const value = d.checkIn?.value !== null && d.checkIn?.value !== undefined ? ` ${d.checkIn.value}${d.routine.target?.unit ? ` ${d.routine.target.unit}` : ''}` : '';
            const quota = d.quota ? c.dim(`  (${d.quota.done}/${d.quota.times} this period)`) : '';
            return [mark, d.routine.name, describeSchedule(d.routine.schedule), `${d.checkIn ? `${d.checkIn.status}${value}` : c.dim(`smallwins check "${d.routine.name}"`)}${quota}`];
          }),
        ], c);
      });
    });
}
