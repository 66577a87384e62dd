import { sql } from 'kysely';
import { CheckInRoutineSchema, ListCheckInsSchema, UndoCheckInSchema, type CheckInRoutineInput, type ListCheckInsInput, type UndoCheckInInput } from '#contracts/systems.js';
import { isPostgres } from '#db/dialect.js';
import { prepared } from '#db/prepared.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { AppError, conflict, invalid, notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { judgeFromCheckpoint, judgeFromStart, milestoneReadFrom } from '../insights/check-in-milestones.js';
import { milestoneWins } from '../insights/milestone-wins.js';
import type { CheckInShape, PauseShape } from '../insights/routine-progress.js';
import { CHECKPOINT_LAG_DAYS, CHECKPOINT_STEP_DAYS, type ScoreCheckpoint } from '../insights/score-checkpoint.js';
import { addDays, type IsoDate } from '../time/plain-date.js';
import type { Win } from '../wins/win-queries.js';
import { getRoutine, toCheckIn, toRoutine, type CheckIn, type Routine, type RoutineTarget } from './routine-queries.js';
import { touchScoreCheckpoint } from './score-checkpoints.js';

type Status = CheckIn['status'];

/** A check-in, with the milestone wins it earned (a new best streak, a strength threshold) when it earned any. */
export type CheckInResult = CheckIn & { milestones?: Win[] };

/** A numeric check-in is done when it meets the target; otherwise missed, with the value kept. */
export function statusForValue(target: RoutineTarget, value: number): Status {
  const met = target.kind === 'at_least' ? value >= target.value : value <= target.value;
  return met ? 'done' : 'missed';
}

function resolveStatus(routine: Routine, status: Status | undefined, value: number | null | undefined): { status: Status; value: number | null } {
  const name = routine.name;
  if (status === 'minimum' && !routine.minimumVersion) {
    throw invalid('status', `"${name}" has no minimum version yet. Give it one with: smallwins routine edit "${name}" --minimum "<tiny version>"`);
  }
  if (!routine.target) {
    if (value !== undefined && value !== null) {
      throw invalid('value', `"${name}" is a yes/no routine and takes no value. To log numbers, give it a target: smallwins routine edit "${name}" --at-least <n>`);
    }
    return { status: status ?? 'done', value: null };
  }
  // Skipping, missing or doing the minimum needs no number; a plain check-in of a numeric routine does.
  if (status === 'skipped' || status === 'missed' || status === 'minimum') return { status, value: value ?? null };
  if (value === undefined || value === null) {
    const unit = routine.target.unit ? ` ${routine.target.unit}` : '';
    throw invalid('value', `"${name}" is counted (${routine.target.kind === 'at_least' ? 'at least' : 'at most'} ${routine.target.value}${unit}). Give the value, e.g. smallwins check "${name}" --value ${routine.target.value}`);
  }
  return { status: statusForValue(routine.target, value), value };
}

/**
 * Check in a routine for a local day (today unless said; never a future day, never before the
 * start day). One check-in per routine per day: a second one replaces the first, as one upsert,
 * so concurrent identical check-ins leave exactly one row. A numeric routine needs a value and its
 * status follows from the target; "minimum" needs a minimum version. Milestones it earns become
 * wins in the same transaction.
 *
 * This is the hot path of the API: in one transaction, one statement reads the routine with its
 * score checkpoint, pauses and recent check-ins; then the upsert; then one statement touches the
 * checkpoint (or moves it forward). The milestones continue from the checkpoint
 * (check-in-milestones.ts), so their cost does not grow with the history; the whole history is
 * read only when there is no usable checkpoint, and a checkpoint is then stored for the next ones.
 */
export async function checkInRoutine(ctx: Ctx, input: CheckInRoutineInput): Promise<CheckInResult> {
  requireWriter(ctx);
  const data = parseInput(CheckInRoutineSchema, input, 'check-in');
  const current = today(ctx);
  const day = data.day ?? current;
  if (day > current) {
    throw invalid('day', `${day} has not come yet; check in for today (${current}) or an earlier day.`);
  }
  const now = nowIso(ctx);
  return inTransaction(ctx, async (trx) => {
    const recentFrom = addDays(current, -RECENT_DAYS);
    const read = await readForCheckIn(trx, data.routineId, recentFrom);
    if (!read) throw notFound('routine', data.routineId);
    const { row, stored, pauses } = read;
    const routine = toRoutine(row);
    const { status, value } = validCheckIn(routine, day, data);
    const from = milestoneReadFrom(row, stored, day, current);
    const before = from !== null && from >= recentFrom ? read.recent : await checkInsOf(trx, routine.id, from);
    const [checkInRow] = await upsertCheckIn(trx.db, newId(), trx.actor.workspaceId, routine.id, day, status, value, data.note, now);
    const checkIn = toCheckIn(checkInRow!);
    const judged =
      from !== null
        ? judgeFromCheckpoint(row, before, checkIn, pauses, { today: current, from, stored: stored! })
        : judgeFromStart(row, before, checkIn, pauses, current);
    // Store the checkpoint worked out on the way when it moves forward, or when the stored one is
    // gone (this check-in reaches it) or lacks what the next check-in needs.
    const kept = stored !== null && day > stored.day && stored.bestStreak !== null;
    const next = judged.checkpoint && (!kept || judged.checkpoint.day > stored.day) ? judged.checkpoint : null;
    await touchScoreCheckpoint(trx, routine.id, day, next ? { routineId: routine.id, token: read.token, checkpoint: next } : undefined);
    const milestones = judged.milestones.length > 0 ? await milestoneWins(trx, judged.milestones) : [];
    return milestones.length > 0 ? { ...checkIn, milestones } : checkIn;
  });
}

/**
 * Days of recent check-ins read with the routine: enough to continue from a checkpoint in use (it
 * moves once it is three weeks behind) with a rolling window of up to two weeks before it; a
 * routine scored over a longer window reads the rest in a second statement.
 */
const RECENT_DAYS = CHECKPOINT_LAG_DAYS + CHECKPOINT_STEP_DAYS + 1 + 14;

function validCheckIn(routine: Routine, day: IsoDate, data: { status?: Status | undefined; value?: number | null | undefined }): { status: Status; value: number | null } {
  if (routine.archivedAt) {
    throw conflict(`"${routine.name}" is archived. Bring it back first with: smallwins routine archive "${routine.name}" --restore`);
  }
  if (day < routine.startDay) {
    throw invalid('day', `"${routine.name}" starts on ${routine.startDay}; check in on or after that day, or move its start with: smallwins routine edit "${routine.name}" --start ${day}`);
  }
  return resolveStatus(routine, data.status, data.value);
}

const routineForCheckIn = prepared('routine for check-in', (db, ws: string, routineId: string, recentFrom: IsoDate) => {
  const pg = isPostgres(db);
  const joined = (entry: ReturnType<typeof sql<string>>) => (pg ? sql<string | null>`string_agg(${entry}, ',')` : sql<string | null>`group_concat(${entry}, ',')`);
  const value = pg ? sql<string>`coalesce(cast(value as text), '')` : sql<string>`coalesce(quote(value), '')`;
  return db
    .selectFrom('routines')
    .leftJoin('routineScoreCheckpoints as cp', 'cp.routineId', 'routines.id')
    .selectAll('routines')
    .select(['cp.token as cpToken', 'cp.day as cpDay', 'cp.score as cpScore', 'cp.streak as cpStreak', 'cp.bestStreak as cpBestStreak'])
    .select((eb) => [
      eb
        .selectFrom('routinePauses')
        .select(joined(sql<string>`start_day || ':' || coalesce(end_day, '')`).as('entries'))
        .where('routinePauses.workspaceId', '=', ws)
        .whereRef('routinePauses.routineId', '=', 'routines.id')
        .as('pauseEntries'),
      eb
        .selectFrom('checkIns')
        .select(joined(sql<string>`day || ':' || status || ':' || ${value}`).as('entries'))
        .where('checkIns.workspaceId', '=', ws)
        .whereRef('checkIns.routineId', '=', 'routines.id')
        .where('checkIns.day', '>=', recentFrom)
        .as('recentEntries'),
    ])
    .where('routines.workspaceId', '=', ws)
    .where('routines.id', '=', routineId);
});

/** The check-in's upsert: one row per routine and day, a second check-in replacing the first. */
const upsertCheckIn = prepared(
  'upsert check-in',
  (db, id: string, ws: string, routineId: string, day: IsoDate, status: Status, value: number | null, note: string, now: string) =>
    db
      .insertInto('checkIns')
      .values({ id, workspaceId: ws, routineId, day, status, value, note, createdAt: now, updatedAt: now })
      .onConflict((oc) => oc.columns(['routineId', 'day']).doUpdateSet({ status, value, note, updatedAt: now }))
      .returningAll(),
);

/**
 * The routine row, its score checkpoint (null when there is none, or it was cleared), its pauses
 * and its check-ins from `recentFrom` on, in one statement: pauses and check-ins come aggregated
 * into one string each. Values are written losslessly (`quote` on SQLite; PostgreSQL's text form
 * of a double is exact), so they read back bit for bit.
 */
async function readForCheckIn(ctx: Ctx, routineId: string, recentFrom: IsoDate) {
  const [found] = await routineForCheckIn(ctx.db, ctx.actor.workspaceId, routineId, recentFrom);
  if (!found) return null;
  const { cpToken, cpDay, cpScore, cpStreak, cpBestStreak, pauseEntries, recentEntries, ...row } = found;
  const stored: ScoreCheckpoint | null = cpDay !== null && cpScore !== null ? { day: cpDay, score: Number(cpScore), streak: cpStreak, bestStreak: cpBestStreak } : null;
  const pauses: PauseShape[] = (pauseEntries ? pauseEntries.split(',') : []).map((e) => ({ startDay: e.slice(0, 10), endDay: e.length > 11 ? e.slice(11) : null }));
  const recent: CheckInShape[] = (recentEntries ? recentEntries.split(',') : []).map((e) => {
    // "YYYY-MM-DD:status:value", the value empty when null.
    const valueAt = e.indexOf(':', 11) + 1;
    return { day: e.slice(0, 10), status: e.slice(11, valueAt - 1) as Status, value: valueAt < e.length ? Number(e.slice(valueAt)) : null };
  });
  return { row, token: cpToken, stored, pauses, recent };
}

/** A routine's check-ins from `from` on (all of them when null). */
async function checkInsOf(ctx: Ctx, routineId: string, from: IsoDate | null): Promise<CheckInShape[]> {
  let query = ctx.db
    .selectFrom('checkIns')
    .select(['day', 'status', 'value'])
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', '=', routineId);
  if (from !== null) query = query.where('day', '>=', from);
  return (await query.execute()).map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) }));
}

/** Remove a routine's check-in of a day (today unless said). */
export async function undoCheckIn(ctx: Ctx, input: UndoCheckInInput): Promise<CheckIn> {
  requireWriter(ctx);
  const data = parseInput(UndoCheckInSchema, input, 'check-in');
  const day = data.day ?? today(ctx);
  const routine = await getRoutine(ctx, data.routineId);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.db
      .deleteFrom('checkIns')
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('routineId', '=', routine.id)
      .where('day', '=', day)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `"${routine.name}" has no check-in on ${day}; nothing to undo. See its days with: smallwins routine show "${routine.name}"`);
    await touchScoreCheckpoint(trx, routine.id, day);
    return toCheckIn(row);
  });
}

/** A routine's check-ins in day order, optionally within [from, to]. */
export async function listCheckIns(ctx: Ctx, input: ListCheckInsInput): Promise<CheckIn[]> {
  const data = parseInput(ListCheckInsSchema, input, 'check-in range');
  const routine = await getRoutine(ctx, data.routineId);
  let query = ctx.db
    .selectFrom('checkIns')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('routineId', '=', routine.id);
  if (data.from) query = query.where('day', '>=', data.from);
  if (data.to) query = query.where('day', '<=', data.to);
  return (await query.orderBy('day').execute()).map(toCheckIn);
}
