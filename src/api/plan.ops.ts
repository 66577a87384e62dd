import { planEndpoints } from '#contracts/api/plan.js';
import { nowIso, today } from '#core/context.js';
import { addMicroGoal } from '#core/plan/add-micro-goal.js';
import { completeMicroGoal } from '#core/plan/complete-micro-goal.js';
import { dropMicroGoal } from '#core/plan/drop-micro-goal.js';
import { listWeek } from '#core/plan/list-week.js';
import { getMicroGoal } from '#core/plan/plan-queries.js';
import { planWeek } from '#core/plan/plan-week.js';
import { setWeekResult } from '#core/plan/set-week-result.js';
import { addTask } from '#core/tasks/add-task.js';
import { carryOverTask } from '#core/tasks/carry-over-task.js';
import { carryOverUnfinished } from '#core/tasks/carry-over-unfinished.js';
import { completeTask } from '#core/tasks/complete-task.js';
import { deleteTask } from '#core/tasks/delete-task.js';
import { listTasks } from '#core/tasks/list-tasks.js';
import { skipTask } from '#core/tasks/skip-task.js';
import { getTask } from '#core/tasks/task-queries.js';
import { updateTask } from '#core/tasks/update-task.js';
import { isoWeekOf, weekEnd, weekStart } from '#core/time/iso-week.js';
import { todayView } from '#core/today/today-view.js';
import { listWins } from '#core/wins/list-wins.js';
import { logWin } from '#core/wins/log-win.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof planEndpoints> = {
  async getCurrentDay(ctx) {
    const day = today(ctx);
    const week = isoWeekOf(day);
    return { now: nowIso(ctx), day, week, weekStart: weekStart(week), weekEnd: weekEnd(week), timeZone: ctx.actor.timeZone, dayStartHour: ctx.actor.dayStartHour };
  },
  showToday: (ctx, input) => todayView(ctx, input),
  showWeek: (ctx, input) => listWeek(ctx, input),
  async planWeek(ctx, input) {
    const { created, view } = await planWeek(ctx, input);
    return { created, week: view };
  },
  setWeekResult: (ctx, input) => setWeekResult(ctx, input),
  addMicroGoal: (ctx, input) => addMicroGoal(ctx, input),
  showMicroGoal: (ctx, input) => getMicroGoal(ctx, input.microGoalId),
  completeMicroGoal: (ctx, input) => completeMicroGoal(ctx, input),
  dropMicroGoal: (ctx, input) => dropMicroGoal(ctx, input),
  addTask: (ctx, input) => addTask(ctx, input),
  listTasks: (ctx, input) => listTasks(ctx, input),
  async carryOverUnfinished(ctx) {
    const carried = await carryOverUnfinished(ctx);
    return { carried, day: today(ctx) };
  },
  showTask: (ctx, input) => getTask(ctx, input.taskId),
  updateTask: (ctx, input) => updateTask(ctx, input),
  deleteTask: (ctx, input) => deleteTask(ctx, input),
  completeTask: (ctx, input) => completeTask(ctx, input),
  skipTask: (ctx, input) => skipTask(ctx, input),
  carryOverTask: (ctx, input) => carryOverTask(ctx, input),
  logWin: (ctx, input) => logWin(ctx, input),
  listWins: (ctx, input) => listWins(ctx, input),
};

export const planOperations = operations(planEndpoints, handlers);
