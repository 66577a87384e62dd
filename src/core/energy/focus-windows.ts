import { DayRangeSchema, type DayRangeInput } from '#contracts/common.js';
import { AddFocusWindowSchema, type AddFocusWindowInput } from '#contracts/life.js';
import { isPostgres } from '#db/dialect.js';
import { inTransaction, nowIso, requireWriter, today, type Ctx } from '../context.js';
import { AppError, conflict, invalid, notFound, parseInput } from '../errors.js';
import { newId, shortId } from '../ids.js';
import { formatMinuteOfDay, minuteOfDay, toFocusWindow, type FocusWindow } from './energy-queries.js';

const MINUTES_PER_DAY = 24 * 60;

function describe(w: FocusWindow): string {
  return `${w.start}–${w.end}${w.label ? ` "${w.label}"` : ''} (${shortId(w.id)})`;
}

/**
 * Plan a focus window (a deep-work block) on a day, today by default. A window stays inside its
 * day and never overlaps another of the same person's windows that day; the refusal names the
 * window in the way so it can be moved or deleted.
 */
export async function addFocusWindow(ctx: Ctx, input: AddFocusWindowInput): Promise<FocusWindow> {
  requireWriter(ctx);
  const data = parseInput(AddFocusWindowSchema, input, 'focus window');
  const day = data.day ?? today(ctx);
  const start = minuteOfDay(data.start);
  const end = start + data.minutes;
  if (end > MINUTES_PER_DAY) {
    throw invalid('minutes', `A focus window from ${data.start} for ${data.minutes} minutes would run past midnight; end it by 24:00 or split it across two days.`);
  }
  return inTransaction(ctx, async (trx) => {
    const { workspaceId, userId } = trx.actor;
    // Two concurrent adds must not both pass the overlap check: serialise them per person.
    // SQLite already runs one write transaction at a time.
    if (isPostgres(trx.db)) await trx.db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
    const sameDay = (
      await trx.db.selectFrom('focusWindows').selectAll().where('workspaceId', '=', workspaceId).where('userId', '=', userId).where('day', '=', day).execute()
    ).map(toFocusWindow);
    const clash = sameDay.find((w) => minuteOfDay(w.start) < end && start < minuteOfDay(w.start) + w.minutes);
    if (clash) {
      throw conflict(`${data.start}–${formatMinuteOfDay(end)} on ${day} overlaps your focus window ${describe(clash)}. Pick another time or delete that window first.`);
    }
    const row = { id: newId(), workspaceId, userId, day, startTime: data.start, minutes: data.minutes, label: data.label, createdAt: nowIso(trx) };
    await trx.db.insertInto('focusWindows').values(row).execute();
    return toFocusWindow(row);
  });
}

/** The actor's focus windows in time order, optionally within [from, to]. */
export async function listFocusWindows(ctx: Ctx, input: DayRangeInput = {}): Promise<FocusWindow[]> {
  const range = parseInput(DayRangeSchema, input, 'range');
  let query = ctx.db
    .selectFrom('focusWindows')
    .selectAll()
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('userId', '=', ctx.actor.userId);
  if (range.from) query = query.where('day', '>=', range.from);
  if (range.to) query = query.where('day', '<=', range.to);
  return (await query.orderBy('day').orderBy('startTime').execute()).map(toFocusWindow);
}

/** Delete one of the actor's focus windows, named by its id or a unique id prefix (4+ characters). */
export async function deleteFocusWindow(ctx: Ctx, input: { focusWindowId: string }): Promise<FocusWindow> {
  requireWriter(ctx);
  const ref = input.focusWindowId.trim().toLowerCase();
  if (ref.length < 4) throw invalid('focusWindowId', 'Give the focus window id (at least its first 4 characters); smallwins focus list shows them.');
  return inTransaction(ctx, async (trx) => {
    const rows = await trx.db
      .selectFrom('focusWindows')
      .selectAll()
      .where('workspaceId', '=', trx.actor.workspaceId)
      .where('userId', '=', trx.actor.userId)
      .where('id', 'like', `${ref.replace(/[%_\\]/g, '')}%`)
      .limit(2)
      .execute();
    const exact = rows.find((r) => r.id === ref);
    const row = exact ?? (rows.length === 1 ? rows[0] : undefined);
    if (!row) {
      if (rows.length > 1) throw new AppError('conflict', `"${ref}" is the start of several focus window ids; type more of it.`);
      throw notFound('focus window', ref);
    }
    await trx.db.deleteFrom('focusWindows').where('workspaceId', '=', trx.actor.workspaceId).where('id', '=', row.id).execute();
    return toFocusWindow(row);
  });
}
