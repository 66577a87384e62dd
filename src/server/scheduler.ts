import type PgBoss from 'pg-boss';
import type { Config } from '#config/config.js';
import type { Mailer } from '#core/outreach/deliver-outbox.js';
import { recordEmailStatus } from '#core/outreach/outreach-state.js';
import { runTick, type TickResult } from '#core/outreach/run-tick.js';
import type { Clock } from '#core/time/clock.js';
import type { Db } from '#db/connect.js';
import { isPostgres } from '#db/dialect.js';

/** The pg-boss queue of the minute tick. */
export const TICK_QUEUE = 'smallwins-tick';

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  config: Config;
  log: Log;
  /** Tests pass their own; the app sends through SMTP as configured. */
  mailer?: Mailer;
  /** PostgreSQL only: pg-boss settings tests shorten (poll and cron-check intervals). */
  boss?: { pollingIntervalSeconds?: number; cronMonitorIntervalSeconds?: number; cronWorkerIntervalSeconds?: number };
  /** Called after each tick with its result (logs, and tests counting runs). */
  onTick?: (result: TickResult) => void;
}

export interface Scheduler {
  /** Record whether email is on (the app shows it), and start ticking every minute when it is. */
  start(): Promise<void>;
  /** Stop ticking; waits for a tick in progress. */
  stop(): Promise<void>;
  /** Run one tick now (tests drive this with a fixed clock); null when email is off. */
  tick(): Promise<TickResult | null>;
}

const MINUTE_MS = 60_000;

/**
 * Create the tick queue unless it exists. Instances starting together race to create it (pg-boss
 * may report a deadlock to the loser): try again until one has made it.
 */
async function ensureQueue(boss: PgBoss): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(TICK_QUEUE)) return;
    try {
      // A failed tick is not retried: the next minute's tick covers its window.
      await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: 'stately', retryLimit: 0, expireInSeconds: 300 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * The scheduler of reports, reminders and pulse prompts: a tick every minute that enqueues what fell due and sends
 * the outbox (runTick). On SQLite it is a timer in this process (one process writes the file). On
 * PostgreSQL, where several instances may share the database, pg-boss holds the schedule: its cron
 * puts one tick job in the queue each minute for all instances, and one instance takes it.
 * Whatever runs it, a tick is safe to repeat: its window and its emails are recorded in the database.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { db, clock, config, log } = deps;
  const email = config.email;
  let mailer: (Mailer & { close?: () => void }) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let boss: PgBoss | null = null;
  let running: Promise<TickResult | null> | null = null;
  let stopped = false;

  const tick = async (): Promise<TickResult | null> => {
    if (!email.enabled) return null;
    // The SMTP client and pg-boss load only when email is on: a server without email never pays for them.
    mailer ??= deps.mailer ?? (await import('#core/outreach/smtp-mailer.js')).smtpMailer(email.smtpUrl, email.from);
    const result = await runTick(db, clock, { publicUrl: email.publicUrl, mailer });
    deps.onTick?.(result);
    const { enqueued, delivered } = result;
    if ((enqueued && enqueued.enqueued + enqueued.late > 0) || delivered.sent + delivered.retrying + delivered.failed + delivered.interrupted > 0) {
      log.info({ enqueued, delivered }, 'email tick');
    }
    return result;
  };

  // One tick at a time in this process: a slow SMTP server must not pile ticks up.
  const guardedTick = (): Promise<TickResult | null> => {
    running ??= tick().finally(() => {
      running = null;
    });
    return running;
  };

  const scheduleNext = (): void => {
    if (stopped) return;
    // A second past each minute, on the machine's clock.
    const wait = MINUTE_MS - (Date.now() % MINUTE_MS) + 1000;
    timer = setTimeout(() => {
      guardedTick()
        .catch((error: unknown) => log.error({ err: error }, 'email tick failed'))
        .finally(scheduleNext);
    }, wait);
    timer.unref();
  };

  const startBoss = async (): Promise<void> => {
    const { default: PgBossClass } = await import('pg-boss');
    const b = new PgBossClass({
      connectionString: config.databaseUrl,
      max: 2,
      ...(deps.boss?.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: deps.boss.cronMonitorIntervalSeconds } : {}),
      ...(deps.boss?.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: deps.boss.cronWorkerIntervalSeconds } : {}),
    });
    b.on('error', (error: unknown) => log.error({ err: error }, 'pg-boss error'));
    await b.start();
    await ensureQueue(b);
    await b.schedule(TICK_QUEUE, '* * * * *', {}, { tz: 'UTC' });
    await b.work(TICK_QUEUE, { pollingIntervalSeconds: deps.boss?.pollingIntervalSeconds ?? 2 }, async () => {
      await guardedTick();
    });
    boss = b;
  };

  return {
    async start() {
      await recordEmailStatus(db, clock, email.enabled ? { enabled: true, reason: null, publicUrl: email.publicUrl } : { enabled: false, reason: email.reason, publicUrl: null });
      if (!email.enabled) {
        log.warn({ reason: email.reason }, 'email is off');
        return;
      }
      if (isPostgres(db)) await startBoss();
      else scheduleNext();
      log.info({ scheduler: isPostgres(db) ? 'pg-boss' : 'in-process' }, 'email scheduler started');
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (boss) {
        await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
        boss = null;
      }
      await running?.catch(() => null);
      mailer?.close?.();
      mailer = null;
    },
    tick: guardedTick,
  };
}
