import type { Ctx, Executor } from '../context.js';
import type { IsoDate } from '../time/plain-date.js';
import { roundAt } from './pulse-rounds.js';
import { readScheduleRow, roundQuestions, toScheduleSettings, type RoundQuestion } from './pulse-schedule.js';

export interface DueQuestion extends RoundQuestion {
  /** Whether the caller has answered it on a day of the open round. */
  answered: boolean;
}

export interface PulsesDue {
  /** True when the workspace has a pulse schedule and it is on. */
  scheduled: boolean;
  /** The round open now for the caller (their days), or null. */
  round: { dueOn: IsoDate; lastDay: IsoDate; opensAt: string } | null;
  /** When the next round opens for the caller; null when no schedule is on. */
  next: { dueOn: IsoDate; opensAt: string } | null;
  /** The open round's questions with the caller's own "answered" flags; empty for viewers, who are not asked. */
  questions: DueQuestion[];
  /** How many of them the caller has still to answer. */
  remaining: number;
  /** False for viewers: they read the workspace but record nothing. */
  canAnswer: boolean;
  /** True in a team workspace: answers are only ever shown as averages of several people. */
  anonymous: boolean;
}

const keyOf = (kind: string, question: string): string => `${kind}:${question.trim().toLowerCase()}`;

/**
 * Which of `questions` a person has answered with a pulse dated from `from` to `to` in a workspace.
 * Reads only that person's answers, and only whether they exist.
 */
export async function markAnswered(db: Executor, who: { userId: string; workspaceId: string }, questions: RoundQuestion[], from: IsoDate, to: IsoDate): Promise<DueQuestion[]> {
  if (questions.length === 0) return [];
  const rows = await db
    .selectFrom('pulses')
    .select(['kind', 'question'])
    .where('workspaceId', '=', who.workspaceId)
    .where('userId', '=', who.userId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  const answered = new Set(rows.map((r) => keyOf(r.kind, r.question)));
  return questions.map((q) => ({ ...q, answered: answered.has(keyOf(q.kind, q.question)) }));
}

/**
 * The caller's pulses due: the questions of the round open now in their own days, each flagged
 * answered or not by the caller's own pulses on a day of the round. Nobody else's answers are read
 * beyond the caller's, and none are returned, only the caller's flags.
 */
export async function pulsesDue(ctx: Ctx): Promise<PulsesDue> {
  const { userId, workspaceId } = ctx.actor;
  const [row, workspace] = await Promise.all([
    readScheduleRow(ctx.db, workspaceId),
    ctx.db.selectFrom('workspaces').select('kind').where('id', '=', workspaceId).executeTakeFirstOrThrow(),
  ]);
  const canAnswer = ctx.actor.role !== 'viewer';
  const base = { canAnswer, anonymous: workspace.kind === 'team' };
  const settings = row ? toScheduleSettings(row) : null;
  if (!settings?.enabled) return { ...base, scheduled: false, round: null, next: null, questions: [], remaining: 0 };
  const state = roundAt(settings, ctx.clock.now(), ctx.actor);
  const next = { dueOn: state.next.dueOn, opensAt: state.next.opensAt.toISOString() };
  if (!state.open) return { ...base, scheduled: true, round: null, next, questions: [], remaining: 0 };
  const round = { dueOn: state.open.dueOn, lastDay: state.open.lastDay, opensAt: state.open.opensAt.toISOString() };
  const questions = canAnswer ? await markAnswered(ctx.db, { userId, workspaceId }, roundQuestions(settings), round.dueOn, round.lastDay) : [];
  return { ...base, scheduled: true, round, next, questions, remaining: questions.filter((q) => !q.answered).length };
}
