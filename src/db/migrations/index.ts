import type { Migration } from 'kysely';
import * as initial from './2026-11-22-0001-initial.js';
import * as reflection from './2026-11-22-0030-reflection.js';
import * as taskStatusIndex from './2026-11-22-0060-task-status-index.js';
import * as windowIndexes from './2026-11-22-0061-window-indexes.js';
import * as accounts from './2026-12-02-0001-accounts.js';
import * as scoreCheckpoints from './2026-12-02-0010-score-checkpoints.js';
import * as outreach from './2026-12-02-0030-outreach.js';
import * as reportLinks from './2026-12-02-0020-report-links.js';
import * as assignments from './2026-12-02-0040-assignments.js';
import * as feed from './2026-12-02-0050-feed.js';
import * as checkpointBestStreak from './2026-12-02-0090-checkpoint-best-streak.js';
import * as pulseSchedules from './2026-12-02-0100-pulse-schedules.js';
import * as kudosByTime from './2026-12-02-0110-kudos-by-time.js';

/** Every migration, by sortable name. Listed statically so the built app needs no directory scan. */
export const migrations: Record<string, Migration> = {
  '2026-11-22-0001-initial': initial,
  '2026-11-22-0030-reflection': reflection,
  '2026-11-22-0060-task-status-index': taskStatusIndex,
  '2026-11-22-0061-window-indexes': windowIndexes,
  '2026-12-02-0001-accounts': accounts,
  '2026-12-02-0010-score-checkpoints': scoreCheckpoints,
  '2026-12-02-0030-outreach': outreach,
  '2026-12-02-0020-report-links': reportLinks,
  '2026-12-02-0040-assignments': assignments,
  '2026-12-02-0050-feed': feed,
  '2026-12-02-0090-checkpoint-best-streak': checkpointBestStreak,
  '2026-12-02-0100-pulse-schedules': pulseSchedules,
  '2026-12-02-0110-kudos-by-time': kudosByTime,
};
