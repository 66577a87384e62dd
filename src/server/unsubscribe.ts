import type { FastifyInstance, FastifyReply } from 'fastify';
import { resubscribe, unsubscribe, type UnsubscribeKind } from '#core/outreach/email-preferences.js';
import { unsubscribeSecret } from '#core/outreach/outreach-state.js';
import { readUnsubscribeToken } from '#core/outreach/unsubscribe-token.js';
import { escapeHtml } from '#core/reports/render-html.js';
import type { ServerDeps } from './context.js';

/*
 * The unsubscribe link every email carries: it works without signing in (the signed token says
 * who and which kind of email). GET turns that kind off and shows a page saying so, with a button
 * to turn it back on; POST is the one-click unsubscribe of RFC 8058 that mail programs send for
 * the List-Unsubscribe header. These are not API operations: they answer HTML and take forms.
 */

const WHAT: Record<UnsubscribeKind, string> = {
  report: 'the weekly progress report',
  review: 'reminders of your weekly and monthly reviews',
  routine: 'routine reminders',
  pulse: 'prompts when a pulse round opens',
  all: 'all emails from Small Wins',
};

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:48px 16px;background:#f4f5f7;font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;color:#1f2933;text-align:center;">
<h1 style="font-size:20px;">${escapeHtml(title)}</h1>${body}</body></html>
`;
}

const html = (reply: FastifyReply, status: number, content: string): FastifyReply =>
  reply.status(status).header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').type('text/html; charset=utf-8').send(content);

const badLink = (reply: FastifyReply): FastifyReply =>
  html(reply, 404, page('This unsubscribe link does not work', '<p style="color:#616e7c;">It may be incomplete: copy the whole link from the email. You can also change your email settings in the app, under Settings.</p>'));

/** Register `GET|POST /unsubscribe/:token` and `POST /unsubscribe/:token/undo`. */
export function installUnsubscribe(app: FastifyInstance, deps: ServerDeps): void {
  const read = async (token: string) => {
    const found = readUnsubscribeToken(await unsubscribeSecret(deps.db, deps.clock), token);
    if (!found) return null;
    const user = await deps.db.selectFrom('users').select('id').where('id', '=', found.userId).executeTakeFirst();
    return user ? found : null;
  };

  // Forms only inside this scope: elsewhere the API keeps refusing anything but JSON.
  void app.register(async (scope) => {
    const asText = { parseAs: 'string' as const, bodyLimit: 4096 };
    scope.addContentTypeParser('application/x-www-form-urlencoded', asText, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('multipart/form-data', asText, (_request, body, done) => done(null, body));

    scope.get<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
      const found = await read(request.params.token);
      if (!found) return badLink(reply);
      // HEAD (Fastify answers it with this handler) is a link checker looking, not a person clicking.
      if (request.method !== 'HEAD') await unsubscribe(deps.db, deps.clock, found.userId, found.kind);
      const undo = `/unsubscribe/${encodeURIComponent(request.params.token)}/undo`;
      return html(
        reply,
        200,
        page(
          'You are unsubscribed',
          `<p style="color:#616e7c;">You will no longer get ${escapeHtml(WHAT[found.kind])}. Nothing else changes.</p>` +
            `<form method="post" action="${escapeHtml(undo)}"><button type="submit" style="font:inherit;padding:6px 12px;">Undo: keep getting them</button></form>`,
        ),
      );
    });

    // RFC 8058 one-click: the mail program posts "List-Unsubscribe=One-Click"; the answer needs no reading.
    scope.post<{ Params: { token: string } }>('/unsubscribe/:token', async (request, reply) => {
      const found = await read(request.params.token);
      if (!found) return badLink(reply);
      await unsubscribe(deps.db, deps.clock, found.userId, found.kind);
      return html(reply, 200, page('You are unsubscribed', `<p style="color:#616e7c;">You will no longer get ${escapeHtml(WHAT[found.kind])}.</p>`));
    });

    scope.post<{ Params: { token: string } }>('/unsubscribe/:token/undo', async (request, reply) => {
      const found = await read(request.params.token);
      if (!found) return badLink(reply);
      await resubscribe(deps.db, deps.clock, found.userId, found.kind);
      return html(reply, 200, page('Welcome back', `<p style="color:#616e7c;">You will get ${escapeHtml(WHAT[found.kind])} again.</p>`));
    });
  });
}
