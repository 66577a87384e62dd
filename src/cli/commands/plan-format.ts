import type { z } from 'zod';
import type { TaskItemOut, TaskOut, WeekOut } from '#contracts/api/plan.js';
import type { WinOut } from '#contracts/api/shapes.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import { shortDate } from '../dates.js';
import type { Colors } from '../io.js';
import { plural, table } from '../format.js';

type WeekView = z.output<typeof WeekOut>;
type TaskItem = z.output<typeof TaskItemOut>;
type Task = z.output<typeof TaskOut>;
type Win = z.output<typeof WinOut>;

/** `--micro "<goal>: <title>"`, split at the first colon. */
export function splitMicro(value: string): { goal: string; title: string } {
  const at = value.indexOf(':');
  const goal = at > 0 ? value.slice(0, at).trim() : '';
  const title = at > 0 ? value.slice(at + 1).trim() : '';
  if (!goal || !title) {
    throw new AppError('validation', `--micro needs "<goal>: <title>" (e.g. --micro "Launch: Book 3 demos"), got "${value}". Use the goal id if its title holds a colon.`);
  }
  return { goal, title };
}

const TASK_MARK: Record<Task['status'], string> = { planned: '○', done: '✓', skipped: '–', carried: '→' };

export function taskMark(status: Task['status'], c: Colors): string {
  const mark = TASK_MARK[status];
  return status === 'done' ? c.green(mark) : status === 'planned' ? mark : c.dim(mark);
}

export function minutesOf(task: Task): string {
  return task.status === 'done' && task.actualMinutes !== null && task.actualMinutes !== task.minutes
    ? `${task.actualMinutes}/${task.minutes}`
    : String(task.minutes);
}

/** Tasks as an aligned table with a done/planned footer. */
export function renderTasks(tasks: TaskItem[], c: Colors, range: { from: string; to: string }): string {
  const title = range.from === range.to ? `Tasks for ${shortDate(range.from)}` : `Tasks ${shortDate(range.from)} – ${shortDate(range.to)}`;
  if (tasks.length === 0) {
    return `${title}: nothing planned.\n  Add one: smallwins task add "<title>" --minutes 30${range.from === range.to ? ` --day ${range.from}` : ''}`;
  }
  const multiDay = range.from !== range.to;
  const rows = tasks.map((t) => [
    taskMark(t.status, c),
    shortId(t.id),
    ...(multiDay ? [shortDate(t.day)] : []),
    minutesOf(t),
    t.status === 'planned' ? t.title : c.dim(t.title),
    c.dim(t.microGoalTitle ? `${t.microGoalTitle} · ${t.goalTitle ?? ''}` : (t.goalTitle ?? '')),
  ]);
  const counted = tasks.filter((t) => t.status !== 'carried');
  const done = counted.filter((t) => t.status === 'done');
  const minutes = (list: Task[], actual: boolean) => list.reduce((n, t) => n + (actual ? (t.actualMinutes ?? t.minutes) : t.minutes), 0);
  const footer = `${done.length} of ${plural(counted.length, 'task')} done · ${minutes(done, true)} of ${minutes(counted, false)} min`;
  return [c.bold(title), table([[' ', 'ID', ...(multiDay ? ['DAY'] : []), 'MIN', 'TASK', 'FOR'], ...rows], c), c.dim(footer)].join('\n');
}

const MICRO_MARK = { planned: '○', done: '✓', dropped: '✗' } as const;

/** The week view: plan, micro-goals per goal, task counts and minutes, warnings. */
export function renderWeek(view: WeekView, c: Colors): string {
  const lines = [c.bold(`Week ${view.week}`) + c.dim(`  ${shortDate(view.start)} – ${shortDate(view.end)}`)];
  if (view.plan) lines.push(`Plan: ${view.plan}`);
  if (view.result) lines.push(`Result: ${view.result}`);
  if (view.goals.length === 0) lines.push('', 'No active goals yet. Start with: smallwins goal add "<title>"');
  for (const { goal, microGoals } of view.goals) {
    lines.push('', c.bold(goal.title) + (goal.status === 'active' ? '' : c.dim(` (${goal.status})`)));
    if (microGoals.length === 0) {
      lines.push(c.dim(`  no micro-goals yet: smallwins microgoal add ${shortId(goal.id)} "<title>"`));
      continue;
    }
    const rows = microGoals.map((m) => [
      m.status === 'done'
        ? `  ${c.green(MICRO_MARK.done)} ${m.title}`
        : m.status === 'dropped'
          ? c.dim(`  ${MICRO_MARK.dropped} ${m.title}`)
          : `  ${MICRO_MARK.planned} ${m.title}`,
      c.dim(shortId(m.id)),
      c.dim(m.tasks.total > 0 ? `${m.tasks.done}/${m.tasks.total} tasks` : 'no tasks'),
    ]);
    lines.push(table(rows));
  }
  const mg = view.microGoals;
  const t = view.tasks;
  lines.push(
    '',
    `Micro-goals: ${mg.done} of ${mg.done + mg.planned} done${mg.dropped ? `, ${mg.dropped} dropped` : ''}`,
    `Tasks: ${t.done} done, ${t.planned} planned, ${t.skipped} skipped, ${t.carried} carried over`,
    `Minutes: ${t.minutesDone} done of ${t.minutesPlanned} planned`,
  );
  for (const w of view.warnings) lines.push(`${c.yellow('!')} ${w}`);
  return lines.join('\n');
}

/** Finishing a task or micro-goal: the win it earned, or that it was done already (no second win). */
export function renderDone(title: string, win: Win | null, c: Colors, after = ''): string {
  return win ? `${c.green('✓')} Done: ${c.bold(title)}${after}\n${c.yellow('★')} Win logged: ${win.title}` : `${c.green('✓')} ${title} was already done${after}`;
}

const SOURCE: Record<Win['source'], string> = { manual: 'by hand', task: 'task', micro_goal: 'micro-goal', milestone: 'milestone' };

export function renderWins(wins: Win[], c: Colors, emptyHint: string): string {
  if (wins.length === 0) return emptyHint;
  const rows = wins.map((w) => [
    shortDate(w.day),
    c.yellow('★'),
    SOURCE[w.source],
    `${w.title}${w.note ? c.dim(` — ${w.note}`) : ''}${w.visibility === 'shared' ? c.dim(' (shared)') : ''}`,
  ]);
  return [table([['DAY', ' ', 'FROM', 'WIN'], ...rows], c), c.dim(plural(wins.length, 'win'))].join('\n');
}
