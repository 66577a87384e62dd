import type { Samples, Seeder } from '../samples.js';

/**
 * Insights and data portability own no objects: their operations read the routine (systems), the
 * experiment (reflection) and the whole workspace that earlier seeders made.
 */
export const seed: Seeder = async () => {};

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** The smallest Loop CSV export: one daily yes/no habit with two days checked. */
const LOOP_FILES = [
  {
    path: 'Habits.csv',
    content: b64('Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n001,Sample run,YES_NO,,,1,1,#FF8F00,,,,false\n'),
  },
  { path: '001 Sample run/Checkmarks.csv', content: b64('Date,Value,Notes\n2026-11-17,YES_MANUAL,\n2026-11-16,YES_MANUAL,\n') },
];

/** A small valid export document: one goal. */
const EXPORT = {
  format: 'smallwins-export',
  version: 1,
  exportedAt: '2026-11-18T10:00:00.000Z',
  workspace: { name: 'Restored workspace', kind: 'personal', focusLimit: 3, conversationTarget: 5 },
  tables: {
    goals: [
      {
        id: 'sample-restored-goal', title: 'Restored goal', purpose: '', leveragePoint: '', status: 'active', targetDate: null,
        createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z',
      },
    ],
  },
};

export const samples: Samples = {
  routineScores: (ids) => ({ routineId: ids.routine }),
  routineStreaks: (ids) => ({ routineId: ids.routine }),
  momentum: () => ({ days: 14 }),
  energyInsights: () => ({ days: 30 }),
  experimentStats: (ids) => ({ experimentId: ids.experiment }),
  exportWorkspace: () => ({}),
  exportCsv: () => ({}),
  restoreWorkspace: () => structuredClone(EXPORT),
  importLoop: () => ({ filename: 'Loop Habits CSV.zip', files: LOOP_FILES }),
};
