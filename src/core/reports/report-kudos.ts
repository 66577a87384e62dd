import type { Ctx } from '../context.js';
import type { PeriodRange } from '../reviews/review-period.js';
import { localDay } from '../time/local-day.js';
import { addDays } from '../time/plain-date.js';

/** How the team appreciated each other in a week: kudos given on the workspace's shared wins. */
export interface ReportKudos {
  /** Kudos given in the week. */
  total: number;
  /** The shared wins that got the most kudos in the week (a win of an earlier week too), most first. */
  topWins: Array<{ title: string; day: string; by: string; count: number }>;
  /** Who gave kudos in the week and how many, by name; people who gave none are not listed. */
  givers: Array<{ name: string; count: number }>;
}

/** Wins a team report names under "most kudos". */
const TOP_KUDOS_WINS = 5;

/**
 * Kudos given in the week of a team report, on shared wins of this workspace only: a private win
 * and anything said about it never appear. A kudos counts on the local day it was given, in the
 * reader's time zone and start-of-day hour, the days the rest of the report uses. Kudos taken back
 * are gone (their row is deleted), so they do not count.
 */
export async function kudosForReport(ctx: Ctx, range: PeriodRange): Promise<ReportKudos> {
  // Instants are stored as ISO text. A day of margin before and two after cover every time zone and
  // start-of-day hour; the exact local day is decided below, so the query reads about a week of rows.
  const rows = await ctx.db
    .selectFrom('kudos as k')
    .innerJoin('wins as w', 'w.id', 'k.winId')
    .innerJoin('users as author', 'author.id', 'w.userId')
    .innerJoin('users as giver', 'giver.id', 'k.userId')
    .select(['k.winId', 'k.userId', 'k.createdAt', 'w.title', 'w.day', 'author.name as authorName', 'giver.name as giverName'])
    .where('k.workspaceId', '=', ctx.actor.workspaceId)
    .where('w.workspaceId', '=', ctx.actor.workspaceId)
    .where('w.visibility', '=', 'shared')
    .where('k.createdAt', '>=', addDays(range.from, -1))
    .where('k.createdAt', '<', addDays(range.to, 3))
    .execute();
  const inWeek = rows.filter((r) => {
    const day = localDay(new Date(r.createdAt), ctx.actor);
    return day >= range.from && day <= range.to;
  });

  const wins = new Map<string, { title: string; day: string; by: string; count: number }>();
  const givers = new Map<string, { name: string; count: number }>();
  for (const r of inWeek) {
    const win = wins.get(r.winId) ?? { title: r.title, day: r.day, by: r.authorName, count: 0 };
    win.count++;
    wins.set(r.winId, win);
    const giver = givers.get(r.userId) ?? { name: r.giverName, count: 0 };
    giver.count++;
    givers.set(r.userId, giver);
  }
  return {
    total: inWeek.length,
    topWins: [...wins.values()]
      .sort((a, b) => b.count - a.count || a.day.localeCompare(b.day) || a.title.localeCompare(b.title))
      .slice(0, TOP_KUDOS_WINS),
    // By name, not by count: thanks to everyone who appreciated others, not a ranking.
    givers: [...givers.values()].sort((a, b) => a.name.localeCompare(b.name) || b.count - a.count),
  };
}
