import type { Command } from 'commander';
import type { z } from 'zod';
import { planOperations as ops } from '#api/plan.ops.js';
import type { TodayOut } from '#contracts/api/plan.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { table } from '../format.js';
import type { Colors } from '../io.js';
import { calendarArgs } from '../dates.js';

type TodayView = z.output<typeof TodayOut>;

export function registerTodayCommands(program: Command, app: CliApp): void {
  program
    .command('today')
    .description("Today's tasks with their timeboxes, routines due with streaks, focus windows, wins and energy")
    .option('--day <date>', 'show another day (YYYY-MM-DD, yesterday, tomorrow)')
    .addHelpText('after', '\nExamples:\n  smallwins today\n  smallwins today --day yesterday\n  smallwins --json today')
    .action(async (opts: { day?: string }) => {
      const view = await app.call(ops.showToday, { day: await calendarArgs(app).day(opts.day) });
      app.print(view, () => renderToday(view, app.c));
    });
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function bar(score: number, c: Colors): string {
  const filled = Math.round(score * 10);
  return `${c.green('█'.repeat(filled))}${c.dim('░'.repeat(10 - filled))} ${String(Math.round(score * 100)).padStart(3)}%`;
}

/** The daily view: what to do, what to keep up, what already went well. */
export function renderToday(v: TodayView, c: Colors): string {
  const lines: string[] = [];
  lines.push(`${c.bold(LONG_DATE.format(new Date(`${v.day}T12:00:00Z`)))} ${c.dim(`· ${v.week}`)}`);
  if (v.goals.length > 0) {
    const focus = v.goals.map((g) => {
      const m = g.primaryMetric;
      return m && m.target !== null ? `${g.title} ${c.dim(`(${m.name} → ${m.target}${m.unit ? ` ${m.unit}` : ''})`)}` : g.title;
    });
    lines.push(c.dim('Focus: ') + focus.join(c.dim(' · ')));
  } else {
    lines.push(c.dim('No goal yet. Start from a playbook (smallwins playbook list) or: smallwins goal add "<goal>"'));
  }
  lines.push('');

  const t = v.totals;
  lines.push(`${c.bold('Tasks')}  ${t.tasksDone}/${t.tasksDone + t.tasksOpen} done ${c.dim(`· ${t.minutesDone} of ${t.minutesPlanned} min`)}`);
  if (v.tasks.length === 0) lines.push(c.dim('  Nothing planned. Add one: smallwins task add "<15–60 min of work>" --minutes 30'));
  else {
    const rows = v.tasks.map((task) => {
      const mark = task.status === 'done' ? c.green('✓') : task.status === 'skipped' ? c.dim('–') : task.status === 'carried' ? c.dim('↷') : '○';
      const title = task.status === 'planned' ? task.title : c.dim(task.title);
      const where = task.microGoalTitle ?? task.goalTitle ?? '';
      return [`  ${mark} ${title}`, c.cyan(`${task.minutes}m`), c.dim(shortId(task.id)), c.dim(where)];
    });
    lines.push(table([['', '', '', ''], ...rows]).split('\n').slice(1).join('\n'));
  }
  if (v.unfinishedBefore > 0) lines.push(c.yellow(`  ↪ ${v.unfinishedBefore} unfinished from earlier days: smallwins carry`));
  lines.push('');

  lines.push(`${c.bold('Routines')}  ${t.routinesChecked}/${t.routinesDue} checked in`);
  if (v.routines.length === 0) lines.push(c.dim('  None due today. Build a system: smallwins routine add "<name>" --daily'));
  else {
    const rows = v.routines.map((r) => {
      const ci = r.checkIn;
      const mark = !ci ? '○' : ci.status === 'done' ? c.green('✓') : ci.status === 'minimum' ? c.green('◐') : ci.status === 'skipped' ? c.dim('–') : c.red('✗');
      const streak = r.currentStreak > 0 ? `${c.yellow('🔥')} ${r.currentStreak}` : c.dim('·');
      const hint = !ci && r.minimumVersion ? c.dim(`minimum: ${r.minimumVersion}`) : c.dim(r.scheduleText);
      return [`  ${mark} ${r.name}`, streak, bar(r.score, c), hint];
    });
    lines.push(table([['', '', '', ''], ...rows]).split('\n').slice(1).join('\n'));
  }

  if (v.focusWindows.length > 0) {
    lines.push('', c.bold('Focus windows'));
    for (const w of v.focusWindows) lines.push(`  ${w.start}–${w.end}  ${w.label}`);
  }
  if (v.wins.length > 0) {
    lines.push('', c.bold('Wins'));
    for (const w of v.wins) lines.push(`  ${c.yellow('★')} ${w.title}`);
  }
  lines.push('');
  lines.push(v.energy ? `${c.bold('Energy')} ${v.energy.energy}/5${v.energy.sleepHours !== null ? c.dim(` · slept ${v.energy.sleepHours} h`) : ''}` : c.dim('Energy not logged yet: smallwins energy <1-5> --sleep <hours>'));
  return lines.join('\n');
}
