import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import type { Clock } from '../time/clock.js';
import { deliverOutbox, type DeliveryResult, type Mailer } from './deliver-outbox.js';
import type { InstantWindow } from './due-emails.js';
import { enqueueDue, type EnqueueResult } from './enqueue-due.js';
import { advanceState, readState, STATE_KEYS, unsubscribeSecret } from './outreach-state.js';

/**
 * The furthest back a tick looks after a pause (the server was down, email was off): beyond the
 * longest lateness anything is still sent with (MAX_LATENESS_MS), so nothing worth sending is missed.
 */
export const MAX_CATCH_UP_MS = 48 * 3_600_000;

export interface TickOptions {
  publicUrl: string;
  mailer: Mailer;
}

export interface TickResult {
  /** The window enqueued this time; null on the very first tick (it only sets the starting point) or when time stood still. */
  window: InstantWindow | null;
  enqueued: EnqueueResult | null;
  delivered: DeliveryResult;
}

/**
 * One run of the scheduler: enqueue what fell due since the last run, then send what is due. The
 * window is (processed-until, now], its start stored in the database and moved only after its
 * emails are stored, so a restart neither misses a moment nor repeats one (and a repeat would store
 * nothing new anyway: the keys are unique). Two instances ticking at once enqueue the same rows
 * once and move the mark once (compare-and-set); the claims keep their sending apart.
 */
export async function runTick(db: Kysely<Database>, clock: Clock, options: TickOptions): Promise<TickResult> {
  const now = clock.now();
  const mark = await readState(db, STATE_KEYS.processedUntil);
  let window: InstantWindow | null = null;
  let enqueued: EnqueueResult | null = null;
  if (mark === null) {
    // A new server starts from now: it does not send the history it was not there for.
    await advanceState(db, clock, STATE_KEYS.processedUntil, null, now.toISOString());
  } else if (now.getTime() > new Date(mark).getTime()) {
    window = { from: new Date(Math.max(new Date(mark).getTime(), now.getTime() - MAX_CATCH_UP_MS)), to: now };
    enqueued = await enqueueDue(db, clock, window, { publicUrl: options.publicUrl, secret: await unsubscribeSecret(db, clock) });
    await advanceState(db, clock, STATE_KEYS.processedUntil, mark, now.toISOString());
  }
  const delivered = await deliverOutbox(db, clock, options.mailer);
  return { window, enqueued, delivered };
}
