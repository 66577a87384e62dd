import { ConversationStatusSchema, type ConversationStatusInput } from '#contracts/life.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { isoWeekOf, weekEnd, weekStart } from '../time/iso-week.js';
import { contactSummaries, type ContactSummary } from './list-contacts.js';

/** A contact counts as overdue once this many days have passed since the last conversation. */
export const OVERDUE_AFTER_DAYS = 30;

export interface ConversationStatus {
  week: string;
  /** The workspace's weekly target of meaningful conversations. */
  target: number;
  /** Conversations logged in the week. */
  count: number;
  met: boolean;
  /** How many contacts the workspace has. */
  contacts: number;
  /** Contacts never spoken to, then those not spoken to for 30+ days, longest-waiting first. */
  overdue: ContactSummary[];
}

const waited = (c: ContactSummary): number => c.daysSince ?? Number.POSITIVE_INFINITY;

/**
 * How the week's conversations compare with the workspace's target, and the nudge: who has not
 * been spoken to for a long time. For a past week the nudge is computed as of that week's end.
 */
export async function conversationStatus(ctx: Ctx, input: ConversationStatusInput = {}): Promise<ConversationStatus> {
  const data = parseInput(ConversationStatusSchema, input, 'week');
  const now = today(ctx);
  const week = data.week ?? isoWeekOf(now);
  const from = weekStart(week);
  const to = weekEnd(week);
  const asOf = to < now ? to : now;
  const ws = ctx.actor.workspaceId;
  const [workspace, counted, contacts] = await Promise.all([
    ctx.db.selectFrom('workspaces').select('conversationTarget').where('id', '=', ws).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspaceId', '=', ws)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .executeTakeFirstOrThrow(),
    contactSummaries(ctx, asOf),
  ]);
  const count = Number(counted.n);
  const overdue = contacts
    .filter((c) => c.daysSince === null || c.daysSince >= OVERDUE_AFTER_DAYS)
    .sort((a, b) => waited(b) - waited(a));
  return { week, target: workspace.conversationTarget, count, met: count >= workspace.conversationTarget, contacts: contacts.length, overdue };
}
