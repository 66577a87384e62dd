import type { Command } from 'commander';
import { today } from '#core/context.js';
import { AppError } from '#core/errors.js';
import { getGoal } from '#core/goals/goal-queries.js';
import { shortId } from '#core/ids.js';
import { resolveRef } from '#core/refs.js';
import { archiveRoutine } from '#core/routines/archive-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import type { DayState } from '#core/routines/day-states.js';
import { listRoutines } from '#core/routines/list-routines.js';
import { pauseRoutine, resumeRoutine } from '#core/routines/pause-routine.js';
import { getRoutine, pausesOf, type Routine } from '#core/routines/routine-queries.js';
import { routinesDue } from '#core/routines/routines-due.js';
import { showRoutine } from '#core/routines/show-routine.js';
import { describeSchedule } from '#core/routines/schedule.js';
import { updateRoutine } from '#core/routines/update-routine.js';
import { isoWeekday } from '#core/time/plain-date.js';
import type { CliApp } from '../app.js';
import type { Colors } from '../io.js';
import { dayArg, shortDate } from '../dates.js';
import { parseNumber, table } from '../format.js';
import { describeTarget, routineState, scheduleFrom, targetFrom, type ScheduleOptions, type TargetOptions } from './systems-options.js';

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
      await app.withCtx(async (ctx) => {
        const r = await createRoutine(ctx, {
          name: n,
          schedule: scheduleFrom(opts),
          target: targetFrom(opts) ?? null,
          minimumVersion: typeof opts.minimum === 'string' ? opts.minimum : '',
          reminderTime: typeof opts.remind === 'string' ? opts.remind : null,
          goalId: typeof opts.goal === 'string' ? await resolveRef(ctx, 'goals', opts.goal, { nameColumn: 'title' }) : null,
          startDay: dayArg(ctx, opts.start),
        });
        app.print(r, () => `${c.green('✓')} Routine ${routineLine(r, c)}: ${describeSchedule(r.schedule)}, ${describeTarget(r)}${r.startDay > today(ctx) ? `, from ${shortDate(r.startDay)}` : ''}\n  Next: smallwins check "${r.name}"${r.target ? ` --value <n>` : ''}`);
      });
    });

  routine
    .command('list')
    .description('List routines with their schedule and target')
    .option('-a, --all', 'include archived routines')
    .addHelpText('after', '\nExamples:\n  smallwins routine list\n  smallwins routine list --all --json')
    .action(async (opts: { all?: boolean }) => {
      await app.withCtx(async (ctx) => {
        const routines = await listRoutines(ctx, { includeArchived: Boolean(opts.all) });
        const pauses = await pausesOf(ctx, routines.map((r) => r.id));
        const day = today(ctx);
        app.print(routines.map((r) => ({ ...r, state: routineState(r, pauses, day) })), () =>
          routines.length === 0
            ? `No routines yet. Start one with: smallwins routine add "<name>"${opts.all ? '' : ' (archived ones: --all)'}`
            : table([
                ['ID', 'ROUTINE', 'SCHEDULE', 'TARGET', 'REMIND', 'STATE'],
                ...routines.map((r) => [shortId(r.id), r.name, describeSchedule(r.schedule), describeTarget(r), r.reminderTime ?? '', routineState(r, pauses, day)]),
              ], c),
        );
      });
    });

  routine
    .command('show')
    .description('Show a routine: schedule, target, minimum, pauses and the last days as marks')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--days <n>', 'how many recent days to show', parseNumber('--days'), 14)
    .addHelpText('after', '\nExamples:\n  smallwins routine show "Write 200 words"\n  smallwins routine show run --days 28\n\nMarks: ✓ done  ◐ minimum  – skipped  ✗ missed  ○ due, no check-in  ‖ paused  · not due')
    .action(async (ref: string, opts: { days: number }) => {
      await app.withCtx(async (ctx) => {
        const detail = await showRoutine(ctx, { routineId: await resolveRef(ctx, 'routines', ref, { nameColumn: 'name' }), days: opts.days });
        const r = detail.routine;
        const goal = r.goalId ? await getGoal(ctx, r.goalId) : null;
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
    });

  scheduleOptions(routine.command('edit').description("Change a routine's name, schedule, target, minimum, reminder, goal or start").argument('<routine>', 'routine id, id prefix or name'))
    .option('--name <name>', 'a new name')
    .option('--no-target', 'make it a yes/no routine again')
    .option('--no-minimum', 'drop the minimum version')
    .option('--no-remind', 'drop the reminder')
    .option('--no-goal', 'unlink it from its goal')
    .addHelpText('after', '\nExamples:\n  smallwins routine edit run --times 4 --per week\n  smallwins routine edit "Write 200 words" --minimum "Open the file" --remind 06:45\n  smallwins routine edit run --no-target')
    .action(async (ref: string, opts: RoutineOptions & { name?: string; target?: boolean }) => {
      await app.withCtx(async (ctx) => {
        const routineId = await resolveRef(ctx, 'routines', ref, { nameColumn: 'name' });
        let target = opts.target === false ? null : targetFrom(opts);
        if (target === undefined && opts.unit !== undefined) {
          const current = (await getRoutine(ctx, routineId)).target;
          if (!current) throw new AppError('validation', '--unit goes with a target: add --at-least N or --at-most N.');
          target = { ...current, unit: opts.unit };
        }
        const r = await updateRoutine(ctx, {
          routineId,
          name: opts.name,
          schedule: scheduleFrom(opts),
          target,
          minimumVersion: opts.minimum === false ? '' : opts.minimum,
          reminderTime: opts.remind === false ? null : opts.remind,
          goalId: opts.goal === false ? null : opts.goal ? await resolveRef(ctx, 'goals', opts.goal, { nameColumn: 'title' }) : undefined,
          startDay: dayArg(ctx, opts.start),
        });
        app.print(r, () => `${c.green('✓')} ${routineLine(r, c)}: ${describeSchedule(r.schedule)}, ${describeTarget(r)}${r.minimumVersion ? `, minimum "${r.minimumVersion}"` : ''}`);
      });
    });

  routine
    .command('archive')
    .description('Archive a routine (its history stays), or bring it back with --restore')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--restore', 'bring an archived routine back')
    .addHelpText('after', '\nExamples:\n  smallwins routine archive "Cold shower"\n  smallwins routine archive "Cold shower" --restore')
    .action(async (ref: string, opts: { restore?: boolean }) => {
      await app.withCtx(async (ctx) => {
        const r = await archiveRoutine(ctx, { routineId: await resolveRef(ctx, 'routines', ref, { nameColumn: 'name' }), restore: Boolean(opts.restore) });
        app.print(r, () => (r.archivedAt ? `${c.green('✓')} Archived ${routineLine(r, c)}; restore it with: smallwins routine archive "${r.name}" --restore` : `${c.green('✓')} ${routineLine(r, c)} is back`));
      });
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
      await app.withCtx(async (ctx) => {
        const routineId = await resolveRef(ctx, 'routines', ref, { nameColumn: 'name' });
        const p = await pauseRoutine(ctx, { routineId, from: dayArg(ctx, opts.from), to: dayArg(ctx, opts.to) ?? null, reason: opts.reason });
        const r = await getRoutine(ctx, routineId);
        app.print(p, () => `${c.green('✓')} ${routineLine(r, c)} paused from ${shortDate(p.startDay)} ${p.endDay ? `to ${shortDate(p.endDay)}` : `until you resume it: smallwins routine resume "${r.name}"`}`);
      });
    });

  routine
    .command('resume')
    .description('Resume a paused routine from today')
    .argument('<routine>', 'routine id, id prefix or name')
    .addHelpText('after', '\nExamples:\n  smallwins routine resume "Cold shower"')
    .action(async (ref: string) => {
      await app.withCtx(async (ctx) => {
        const routineId = await resolveRef(ctx, 'routines', ref, { nameColumn: 'name' });
        const res = await resumeRoutine(ctx, { routineId });
        const r = await getRoutine(ctx, routineId);
        app.print(res, () => `${c.green('✓')} ${routineLine(r, c)} is due again from today${res.removed ? c.dim(' (the pause had not begun, so it is gone)') : c.dim(` (paused ${res.pause.startDay} → ${res.pause.endDay})`)}`);
      });
    });

  routine
    .command('due')
    .description('The routines due on a day, with their check-ins')
    .option('-d, --day <day>', `the day (${DAY_HELP}); default today`)
    .addHelpText('after', '\nExamples:\n  smallwins routine due\n  smallwins routine due --day yesterday --json')
    .action(async (opts: { day?: string }) => {
      await app.withCtx(async (ctx) => {
        const day = dayArg(ctx, opts.day) ?? today(ctx);
        const due = await routinesDue(ctx, { day });
        app.print(due, () => {
          if (due.length === 0) return `Nothing due on ${shortDate(day)}. Add a routine with: smallwins routine add "<name>"`;
          return table([
            ['', 'ROUTINE', 'SCHEDULE', 'CHECK-IN'],
            ...due.map((d) => {
              const mark = dayMark({ day, due: true, paused: false, status: d.checkIn?.status ?? null }, c);
              const value = d.checkIn?.value !== null && d.checkIn?.value !== undefined ? ` ${d.checkIn.value}${d.routine.target?.unit ? ` ${d.routine.target.unit}` : ''}` : '';
              const quota = d.quota ? c.dim(`  (${d.quota.done}/${d.quota.times} this period)`) : '';
              return [mark, d.routine.name, describeSchedule(d.routine.schedule), `${d.checkIn ? `${d.checkIn.status}${value}` : c.dim(`smallwins check "${d.routine.name}"`)}${quota}`];
            }),
          ], c);
        });
      });
    });
}
