import type { Kysely, Selectable } from 'kysely';
import { isPostgres } from '#db/dialect.js';
import type { Database, EmailOutboxTable } from '#db/schema.js';
import type { Clock } from '../time/clock.js';

/** One email as it goes to the SMTP server. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string | null;
  headers: Record<string, string>;
}

/** What sends an email: nodemailer over SMTP in the app, anything in a test. Throws when it fails. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

/** Waits after each failed attempt: 1, 5, 25 minutes, then 2 h 5 min; the fifth failure is final. */
export const RETRY_DELAYS_MS = [1, 5, 25, 125].map((m) => m * 60_000);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/**
 * How long a claimed email may stay "sending": far beyond the SMTP timeouts (smtp-mailer.ts). A row
 * still "sending" after it was claimed by a process that died mid-send (see recoverStuck).
 */
export const LEASE_MS = 10 * 60_000;

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  /** Rows found stuck in "sending" by a process that stopped, now marked failed. */
  interrupted: number;
}

type Row = Selectable<EmailOutboxTable>;

/**
 * Claim up to `limit` due emails for this process, atomically: the same statement finds and marks
 * them "sending", with their attempt counted before anything is sent. On PostgreSQL the rows are
 * picked with FOR UPDATE SKIP LOCKED, so instances claiming at the same moment take different
 * rows; SQLite has one writer, so the single UPDATE … RETURNING cannot interleave.
 */
export async function claimDue(db: Kysely<Database>, clock: Clock, limit: number): Promise<Row[]> {
  const now = clock.now();
  const nowIso = now.toISOString();
  let pick = db.selectFrom('emailOutbox').select('id').where('status', '=', 'pending').where('nextAttemptAt', '<=', nowIso).orderBy('nextAttemptAt').orderBy('id').limit(limit);
  if (isPostgres(db)) pick = pick.forUpdate().skipLocked();
  return db
    .updateTable('emailOutbox')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(), updatedAt: nowIso }))
    .where('id', 'in', pick)
    .where('status', '=', 'pending')
    .returningAll()
    .execute();
}

/**
 * Emails whose sender stopped between claiming and recording the outcome (a crash, a kill -9). The
 * SMTP server may or may not have taken them, and "nothing is sent twice" outranks "nothing is
 * lost": they are marked failed with the reason, visible to their person, and never resent.
 */
export async function recoverStuck(db: Kysely<Database>, clock: Clock): Promise<number> {
  const nowIso = clock.now().toISOString();
  const result = await db
    .updateTable('emailOutbox')
    .set({
      status: 'failed',
      lockedUntil: null,
      updatedAt: nowIso,
      lastError: 'The server stopped while sending this email. It may have been delivered, so it is not sent again.',
    })
    .where('status', '=', 'sending')
    .where('lockedUntil', '<', nowIso)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** SMTP 5xx answers are final (no such mailbox, refused); everything else may pass on a later try. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}

async function record(db: Kysely<Database>, clock: Clock, row: Row, error: unknown | null): Promise<'sent' | 'retrying' | 'failed'> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const mine = db.updateTable('emailOutbox').where('id', '=', row.id).where('status', '=', 'sending');
  if (error === null) {
    await mine.set({ status: 'sent', sentAt: nowIso, lockedUntil: null, lastError: null, updatedAt: nowIso }).execute();
    return 'sent';
  }
  const attempts = Number(row.attempts);
  if (isPermanent(error) || attempts >= MAX_ATTEMPTS) {
    const why = isPermanent(error) ? 'refused for good' : `gave up after ${attempts} attempts`;
    await mine.set({ status: 'failed', lockedUntil: null, lastError: `${describe(error)} (${why})`, updatedAt: nowIso }).execute();
    return 'failed';
  }
  const delay = RETRY_DELAYS_MS[attempts - 1] ?? RETRY_DELAYS_MS.at(-1)!;
  await mine.set({ status: 'pending', lockedUntil: null, lastError: describe(error), nextAttemptAt: new Date(now.getTime() + delay).toISOString(), updatedAt: nowIso }).execute();
  return 'retrying';
}

/** The SMTP message of an outbox row, with its unsubscribe headers (RFC 2369, one-click RFC 8058). */
export function outgoing(row: Row): OutgoingEmail {
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };
  if (row.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${row.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody, messageId: row.messageId, headers };
}

/**
 * Send what is due in the outbox: claim a batch, send each, record the outcome, and go on until
 * nothing due is left (or `max` were handled). A failure is retried later with a growing delay
 * (RETRY_DELAYS_MS) and becomes "failed", with the SMTP server's answer, after MAX_ATTEMPTS or at
 * once when the answer is final. Every email is claimed before it is sent, so no two processes
 * ever send the same row.
 */
export async function deliverOutbox(db: Kysely<Database>, clock: Clock, mailer: Mailer, options: { batch?: number; max?: number } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, interrupted: await recoverStuck(db, clock) };
  const max = options.max ?? 500;
  let handled = 0;
  while (handled < max) {
    const rows = await claimDue(db, clock, Math.min(options.batch ?? 20, max - handled));
    if (rows.length === 0) break;
    for (const row of rows) {
      let error: unknown | null = null;
      try {
        await mailer.send(outgoing(row));
      } catch (e) {
        error = e ?? new Error('unknown error');
      }
      result[await record(db, clock, row, error)]++;
      handled++;
    }
  }
  return result;
}
