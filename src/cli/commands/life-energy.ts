import type { Command } from 'commander';
import { lifeOperations as ops } from '#api/life.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import { isIsoWeek, weekEnd, weekStart } from '#core/time/iso-week.js';
import { addDays, eachDay, isoWeekday } from '#core/time/plain-date.js';
import type { CliApp } from '../app.js';
import { numberArg, parseNumber, table } from '../format.js';
import { levelBar } from './life-common.js';
import { calendarArgs } from '../dates.js';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function registerEnergyCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const energy = program
    .command('energy')
    .description("Log today's energy (1–5) and sleep; `energy list` shows the last days")
    .argument('[level]', 'energy from 1 (drained) to 5 (full)')
    .option('-s, --sleep <hours>', 'hours slept last night', parseNumber('--sleep'))
    .option('-n, --note <text>', 'a note')
    .option('--day <date>', 'the day, YYYY-MM-DD or yesterday (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins energy 4 --sleep 7.5\n  smallwins energy 2 --note "late release night" --day yesterday\n  smallwins energy list --days 30')
    .action(async (level: string | undefined, opts: { sleep?: number; note?: string; day?: string }) => {
      const raw = await app.need(level, 'Energy today, from 1 to 5?', 'energy level: smallwins energy <1-5>');
      const value = numberArg('energy level', raw);
      const e = await app.call(ops.logEnergy, { energy: value, sleepHours: opts.sleep, note: opts.note, day: await calendarArgs(app).day(opts.day) });
      app.print(e, () => `${c.green('✓')} Energy ${levelBar(e.energy, c)} ${e.energy}/5 for ${e.day}${e.sleepHours !== null ? c.dim(` · slept ${e.sleepHours} h`) : ''}`);
    });

  energy
    .command('list')
    .description('Energy and sleep for each of the last days')
    .option('-d, --days <n>', 'how many days back, today included', parseNumber('--days'), 14)
    .addHelpText('after', '\nExamples:\n  smallwins energy list\n  smallwins --json energy list --days 60')
    .action(async (opts: { days: number }) => {
      if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 366) {
        throw new AppError('validation', '--days must be a whole number from 1 to 366.');
      }
      const to = await calendarArgs(app).today();
      const from = addDays(to, -(opts.days - 1));
      const entries = await app.call(ops.listEnergy, { from, to });
      const byDay = new Map(entries.map((e) => [e.day, e]));
      app.print(entries, () => {
        if (entries.length === 0) return `No energy logged in the last ${opts.days} days. Log today's with: smallwins energy 4 --sleep 7.5`;
        const rows = eachDay(from, to).map((day) => {
          const e = byDay.get(day);
          const label = `${WEEKDAY[isoWeekday(day) - 1]} ${day}`;
          if (!e) return [label, c.dim('·····  –'), '', ''];
          return [label, `${levelBar(e.energy, c)}  ${e.energy}`, e.sleepHours === null ? '' : `${e.sleepHours} h`, e.note];
        });
        const avg = entries.reduce((s, e) => s + e.energy, 0) / entries.length;
        return `${table([['DAY', 'ENERGY', 'SLEEP', 'NOTE'], ...rows], c)}\n${c.dim(`Average ${avg.toFixed(1)} over ${entries.length} logged day${entries.length === 1 ? '' : 's'}`)}`;
      });
    });

  const focus = program.command('focus').description('Focus windows: planned blocks of deep work');
  focus
    .command('add')
    .description('Plan a focus window (15–240 minutes) on a day')
    .argument('<start>', 'start time, HH:MM (24-hour)')
    .argument('<minutes>', 'length in minutes, 15–240', parseNumber('minutes'))
    .option('-l, --label <text>', 'what the time is for', '')
    .option('--day <date>', 'the day, YYYY-MM-DD or tomorrow (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins focus add 09:00 90 --label "Write the landing page"\n  smallwins focus add 14:30 45 --day tomorrow')
    .action(async (start: string, minutes: number, opts: { label: string; day?: string }) => {
      const w = await app.call(ops.addFocusWindow, { start, minutes, label: opts.label, day: await calendarArgs(app).day(opts.day) });
      app.print(w, () => `${c.green('✓')} Focus window ${c.bold(`${w.start}–${w.end}`)} on ${w.day}${w.label ? ` · ${w.label}` : ''} ${c.dim(`(${shortId(w.id)})`)}`);
    });

  focus
    .command('list')
    .description("Your focus windows (default: this week's)")
    .option('--day <date>', 'one day, YYYY-MM-DD, today or tomorrow')
    .option('--week <week>', 'an ISO week, e.g. 2026-W48, or this / next / last')
    .addHelpText('after', '\nExamples:\n  smallwins focus list\n  smallwins focus list --day tomorrow\n  smallwins focus list --week 2026-W48')
    .action(async (opts: { day?: string; week?: string }) => {
      if (opts.day && opts.week) throw new AppError('validation', 'Give either --day or --week, not both.');
      const dates = calendarArgs(app);
      const day = await dates.day(opts.day);
      let range: { from: string; to: string; where: string };
      if (day) {
        range = { from: day, to: day, where: `on ${day}` };
      } else {
        const week = (await dates.week(opts.week)) ?? (await dates.currentWeek());
        if (!isIsoWeek(week)) throw new AppError('validation', `--week must be an ISO week such as 2026-W48, or this / next / last; got "${opts.week}".`);
        range = { from: weekStart(week), to: weekEnd(week), where: `in ${week}` };
      }
      const windows = await app.call(ops.listFocusWindows, { from: range.from, to: range.to });
      app.print(windows, () => {
        if (windows.length === 0) return `No focus windows ${range.where}. Plan one: smallwins focus add 09:00 90 --label "Deep work"`;
        const total = windows.reduce((s, w) => s + w.minutes, 0);
        return `${table([['ID', 'DAY', 'TIME', 'MIN', 'LABEL'], ...windows.map((w) => [shortId(w.id), `${WEEKDAY[isoWeekday(w.day) - 1]} ${w.day}`, `${w.start}–${w.end}`, String(w.minutes), w.label])], c)}\n${c.dim(`${(total / 60).toFixed(1)} h of focus planned`)}`;
      });
    });

  focus
    .command('delete')
    .description('Delete a focus window')
    .argument('<id>', 'the window id or its first characters (see focus list)')
    .addHelpText('after', '\nExamples:\n  smallwins focus delete 3fq9k2')
    .action(async (id: string) => {
      const w = await app.call(ops.deleteFocusWindow, { focusWindowId: id });
      app.print(w, () => `${c.green('✓')} Deleted the focus window ${w.start}–${w.end} on ${w.day}`);
    });
}
