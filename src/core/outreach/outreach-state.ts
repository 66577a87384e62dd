import { randomBytes } from 'node:crypto';
import type { Executor } from '../context.js';
import type { Clock } from '../time/clock.js';

/** Keys of the server-wide values in `outreach_state`. */
export const STATE_KEYS = {
  /** The instant the scheduler has enqueued every due email up to (the end of the last window). */
  processedUntil: 'scheduler:processed-until',
  /** The secret unsubscribe links are signed with (hex). */
  unsubscribeSecret: 'unsubscribe:secret',
  /** Whether the last server start could send email, and why not. */
  emailStatus: 'email:status',
} as const;

export async function readState(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('outreachState').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Set a value unconditionally. */
export async function writeState(db: Executor, clock: Clock, key: string, value: string): Promise<void> {
  const updatedAt = clock.now().toISOString();
  await db
    .insertInto('outreachState')
    .values({ key, value, updatedAt })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt }))
    .execute();
}

/**
 * Move a value from `expected` to `next` only if nobody else moved it first (compare-and-set;
 * `expected` null: only if it is not set yet). Answers whether this call moved it.
 */
export async function advanceState(db: Executor, clock: Clock, key: string, expected: string | null, next: string): Promise<boolean> {
  const updatedAt = clock.now().toISOString();
  if (expected === null) {
    const rows = await db.insertInto('outreachState').values({ key, value: next, updatedAt }).onConflict((oc) => oc.column('key').doNothing()).returning('key').execute();
    return rows.length === 1;
  }
  const result = await db.updateTable('outreachState').set({ value: next, updatedAt }).where('key', '=', key).where('value', '=', expected).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The server's unsubscribe secret, created on first use. Two instances creating it at once store
 * one: the insert does nothing on conflict, and both read back the one that won.
 */
export async function unsubscribeSecret(db: Executor, clock: Clock): Promise<string> {
  const known = await readState(db, STATE_KEYS.unsubscribeSecret);
  if (known) return known;
  await advanceState(db, clock, STATE_KEYS.unsubscribeSecret, null, randomBytes(32).toString('hex'));
  const secret = await readState(db, STATE_KEYS.unsubscribeSecret);
  if (!secret) throw new Error('the unsubscribe secret could not be stored');
  return secret;
}

/** Whether email goes out, as the last server start found it (the app shows it to people). */
export interface EmailStatus {
  enabled: boolean;
  reason: string | null;
  /** The origin links in emails point at (test emails made by the API need it). */
  publicUrl: string | null;
  checkedAt: string;
}

export async function recordEmailStatus(db: Executor, clock: Clock, status: Omit<EmailStatus, 'checkedAt'>): Promise<void> {
  await writeState(db, clock, STATE_KEYS.emailStatus, JSON.stringify({ ...status, checkedAt: clock.now().toISOString() }));
}

export async function readEmailStatus(db: Executor): Promise<EmailStatus | null> {
  const raw = await readState(db, STATE_KEYS.emailStatus);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<EmailStatus>;
    return {
      enabled: parsed.enabled === true,
      reason: typeof parsed.reason === 'string' ? parsed.reason : null,
      publicUrl: typeof parsed.publicUrl === 'string' ? parsed.publicUrl : null,
      checkedAt: String(parsed.checkedAt ?? ''),
    };
  } catch {
    return null;
  }
}
