import { outreachEndpoints } from '#contracts/api/outreach.js';
import { hitRateLimit } from '#core/accounts/rate-limit.js';
import type { Executor } from '#core/context.js';
import { RateLimitedError } from '#core/errors.js';
import { getEmailPreferences, updateEmailPreferences, type EmailPreferences } from '#core/outreach/email-preferences.js';
import { emailCounts, listEmails, queueTestEmail } from '#core/outreach/outbox-queries.js';
import { readEmailStatus } from '#core/outreach/outreach-state.js';
import { operations, type Handlers } from './operation.js';

/** Test emails a person may ask for per hour: enough to debug a setup, too few to annoy a mailbox. */
export const TEST_EMAIL_LIMIT = { limit: 5, windowSeconds: 3600 } as const;

async function preferencesOut(db: Executor, userId: string, prefs: EmailPreferences) {
  const [user, status, emails] = await Promise.all([
    db.selectFrom('users').select(['email', 'timeZone']).where('id', '=', userId).executeTakeFirstOrThrow(),
    readEmailStatus(db),
    emailCounts(db, userId),
  ]);
  return {
    ...prefs,
    sendsTo: prefs.address ?? user.email,
    timeZone: user.timeZone,
    delivery: status
      ? { enabled: status.enabled, reason: status.reason, checkedAt: status.checkedAt || null }
      : { enabled: false, reason: 'No server has started on this database with email set up (SMALLWINS_SMTP_URL and SMALLWINS_PUBLIC_URL).', checkedAt: null },
    emails,
  };
}

const handlers: Handlers<typeof outreachEndpoints> = {
  async getEmailPreferences(ctx) {
    return preferencesOut(ctx.db, ctx.actor.userId, await getEmailPreferences(ctx.db, ctx.actor.userId));
  },
  async updateEmailPreferences(ctx, input) {
    return preferencesOut(ctx.db, ctx.actor.userId, await updateEmailPreferences(ctx.db, ctx.clock, ctx.actor.userId, input));
  },
  listEmails: (ctx, input) => listEmails(ctx.db, ctx.actor.userId, input),
  async sendTestEmail(ctx) {
    const limit = await hitRateLimit(ctx.db, ctx.clock, { key: `email-test:user:${ctx.actor.userId}`, ...TEST_EMAIL_LIMIT });
    if (!limit.allowed) throw new RateLimitedError(limit.retryAfterSeconds);
    return queueTestEmail(ctx.db, ctx.clock, ctx.actor.userId);
  },
};

export const outreachOperations = operations(outreachEndpoints, handlers);
