import { currentWeek } from '#core/plan/plan-queries.js';
import { planWeek } from '#core/plan/plan-week.js';
import { addTask } from '#core/tasks/add-task.js';
import { completeTask } from '#core/tasks/complete-task.js';
import { logWin } from '#core/wins/log-win.js';
import type { Samples, Seeder } from '../samples.js';

/**
 * A week plan with two micro-goals (one to complete, one to drop), tasks in each state an operation
 * needs (one to show, edit and complete; one each to skip, carry and delete; one done), and a win.
 */
export const seed: Seeder = async (ctx, ids) => {
  const week = currentWeek(ctx);
  ids.week = week;
  const { created } = await planWeek(ctx, {
    week,
    plan: 'seed-secret plan',
    microGoals: [
      { goalId: ids.goal!, title: 'Seeded micro-goal seed-secret' },
      { goalId: ids.goal!, title: 'Seeded micro-goal to drop' },
    ],
  });
  ids.microGoal = created[0]!.id;
  ids.microGoalToDrop = created[1]!.id;
  const task = (title: string) => addTask(ctx, { title, minutes: 30, microGoalId: ids.microGoal, note: 'seed-secret note' });
  ids.task = (await task('Seeded task')).id;
  ids.taskToSkip = (await task('Seeded task to skip')).id;
  ids.taskToCarry = (await task('Seeded task to carry')).id;
  ids.taskToDelete = (await task('Seeded task to delete')).id;
  const done = await completeTask(ctx, { taskId: (await task('Seeded done task')).id, actualMinutes: 25 });
  ids.doneTask = done.task.id;
  ids.taskWin = done.win!.id;
  ids.win = (await logWin(ctx, { title: 'Seeded win', note: 'seed-secret win note' })).id;
};

export const samples: Samples = {
  getCurrentDay: () => ({}),
  showToday: () => ({}),
  showWeek: (ids) => ({ week: ids.week }),
  planWeek: (ids) => ({ week: ids.week, plan: 'Sample plan', microGoals: [{ goalId: ids.goal, title: 'Sample micro-goal' }] }),
  setWeekResult: (ids) => ({ week: ids.week, result: 'Sample result' }),
  addMicroGoal: (ids) => ({ goalId: ids.goal, title: 'Sample micro-goal' }),
  showMicroGoal: (ids) => ({ microGoalId: ids.microGoal }),
  completeMicroGoal: (ids) => ({ microGoalId: ids.microGoal, result: 'Sample result' }),
  dropMicroGoal: (ids) => ({ microGoalId: ids.microGoalToDrop, reason: 'Sample reason' }),
  addTask: (ids) => ({ title: 'Sample task', minutes: 30, microGoalId: ids.microGoal }),
  listTasks: () => ({}),
  carryOverUnfinished: () => ({}),
  showTask: (ids) => ({ taskId: ids.task }),
  updateTask: (ids) => ({ taskId: ids.task, title: 'Renamed task', minutes: 45 }),
  deleteTask: (ids) => ({ taskId: ids.taskToDelete }),
  completeTask: (ids) => ({ taskId: ids.task, actualMinutes: 20 }),
  skipTask: (ids) => ({ taskId: ids.taskToSkip }),
  carryOverTask: (ids) => ({ taskId: ids.taskToCarry }),
  logWin: () => ({ title: 'Sample win' }),
  listWins: () => ({}),
};
