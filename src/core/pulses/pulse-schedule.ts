import type { Selectable } from 'kysely';
import { SetPulseScheduleSchema, type SetPulseScheduleInput } from '#contracts/life.js';
import type { PulseScheduleTable } from '#db/schema.js';
import { nowIso, today, type Ctx, type Executor } from '../context.js';
import { AppError, invalid, parseInput } from '../errors.js';
import { isIsoWeek, isoWeekOf, type IsoWeek } from '../time/iso-week.js';
import type { IsoDate } from '../time/plain-date.js';
import { roundAt, type RoundRule } from './pulse-rounds.js';

export type FixedPulseKind = 'morale' | 'delight' | 'clarity';

/** One question of a round: a fixed one (morale, delight, clarity) or a custom one with its wording. */
export interface RoundQuestion {
  kind: FixedPulseKind | 'custom';
  /** The custom question; empty for the fixed ones. */
  question: string;
}

/** A workspace's pulse schedule as stored (or the defaults, when none is). */
export interface ScheduleSettings extends RoundRule {
  enabled: boolean;
  kinds: FixedPulseKind[];
  customQuestions: string[];
}

export interface PulseSchedule extends ScheduleSettings {
  /** False until someone saves a schedule: the fields are then the defaults and no round opens. */
  configured: boolean;
  updatedAt: string | null;
  /** The name of who last changed it. */
  updatedBy: string | null;
  /** Whether the caller may change it (owner or admin). */
  canEdit: boolean;
  /** For the caller: the round open now (first and last day) and when the next one opens; null when the schedule is off. */
  currentRound: { dueOn: IsoDate; lastDay: IsoDate } | null;
  nextRound: { dueOn: IsoDate; opensAt: string } | null;
}

const FIXED: readonly FixedPulseKind[] = ['morale', 'delight', 'clarity'];

/** How the fixed questions are named to people (emails, the CLI). */
export const PULSE_LABELS: Record<FixedPulseKind, string> = { morale: 'Morale', delight: 'Customer delight', clarity: 'Clarity of vision' };

/** A question as people read it: the label of a fixed one, or the custom question itself. */
export const questionLabel = (q: RoundQuestion): string => (q.kind === 'custom' ? q.question : PULSE_LABELS[q.kind]);

/** Every week on Monday at 10:00, asking morale, customer delight and clarity of vision. */
export const DEFAULT_PULSE_SCHEDULE = Object.freeze({ kinds: [...FIXED], customQuestions: [] as string[], weekday: 1, time: '10:00', everyWeeks: 1 });

function jsonList(raw: string): string[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function toScheduleSettings(row: Selectable<PulseScheduleTable>): ScheduleSettings {
  const kinds = jsonList(row.kinds);
  return {
    enabled: Number(row.enabled) === 1,
    // Always in the same order, whatever order they were chosen in.
    kinds: FIXED.filter((k) => kinds.includes(k)),
    customQuestions: jsonList(row.customQuestions),
    weekday: Number(row.weekday),
    time: row.time,
    everyWeeks: Number(row.everyWeeks),
    startWeek: row.startWeek,
  };
}

/** The questions of each round, in the order they are asked: the fixed ones, then the custom ones. */
export function roundQuestions(settings: Pick<ScheduleSettings, 'kinds' | 'customQuestions'>): RoundQuestion[] {
  return [...settings.kinds.map((kind) => ({ kind, question: '' })), ...settings.customQuestions.map((question) => ({ kind: 'custom' as const, question }))];
}

/** A workspace's stored schedule row, if it has one. */
export async function readScheduleRow(db: Executor, workspaceId: string): Promise<Selectable<PulseScheduleTable> | undefined> {
  return db.selectFrom('pulseSchedules').selectAll().where('workspaceId', '=', workspaceId).executeTakeFirst();
}

const canEdit = (ctx: Ctx): boolean => ctx.actor.role === 'owner' || ctx.actor.role === 'admin';

async function present(ctx: Ctx, row: Selectable<PulseScheduleTable> | undefined): Promise<PulseSchedule> {
  const settings: ScheduleSettings = row ? toScheduleSettings(row) : { ...DEFAULT_PULSE_SCHEDULE, kinds: [...FIXED], customQuestions: [], enabled: false, startWeek: isoWeekOf(today(ctx)) };
  const editor = row?.updatedBy ? await ctx.db.selectFrom('users').select('name').where('id', '=', row.updatedBy).executeTakeFirst() : undefined;
  const state = settings.enabled ? roundAt(settings, ctx.clock.now(), ctx.actor) : null;
  return {
    ...settings,
    configured: row !== undefined,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: editor?.name ?? null,
    canEdit: canEdit(ctx),
    currentRound: state?.open ? { dueOn: state.open.dueOn, lastDay: state.open.lastDay } : null,
    nextRound: state ? { dueOn: state.next.dueOn, opensAt: state.next.opensAt.toISOString() } : null,
  };
}

/** The workspace's pulse schedule; anyone in the workspace may read it. */
export async function getPulseSchedule(ctx: Ctx): Promise<PulseSchedule> {
  return present(ctx, await readScheduleRow(ctx.db, ctx.actor.workspaceId));
}

/**
 * Replace the workspace's pulse schedule. Only an owner or admin may (in a personal workspace, its
 * owner). The anchor week is kept unless a new one is given, so "every 2 weeks" keeps its rhythm
 * when the weekday or time changes. Changing it sends nothing for a round that has already opened.
 */
export async function setPulseSchedule(ctx: Ctx, input: SetPulseScheduleInput): Promise<PulseSchedule> {
  if (!canEdit(ctx)) {
    throw new AppError('forbidden', `Only an owner or admin can change this workspace's pulse schedule; you are ${ctx.actor.role}. Ask an admin, or read it with GET /pulses/schedule (smallwins pulse schedule).`);
  }
  const data = parseInput(SetPulseScheduleSchema, input, 'pulse schedule');
  if (data.startWeek !== undefined && !isIsoWeek(data.startWeek)) {
    throw invalid('startWeek', `${data.startWeek.slice(0, 4)} has no week ${Number(data.startWeek.slice(6))}; pick a week from W01 to W52 (W53 only in long years).`);
  }
  const ws = ctx.actor.workspaceId;
  const existing = await readScheduleRow(ctx.db, ws);
  const startWeek: IsoWeek = data.startWeek ?? existing?.startWeek ?? isoWeekOf(today(ctx));
  const now = nowIso(ctx);
  const values = {
    enabled: data.enabled ? 1 : 0,
    kinds: JSON.stringify(FIXED.filter((k) => data.kinds.includes(k))),
    customQuestions: JSON.stringify(data.customQuestions),
    weekday: data.weekday,
    time: data.time,
    everyWeeks: data.everyWeeks,
    startWeek,
    updatedBy: ctx.actor.userId,
    updatedAt: now,
  };
  await ctx.db
    .insertInto('pulseSchedules')
    .values({ ...values, workspaceId: ws, createdAt: now })
    .onConflict((oc) => oc.column('workspaceId').doUpdateSet(values))
    .execute();
  return present(ctx, await readScheduleRow(ctx.db, ws));
}
