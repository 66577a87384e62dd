import { sql, type ExpressionBuilder, type OnConflictDatabase, type OnConflictTables, type RawBuilder } from 'kysely';
import { prepared } from '#db/prepared.js';
import type { Database } from '#db/schema.js';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';
import type { ScoreCheckpoint } from '../insights/score-checkpoint.js';
import type { IsoDate } from '../time/plain-date.js';

/*
 * Storage of score checkpoints (docs/decisions/006-score-checkpoints.md). Writers of a routine's
 * history call `touchScoreCheckpoint` in their own transaction; Today reads checkpoints with the
 * routine rows and stores new ones with `storeScoreCheckpoints`, which refuses to overwrite a row
 * whose token changed since it was read.
 */

/**
 * Record a change to a routine's check-ins, pauses or scoring rules, in the caller's transaction:
 * the checkpoint is dropped when the change reaches its day (`fromDay` on or before it, or null for
 * a change to every day), and the token changes in every case, so a checkpoint Today computed
 * from what it read before this change can no longer be stored.
 */
export async function touchScoreCheckpoint(ctx: Ctx, routineId: string, fromDay: IsoDate | null, replace?: CheckpointWrite): Promise<void> {
  if (fromDay === null) return touchRows(ctx, [routineId], fromDay, replace);
  // A check-in's case (one routine, from a day), on every write of one: compiled once.
  const stored = replace ? checkpointColumns(replace.checkpoint) : NO_CHECKPOINT;
  await touchOne(ctx.db, routineId, ctx.actor.workspaceId, newId(), stored.day, stored.score, stored.streak, stored.bestStreak, replace?.token ?? NO_TOKEN, fromDay);
}

const NO_CHECKPOINT = { day: null, score: null, streak: null, bestStreak: null };
/** Matches no stored token (tokens are ids), so nothing is replaced: the row is only touched. */
const NO_TOKEN = '';

const touchOne = prepared(
  'touch a score checkpoint',
  (db, routineId: string, workspaceId: string, token: string, day: IsoDate | null, score: number | null, streak: number | null, bestStreak: number | null, readToken: string, fromDay: IsoDate) =>
    db
      .insertInto('routineScoreCheckpoints')
      .values({ routineId, workspaceId, token, day, score, streak, bestStreak })
      .onConflict((oc) => oc.column('routineId').doUpdateSet((eb) => touchedColumns(eb, sql<boolean>`${eb.ref('routineScoreCheckpoints.token')} = ${readToken}`, sql<boolean>`${eb.ref('routineScoreCheckpoints.day')} >= ${fromDay}`))),
);

/** `touchScoreCheckpoint` for several routines of the actor's workspace at once. */
export async function touchScoreCheckpoints(ctx: Ctx, routineIds: readonly string[], fromDay: IsoDate | null): Promise<void> {
  for (let i = 0; i < routineIds.length; i += 200) await touchRows(ctx, routineIds.slice(i, i + 200), fromDay);
}

/**
 * One statement: a row with a new token for each routine (and no checkpoint), or, where there is
 * one, its token changed and its checkpoint cleared when `fromDay` reaches it. With `replace`
 * (computed by the writer, in its transaction, from what it read under `replace.token`, with its
 * own change applied), the checkpoint is that one instead, provided the token is still the one
 * read: otherwise it is touched as usual.
 */
async function touchRows(ctx: Ctx, routineIds: readonly string[], fromDay: IsoDate | null, replace?: CheckpointWrite): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  const stored = replace ? checkpointColumns(replace.checkpoint) : NO_CHECKPOINT;
  await ctx.db
    .insertInto('routineScoreCheckpoints')
    .values(routineIds.map((routineId) => ({ routineId, workspaceId, token: newId(), ...stored })))
    .onConflict((oc) =>
      oc.column('routineId').doUpdateSet((eb) => {
        // Every SET expression sees the row as it was, the old token included.
        const replaces = replace?.token ? sql<boolean>`${eb.ref('routineScoreCheckpoints.token')} = ${replace.token}` : sql<boolean>`1 = 0`;
        const clears = fromDay === null ? sql<boolean>`1 = 1` : sql<boolean>`${eb.ref('routineScoreCheckpoints.day')} >= ${fromDay}`;
        return touchedColumns(eb, replaces, clears);
      }),
    )
    .execute();
}

/**
 * The SET of a touch: a new token always; the checkpoint columns replaced by the written ones when
 * `replaces`, else cleared when `clears`, else kept. Every SET expression sees the row as it was.
 */
function touchedColumns(eb: ExpressionBuilder<OnConflictDatabase<Database, 'routineScoreCheckpoints'>, OnConflictTables<'routineScoreCheckpoints'>>, replaces: RawBuilder<boolean>, clears: RawBuilder<boolean>) {
  const column = <C extends 'day' | 'score' | 'streak' | 'bestStreak'>(name: C) =>
    sql<CheckpointColumns[C]>`case when ${replaces} then ${eb.ref(`excluded.${name}`)} when ${clears} then null else ${eb.ref(`routineScoreCheckpoints.${name}`)} end`;
  return { token: eb.ref('excluded.token'), day: column('day'), score: column('score'), streak: column('streak'), bestStreak: column('bestStreak') };
}

type CheckpointColumns = ReturnType<typeof checkpointColumns>;

const checkpointColumns = (checkpoint: ScoreCheckpoint) => ({
  day: checkpoint.day as IsoDate | null,
  score: checkpoint.score as number | null,
  streak: checkpoint.streak,
  bestStreak: checkpoint.bestStreak ?? null,
});

/** A checkpoint Today computed, with the token it read (null: there was no row). */
export interface CheckpointWrite {
  routineId: string;
  token: string | null;
  checkpoint: ScoreCheckpoint;
}

/**
 * Store checkpoints computed from reads made under `token`, each only if the row still has that
 * token (or, when there was no row, if there still is none): a history write since the read
 * changed the token, and the checkpoint, stale, is dropped. Call it inside one transaction.
 */
export async function storeScoreCheckpoints(ctx: Ctx, writes: readonly CheckpointWrite[]): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  for (const { routineId, token, checkpoint } of writes) {
    const values = checkpointColumns(checkpoint);
    if (token === null) {
      await ctx.db
        .insertInto('routineScoreCheckpoints')
        .values({ routineId, workspaceId, token: newId(), ...values })
        .onConflict((oc) => oc.column('routineId').doNothing())
        .execute();
    } else {
      await ctx.db
        .updateTable('routineScoreCheckpoints')
        .set(values)
        .where('workspaceId', '=', workspaceId)
        .where('routineId', '=', routineId)
        .where('token', '=', token)
        .execute();
    }
  }
}

/** The current token of each routine's checkpoint row (routines without one are left out). */
export async function checkpointTokens(ctx: Ctx, routineIds: readonly string[]): Promise<Map<string, string>> {
  if (routineIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('routineScoreCheckpoints')
    .select(['routineId', 'token'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', 'in', routineIds)
    .execute();
  return new Map(rows.map((r) => [r.routineId, r.token]));
}
