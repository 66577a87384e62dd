import { isTeamWorkspace } from '../assignments/work-queries.js';
import { today as todayOf, type Ctx } from '../context.js';
import { listFocusWindows } from '../energy/focus-windows.js';
import type { FocusWindow } from '../energy/energy-queries.js';
import { listGoals, type GoalSummary } from '../goals/list-goals.js';
import { listTasks, type TaskItem } from '../tasks/list-tasks.js';
import { isoWeekOf } from '../time/iso-week.js';
import type { IsoDate } from '../time/plain-date.js';
import { listWins } from '../wins/list-wins.js';
import type { Win } from '../wins/win-queries.js';
import { dueRoutines, type TodayRoutine } from './today-routines.js';

export type { TodayRoutine };

export interface TodayView {
  day: IsoDate;
  week: string;
  tasks: TaskItem[];
  /** Tasks still planned on earlier days: candidates for carry-over. */
  unfinishedBefore: number;
  routines: TodayRoutine[];
  focusWindows: FocusWindow[];
  wins: Win[];
  energy: { energy: number; sleepHours: number | null } | null;
  goals: GoalSummary[];
  totals: { tasksDone: number; tasksOpen: number; minutesPlanned: number; minutesDone: number; routinesDue: number; routinesChecked: number };
}

/**
 * Everything the day asks for: its tasks, the routines due with their streaks, focus windows, wins and
 * energy. In a team workspace the day's tasks are the actor's own and the team's unassigned ones:
 * what teammates were given stays on their Today.
 */
export async function todayView(ctx: Ctx, input: { day?: IsoDate } = {}): Promise<TodayView> {
  const day = input.day ?? todayOf(ctx);
  const ws = ctx.actor.workspaceId;
  const me = ctx.actor.userId;
  const [team, allTasks, unfinished, routines, focusWindows, wins, energy, goals] = await Promise.all([
    isTeamWorkspace(ctx.db, ws),
    listTasks(ctx, { day }),
    ctx.db
      .selectFrom('tasks')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn.sum<number | string | null>(eb.case().when(eb.or([eb('assigneeId', 'is', null), eb('assigneeId', '=', me)])).then(1).else(0).end()).as('mine'),
      ])
      .where('workspaceId', '=', ws)
      .where('status', '=', 'planned')
      .where('day', '<', day)
      .executeTakeFirstOrThrow(),
    dueRoutines(ctx, day),
    listFocusWindows(ctx, { from: day, to: day }),
    listWins(ctx, { from: day, to: day }),
    ctx.db
      .selectFrom('energyEntries')
      .select(['energy', 'sleepHours'])
      .where('workspaceId', '=', ws)
      .where('userId', '=', ctx.actor.userId)
      .where('day', '=', day)
      .executeTakeFirst(),
    listGoals(ctx, { status: 'active' }),
  ]);
  const tasks = team ? allTasks.filter((t) => t.assigneeId === null || t.assigneeId === me) : allTasks;
  const live = tasks.filter((t) => t.status !== 'carried');
  return {
    day,
    week: isoWeekOf(day),
    tasks,
    unfinishedBefore: Number((team ? unfinished.mine : unfinished.n) ?? 0),
    routines,
    focusWindows,
    wins,
    energy: energy ?? null,
    goals,
    totals: {
      tasksDone: live.filter((t) => t.status === 'done').length,
      tasksOpen: live.filter((t) => t.status === 'planned').length,
      minutesPlanned: live.filter((t) => t.status !== 'skipped').reduce((n, t) => n + t.minutes, 0),
      minutesDone: live.filter((t) => t.status === 'done').reduce((n, t) => n + (t.actualMinutes ?? t.minutes), 0),
      routinesDue: routines.length,
      routinesChecked: routines.filter((r) => r.checkIn !== null).length,
    },
  };
}
