import type { Kysely, Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { Clock } from './time/clock.js';
import { localDay, type DaySettings } from './time/local-day.js';
import type { IsoDate } from './time/plain-date.js';
import { AppError } from './errors.js';

export type Executor = Kysely<Database> | Transaction<Database>;
export type Role = 'owner' | 'admin' | 'member' | 'viewer';

/** Who is acting, in which workspace, and how their days are cut. */
export interface Actor extends DaySettings {
  userId: string;
  workspaceId: string;
  role: Role;
}

/** What every use case receives first: the database handle, the clock and the actor. */
export interface Ctx {
  db: Executor;
  clock: Clock;
  actor: Actor;
}

/** Run `fn` in one transaction (or inside the caller's, when there already is one). */
export async function inTransaction<T>(ctx: Ctx, fn: (trx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** The actor's current local day (time zone and start-of-day hour applied). */
export function today(ctx: Ctx): IsoDate {
  return localDay(ctx.clock.now(), ctx.actor);
}

export function nowIso(ctx: Ctx): string {
  return ctx.clock.now().toISOString();
}

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** Refuse the action unless the actor's role is at least `min`. */
export function requireRole(ctx: Ctx, min: Role): void {
  if (RANK[ctx.actor.role] < RANK[min]) {
    throw new AppError('forbidden', `This needs the ${min} role in this workspace; you are ${ctx.actor.role}.`);
  }
}

/** Writers are members and above; viewers only read. */
export function requireWriter(ctx: Ctx): void {
  requireRole(ctx, 'member');
}
