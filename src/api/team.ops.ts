import { teamEndpoints } from '#contracts/api/team.js';
import { assignMicroGoal, assignTask, unassignMicroGoal, unassignTask } from '#core/assignments/assign-work.js';
import { listMyWork, listOpenForPickup, listWaitingOnOthers } from '#core/assignments/list-work.js';
import { offerTask, pickUpTask, withdrawOffer } from '#core/assignments/pick-up-task.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof teamEndpoints> = {
  listMyWork: (ctx, input) => listMyWork(ctx, input),
  listWaitingOnOthers: (ctx) => listWaitingOnOthers(ctx),
  listOpenForPickup: (ctx) => listOpenForPickup(ctx),
  assignTask: (ctx, input) => assignTask(ctx, input),
  unassignTask: (ctx, input) => unassignTask(ctx, input),
  assignMicroGoal: (ctx, input) => assignMicroGoal(ctx, input),
  unassignMicroGoal: (ctx, input) => unassignMicroGoal(ctx, input),
  offerTask: (ctx, input) => offerTask(ctx, input),
  withdrawOffer: (ctx, input) => withdrawOffer(ctx, input),
  pickUpTask: (ctx, input) => pickUpTask(ctx, input),
};

export const teamOperations = operations(teamEndpoints, handlers);
