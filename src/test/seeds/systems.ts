import { startChecklistRun, checkChecklistItem } from '#core/checklists/checklist-runs.js';
import { createChecklist } from '#core/checklists/create-checklist.js';
import { today } from '#core/context.js';
import { checkInRoutine } from '#core/routines/check-in-routine.js';
import { createRoutine } from '#core/routines/create-routine.js';
import { pauseRoutine } from '#core/routines/pause-routine.js';
import { createTemplate } from '#core/templates/create-template.js';
import { addDays } from '#core/time/plain-date.js';
import type { Samples, Seeder } from '../samples.js';

/**
 * A yes/no routine with check-ins on the last three days (ids.routine; ids.checkInDay is the day of
 * its latest one), a numeric routine paused from tomorrow on (ids.numericRoutine, ids.pause), a
 * checklist with a run ticked halfway (ids.checklist, ids.checklistRun) and a template (ids.template).
 */
export const seed: Seeder = async (ctx, ids) => {
  const day = today(ctx);
  const routine = await createRoutine(ctx, {
    name: 'Seeded routine',
    goalId: ids.goal ?? null,
    minimumVersion: 'seed-secret minimum',
    reminderTime: '07:30',
    startDay: addDays(day, -14),
  });
  ids.routine = routine.id;
  for (const [offset, status] of [[-2, 'done'], [-1, 'minimum'], [0, 'done']] as const) {
    await checkInRoutine(ctx, { routineId: routine.id, day: addDays(day, offset), status, note: 'seed-secret check-in note' });
  }
  ids.checkInDay = day;

  const numeric = await createRoutine(ctx, {
    name: 'Seeded numeric routine',
    schedule: { kind: 'times', times: 3, periodDays: 7 },
    target: { kind: 'at_least', value: 5, unit: 'km' },
    startDay: addDays(day, -14),
  });
  ids.numericRoutine = numeric.id;
  await checkInRoutine(ctx, { routineId: numeric.id, day: addDays(day, -1), value: 6.5 });
  ids.pause = (await pauseRoutine(ctx, { routineId: numeric.id, from: addDays(day, 1), reason: 'seed-secret pause reason' })).id;

  const checklist = await createChecklist(ctx, { name: 'Seeded checklist', description: 'seed-secret checklist', items: ['First step', 'Second step'] });
  ids.checklist = checklist.id;
  const run = await startChecklistRun(ctx, { checklistId: checklist.id, label: 'seed-secret run' });
  ids.checklistRun = run.run.id;
  await checkChecklistItem(ctx, { runId: run.run.id, position: 1 });

  const template = await createTemplate(ctx, {
    name: 'Seeded template',
    description: 'seed-secret template',
    steps: [{ title: 'Send the first email', minutes: 30, dayOffset: 0 }, { title: 'Follow up', minutes: 15, dayOffset: 3 }],
  });
  ids.template = template.id;
};

export const samples: Samples = {
  createRoutine: () => ({ name: 'Sample routine', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] } }),
  listRoutines: () => ({ includeArchived: true }),
  routinesDue: () => ({}),
  showRoutine: (ids) => ({ routineId: ids.routine, days: 7 }),
  updateRoutine: (ids) => ({ routineId: ids.routine, name: 'Renamed routine', reminderTime: null }),
  archiveRoutine: (ids) => ({ routineId: ids.routine }),
  restoreRoutine: (ids) => ({ routineId: ids.routine }),
  pauseRoutine: (ids) => ({ routineId: ids.routine, from: '2030-01-07', to: '2030-01-13', reason: 'Holidays' }),
  listPauses: (ids) => ({ routineId: ids.numericRoutine }),
  resumeRoutine: (ids) => ({ routineId: ids.numericRoutine }),
  checkInRoutine: (ids) => ({ routineId: ids.numericRoutine, value: 7 }),
  listCheckIns: (ids) => ({ routineId: ids.routine }),
  undoCheckIn: (ids) => ({ routineId: ids.routine, day: ids.checkInDay }),
  createChecklist: () => ({ name: 'Sample checklist', items: ['One', 'Two'] }),
  listChecklists: () => ({}),
  showChecklist: (ids) => ({ checklistId: ids.checklist }),
  startChecklistRun: (ids) => ({ checklistId: ids.checklist, label: 'Sample run' }),
  showChecklistRun: (ids) => ({ runId: ids.checklistRun }),
  checkChecklistItem: (ids) => ({ runId: ids.checklistRun, position: 2 }),
  completeChecklistRun: (ids) => ({ runId: ids.checklistRun, force: true }),
  createTemplate: () => ({ name: 'Sample template', steps: [{ title: 'Draft', minutes: 45 }] }),
  listTemplates: () => ({}),
  showTemplate: (ids) => ({ templateId: ids.template }),
  applyTemplate: (ids) => ({ templateId: ids.template, goalId: ids.goal ?? null }),
};
