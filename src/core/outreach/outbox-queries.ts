import type { Kysely, Selectable } from 'kysely';
import { ListEmailsSchema, type ListEmailsInput } from '#contracts/outreach.js';
import type { Database, EmailOutboxTable } from '#db/schema.js';
import type { Executor } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import type { Clock } from '../time/clock.js';
import { testEmail } from './compose-emails.js';
import { insertEmail } from './enqueue-due.js';
import { getEmailPreferences } from './email-preferences.js';
import { readEmailStatus, unsubscribeSecret } from './outreach-state.js';
import { unsubscribeToken } from './unsubscribe-token.js';

/** An email of the outbox as its person sees it: what, to where, and how delivery went. */
export interface Email {
  id: string;
  kind: EmailOutboxTable['kind'];
  subject: string;
  to: string;
  status: EmailOutboxTable['status'];
  attempts: number;
  dueAt: string;
  /** When the next attempt is planned (pending emails only). */
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

export function toEmail(row: Selectable<EmailOutboxTable>): Email {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    to: row.toAddress,
    status: row.status,
    attempts: Number(row.attempts),
    dueAt: row.dueAt,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
    lastError: row.lastError,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

/** A person's emails, newest first (the last 500): pending, sent, and failed with the reason. */
export async function listEmails(db: Executor, userId: string, input: ListEmailsInput = {}): Promise<Email[]> {
  const f = parseInput(ListEmailsSchema, input, 'filter');
  let q = db.selectFrom('emailOutbox').selectAll().where('userId', '=', userId);
  if (f.status) q = q.where('status', '=', f.status);
  const rows = await q.orderBy('dueAt', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(toEmail);
}

/** How many of a person's emails stand in each status. */
export async function emailCounts(db: Executor, userId: string): Promise<Record<EmailOutboxTable['status'], number>> {
  const rows = await db.selectFrom('emailOutbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('userId', '=', userId).groupBy('status').execute();
  const out = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * Put a test email for the person in the outbox, due now: the scheduler sends it within a minute
 * (or the local CLI at once). Refused, with the reason, when the server says email is off or the
 * person has no address to send to.
 */
export async function queueTestEmail(db: Kysely<Database>, clock: Clock, userId: string): Promise<Email> {
  const status = await readEmailStatus(db);
  if (!status) throw new AppError('conflict', 'Email is not set up: no server has started with SMALLWINS_SMTP_URL and SMALLWINS_PUBLIC_URL on this database yet.');
  if (!status.enabled || !status.publicUrl) throw new AppError('conflict', status.reason ?? 'Email is off on this server.');
  const user = await db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirstOrThrow();
  const prefs = await getEmailPreferences(db, userId);
  const to = prefs.address ?? user.email;
  if (!to) throw new AppError('conflict', 'There is no address to send to: set one with PATCH /api/v1/me/email-preferences {"address": "you@example.org"} (smallwins email prefs --address you@example.org).');
  const now = clock.now();
  const unsubscribe = `${status.publicUrl}/unsubscribe/${unsubscribeToken(await unsubscribeSecret(db, clock), userId, 'all')}`;
  const content = testEmail({ name: user.name, sentAt: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }, { app: status.publicUrl, unsubscribe });
  const id = await insertEmail(db, clock, { key: `test:${userId}:${newId()}`, userId, workspaceId: null, kind: 'test', to, content, unsubscribeUrl: unsubscribe, dueAt: now, publicUrl: status.publicUrl });
  const row = await db.selectFrom('emailOutbox').selectAll().where('id', '=', id ?? '').executeTakeFirstOrThrow();
  return toEmail(row);
}
