import type { Migration } from 'kysely';
import * as initial from './2026-11-22-0001-initial.js';
import * as reflection from './2026-11-22-0030-reflection.js';
import * as taskStatusIndex from './2026-11-22-0060-task-status-index.js';
import * as windowIndexes from './2026-11-22-0061-window-indexes.js';

/** Every migration, by sortable name. Listed statically so the built app needs no directory scan. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
  '2026-11-22-0030-reflection': reflection,
  '2026-11-22-0060-task-status-index': taskStatusIndex,
  '2026-11-22-0061-window-indexes': windowIndexes,
};
