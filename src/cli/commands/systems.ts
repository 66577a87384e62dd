import type { Command } from 'commander';
import type { z } from 'zod';
import { systemsOperations as ops } from '#api/systems.ops.js';
import type { CheckInOut, RoutineOut } from '#contracts/api/systems.js';
import { AppError } from '#core/errors.js';
import type { CliApp } from '../app.js';
import type { Colors } from '../io.js';
import { shortDate } from '../dates.js';
import { parseNumber } from '../format.js';
import { milestoneLines } from './insights-render.js';
import { calendarArgs } from '../dates.js';
import { registerChecklistCommands } from './systems-checklists.js';
import { dayMark, registerRoutineCommands } from './systems-routines.js';
import { registerTemplateCommands } from './systems-templates.js';

/** Systems beat motivation: routines and their check-ins, checklists, templates. */
export function registerSystemsCommands(program: Command, app: CliApp): void {
  registerRoutineCommands(program, app);
  registerCheckCommands(program, app);
  registerChecklistCommands(program, app);
  registerTemplateCommands(program, app);
}

function checkInLine(r: z.output<typeof RoutineOut>, ci: z.output<typeof CheckInOut>, c: Colors): string {
  const unit = r.target?.unit ? ` ${r.target.unit}` : '';
  const value = ci.value !== null ? ` with ${ci.value}${unit}` : '';
  const short = r.target && ci.status === 'missed' && ci.value !== null ? c.dim(` (target ${r.target.kind === 'at_least' ? 'at least' : 'at most'} ${r.target.value}${unit})`) : '';
  const mark = dayMark({ day: ci.day, due: true, paused: false, status: ci.status }, c);
  return `${mark} ${c.bold(r.name)}: ${ci.status}${value} on ${shortDate(ci.day)}${short}${ci.status === 'minimum' && r.minimumVersion ? c.dim(` (${r.minimumVersion})`) : ''}`;
}

function registerCheckCommands(program: Command, app: CliApp): void {
  const { c } = app;
  program
    .command('check')
    .description('Check in a routine for today (or --day): done, minimum, skipped, missed, or a value')
    .argument('<routine>', 'routine id, id prefix or name')
    .option('--minimum', 'did the tiny version')
    .option('--skip', 'skipped on purpose')
    .option('--missed', 'did not do it')
    .option('--value <n>', 'for numeric routines: how much (done or missed follows from the target)', parseNumber('--value'))
    .option('-d, --day <day>', 'the day (YYYY-MM-DD or yesterday); default today')
    .option('-n, --note <text>', 'a note', '')
    .addHelpText('after', [
      '',
      'Examples:',
      '  smallwins check "Write 200 words"',
      '  smallwins check "Write 200 words" --minimum --note "Tired, one sentence"',
      '  smallwins check run --value 6.2',
      '  smallwins check run --skip --day yesterday',
      '',
      'A second check-in on the same day replaces the first.',
    ].join('\n'))
    .action(async (ref: string, opts: { minimum?: boolean; skip?: boolean; missed?: boolean; value?: number; day?: string; note: string }) => {
      const flags = [opts.minimum && '--minimum', opts.skip && '--skip', opts.missed && '--missed'].filter((f): f is string => Boolean(f));
      if (flags.length > 1) throw new AppError('validation', `Choose one of ${flags.join(', ')}.`);
      const status = opts.minimum ? 'minimum' : opts.skip ? 'skipped' : opts.missed ? 'missed' : undefined;
      const routineId = await app.resolve('routine', ref);
      const day = await calendarArgs(app).day(opts.day);
      const ci = await app.call(ops.checkInRoutine, { routineId, status, value: opts.value, day, note: opts.note });
      const { routine: r } = await app.call(ops.showRoutine, { routineId, days: 1 });
      app.print(ci, () => checkInLine(r, ci, c) + milestoneLines(ci.milestones, c));
    });

  program
    .command('uncheck')
    .description("Undo a routine's check-in of today (or --day)")
    .argument('<routine>', 'routine id, id prefix or name')
    .option('-d, --day <day>', 'the day (YYYY-MM-DD or yesterday); default today')
    .addHelpText('after', '\nExamples:\n  smallwins uncheck "Write 200 words"\n  smallwins uncheck run --day 2026-11-17')
    .action(async (ref: string, opts: { day?: string }) => {
      const routineId = await app.resolve('routine', ref);
      const dates = calendarArgs(app);
      const day = (await dates.day(opts.day)) ?? (await dates.today());
      const removed = await app.call(ops.undoCheckIn, { routineId, day });
      const { routine: r } = await app.call(ops.showRoutine, { routineId, days: 1 });
      app.print(removed, () => `${c.green('✓')} Removed the ${removed.status} check-in of ${c.bold(r.name)} on ${shortDate(removed.day)}`);
    });
}
