import type { FastifyInstance, FastifyReply } from 'fastify';
import { WeekSchema } from '#contracts/plan.js';
import { AppError } from '#core/errors.js';
import { calendarIcs } from '#core/reports/calendar-feed.js';
import { escapeHtml, renderReportHtml } from '#core/reports/render-html.js';
import { openLink, type LinkKind } from '#core/reports/report-links.js';
import { weeklyReport } from '#core/reports/weekly-report.js';
import { actorFor } from '#core/workspaces/bootstrap.js';
import type { Ctx } from '#core/context.js';
import type { ServerDeps } from './context.js';

/*
 * The two secret links that work without signing in: a person's weekly report as a page, and
 * their calendar feed. They are not operations of the API: they answer HTML and text/calendar,
 * read only, and show nothing beyond the report or the feed. An unknown, revoked or expired
 * token, or one whose person has left the workspace, gets the same 404.
 */

function page(title: string, message: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:48px 16px;background:#f4f5f7;font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;color:#1f2933;text-align:center;">
<h1 style="font-size:20px;">${escapeHtml(title)}</h1><p style="color:#616e7c;">${escapeHtml(message)}</p></body></html>
`;
}

function privateHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow');
}

const notFoundPage = (reply: FastifyReply) =>
  privateHeaders(reply)
    .status(404)
    .type('text/html; charset=utf-8')
    .send(page('This link does not work', 'It may have been revoked or have expired. Ask the person who shared it for a new one.'));

/** The context of the person a link belongs to, or null when the link does not open. */
async function linkContext(deps: ServerDeps, kind: LinkKind, token: string): Promise<Ctx | null> {
  const link = await openLink(deps.db, deps.clock, kind, token);
  if (!link) return null;
  const actor = await actorFor(deps.db, link.userId, link.workspaceId);
  // Reading a report is all a link does, whatever the person's role.
  return actor ? { db: deps.db, clock: deps.clock, actor: { ...actor, role: 'viewer' } } : null;
}

/** Register `GET /share/:token` (the report page) and `GET /calendar/:token.ics` (the feed). */
export function installPublicLinks(app: FastifyInstance, deps: ServerDeps): void {
  app.get<{ Params: { token: string }; Querystring: { week?: unknown } }>('/share/:token', async (request, reply) => {
    const ctx = await linkContext(deps, 'reportShares', request.params.token);
    if (!ctx) return notFoundPage(reply);
    const week = request.query.week;
    if (week !== undefined && !WeekSchema.safeParse(week).success) {
      return privateHeaders(reply).status(400).type('text/html; charset=utf-8').send(page('Not a week', 'Give the week as ?week=2026-W48.'));
    }
    try {
      const report = await weeklyReport(ctx, { week: week as string | undefined, scope: 'me' }, { sharedLink: true });
      return privateHeaders(reply).type('text/html; charset=utf-8').send(renderReportHtml(report));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') {
        return privateHeaders(reply).status(400).type('text/html; charset=utf-8').send(page('No report for that week', error.message));
      }
      throw error;
    }
  });

  app.get<{ Params: { file: string } }>('/calendar/:file', async (request, reply) => {
    const { file } = request.params;
    const ctx = file.endsWith('.ics') ? await linkContext(deps, 'calendarFeeds', file.slice(0, -'.ics'.length)) : null;
    if (!ctx) return privateHeaders(reply).status(404).type('text/plain; charset=utf-8').send('No calendar feed here: the link may have been revoked.\n');
    return privateHeaders(reply)
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'inline; filename="smallwins.ics"')
      .send(await calendarIcs(ctx));
  });
}
