import { systemsEndpoints } from '#contracts/api/systems.js';
import { getChecklist } from '#core/checklists/checklist-queries.js';
import { checkChecklistItem, completeChecklistRun, showChecklistRun, startChecklistRun } from '#core/checklists/checklist-runs.js';
import { createChecklist } from '#core/checklists/create-checklist.js';
import { listChecklists } from '#core/checklists/list-checklists.js';
import { today } from '#core/context.js';
import { archiveRoutine } from '#core/routines/archive-routine.js';
import { checkInRoutine, listCheckIns, undoCheckIn } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { listRoutines } from '#core/routines/list-routines.js';
import { listPauses, pauseRoutine, resumeRoutine } from '#core/routines/pause-routine.js';
import { pausesOf, type Pause, type Routine } from '#core/routines/routine-queries.js';
import { routinesDue } from '#core/routines/routines-due.js';
import { isPaused } from '#core/routines/schedule.js';
import { showRoutine } from '#core/routines/show-routine.js';
import { updateRoutine } from '#core/routines/update-routine.js';
import { applyTemplate } from '#core/templates/apply-template.js';
import { createTemplate } from '#core/templates/create-template.js';
import { listTemplates } from '#core/templates/list-templates.js';
import { getTemplate } from '#core/templates/template-queries.js';
import { operations, type Handlers } from './operation.js';

/** Where a routine stands on a day: archived, paused, not started yet, or active. */
export function routineState(r: Routine, pauses: readonly Pause[], day: string): string {
  if (r.archivedAt) return 'archived';
  if (isPaused(pauses.filter((p) => p.routineId === r.id), day)) return 'paused';
  if (r.startDay > day) return `starts ${r.startDay}`;
  return 'active';
}

const handlers: Handlers<typeof systemsEndpoints> = {
  createRoutine: (ctx, input) => createRoutine(ctx, input),
  async listRoutines(ctx, input) {
    const routines = await listRoutines(ctx, { includeArchived: input.includeArchived });
    const pauses = await pausesOf(ctx, routines.map((r) => r.id));
    const day = today(ctx);
    return routines.map((r) => ({ ...r, state: routineState(r, pauses, day) }));
  },
  routinesDue: (ctx, input) => routinesDue(ctx, input),
  showRoutine: (ctx, input) => showRoutine(ctx, input),
  updateRoutine: (ctx, input) => updateRoutine(ctx, input),
  archiveRoutine: (ctx, input) => archiveRoutine(ctx, { routineId: input.routineId, restore: false }),
  restoreRoutine: (ctx, input) => archiveRoutine(ctx, { routineId: input.routineId, restore: true }),
  pauseRoutine: (ctx, input) => pauseRoutine(ctx, input),
  listPauses: (ctx, input) => listPauses(ctx, input),
  resumeRoutine: (ctx, input) => resumeRoutine(ctx, input),

  // The hottest route of the product: one use-case call, nothing read around it.
  checkInRoutine: (ctx, input) => checkInRoutine(ctx, input),
  listCheckIns: (ctx, input) => listCheckIns(ctx, input),
  undoCheckIn: (ctx, input) => undoCheckIn(ctx, input),

  createChecklist: (ctx, input) => createChecklist(ctx, input),
  listChecklists: (ctx) => listChecklists(ctx),
  showChecklist: (ctx, input) => getChecklist(ctx, input.checklistId),
  startChecklistRun: (ctx, input) => startChecklistRun(ctx, input),
  showChecklistRun: (ctx, input) => showChecklistRun(ctx, input.runId),
  checkChecklistItem: (ctx, input) => checkChecklistItem(ctx, input),
  completeChecklistRun: (ctx, input) => completeChecklistRun(ctx, input),

  createTemplate: (ctx, input) => createTemplate(ctx, input),
  listTemplates: (ctx) => listTemplates(ctx),
  showTemplate: (ctx, input) => getTemplate(ctx, input.templateId),
  applyTemplate: (ctx, input) => applyTemplate(ctx, input),
};

export const systemsOperations = operations(systemsEndpoints, handlers);
