import { assignTask } from '#core/assignments/assign-work.js';
import { offerTask } from '#core/assignments/pick-up-task.js';
import { addMicroGoal } from '#core/plan/add-micro-goal.js';
import { addTask } from '#core/tasks/add-task.js';
import type { Samples, Seeder } from '../samples.js';

/** A micro-goal and a task assigned to the seeding owner, and a task offered for pickup. */
export const seed: Seeder = async (ctx, ids) => {
  ids.teamMicroGoal = (await addMicroGoal(ctx, { goalId: ids.goal!, title: 'Seeded team micro-goal seed-secret' })).id;
  const task = await addTask(ctx, { title: 'Seeded assigned task seed-secret', minutes: 30, microGoalId: ids.teamMicroGoal });
  ids.teamTask = (await assignTask(ctx, { taskId: task.id, assignee: ctx.actor.userId })).id;
  const open = await addTask(ctx, { title: 'Seeded task open for pickup seed-secret', minutes: 15 });
  ids.openTask = (await offerTask(ctx, { taskId: open.id })).id;
};

export const samples: Samples = {
  listMyWork: () => ({}),
  listWaitingOnOthers: () => ({}),
  listOpenForPickup: () => ({}),
  assignTask: (ids) => ({ taskId: ids.teamTask, assignee: ids.user }),
  unassignTask: (ids) => ({ taskId: ids.teamTask }),
  assignMicroGoal: (ids) => ({ microGoalId: ids.teamMicroGoal, assignee: ids.user }),
  unassignMicroGoal: (ids) => ({ microGoalId: ids.teamMicroGoal }),
  offerTask: (ids) => ({ taskId: ids.teamTask }),
  withdrawOffer: (ids) => ({ taskId: ids.teamTask }),
  pickUpTask: (ids) => ({ taskId: ids.openTask }),
};
