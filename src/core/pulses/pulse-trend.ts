import { sql } from 'kysely';
import { PulseTrendSchema, type PulseTrendInput } from '#contracts/life.js';
import type { PulseTable } from '#db/schema.js';
import { today, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { addWeeks, isoWeekOf, weekStart } from '../time/iso-week.js';

/**
 * In a team workspace a week's average is shown only once this many different people answered:
 * with fewer, anyone who knows their own answer could work out a colleague's.
 */
export const MIN_TEAM_RESPONDENTS = 3;
const DEFAULT_WEEKS = 8;

export interface PulseWeek {
  week: string;
  /** Mean of the week's answers (2 decimals); null when nobody answered or it is withheld. */
  average: number | null;
  count: number;
  /** True when a team week's average is hidden to keep answers anonymous. */
  withheld: boolean;
}

export interface PulseTrend {
  kind: PulseTable['kind'];
  question: string;
  from: string;
  to: string;
  /** True in a team workspace: only aggregates of several people are ever returned. */
  anonymous: boolean;
  weeks: PulseWeek[];
}

/**
 * Average pulse per ISO week over a range (default: the last 8 weeks up to today), every week of
 * the range present, empty ones with a count of 0. Only aggregates are returned, never answers.
 */
export async function pulseTrend(ctx: Ctx, input: PulseTrendInput): Promise<PulseTrend> {
  const data = parseInput(PulseTrendSchema, input, 'pulse trend');
  const to = data.to ?? today(ctx);
  const from = data.from ?? weekStart(addWeeks(isoWeekOf(to), -(DEFAULT_WEEKS - 1)));
  const question = data.kind === 'custom' ? (data.question ?? '') : '';
  const ws = ctx.actor.workspaceId;
  const workspace = await ctx.db.selectFrom('workspaces').select('kind').where('id', '=', ws).executeTakeFirstOrThrow();
  const anonymous = workspace.kind === 'team';

  let query = ctx.db
    .selectFrom('pulses')
    .select(['day', 'value', 'userId'])
    .where('workspaceId', '=', ws)
    .where('kind', '=', data.kind)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (question) query = query.where(sql<string>`lower(question)`, '=', question.toLowerCase());
  const rows = await query.execute();

  const buckets = new Map<string, { sum: number; count: number; people: Set<string> }>();
  for (let w = isoWeekOf(from), last = isoWeekOf(to); w <= last; w = addWeeks(w, 1)) {
    buckets.set(w, { sum: 0, count: 0, people: new Set() });
  }
  for (const r of rows) {
    const b = buckets.get(isoWeekOf(r.day));
    if (!b) continue;
    b.sum += r.value;
    b.count += 1;
    b.people.add(r.userId);
  }
  const weeks = [...buckets].map(([week, b]) => {
    const withheld = anonymous && b.count > 0 && b.people.size < MIN_TEAM_RESPONDENTS;
    const average = b.count === 0 || withheld ? null : Math.round((b.sum / b.count) * 100) / 100;
    return { week, average, count: b.count, withheld };
  });
  return { kind: data.kind, question, from, to, anonymous, weeks };
}
