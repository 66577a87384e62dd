import { Command, CommanderError, Option } from 'commander';
import { AppError } from '#core/errors.js';
import type { Ctx } from '#core/context.js';
import { fixedClock, systemClock, type Clock } from '#core/time/clock.js';
import { localOwner } from '#core/workspaces/bootstrap.js';
import { connect, migrateToLatest, type Db } from '#db/connect.js';
import { loadConfig, type Config } from '#config/config.js';
import { colorsFor, type Colors, type Io } from './io.js';

/** What every command action receives. */
export interface CliApp {
  io: Io;
  c: Colors;
  /** Open the local database, act as its owner, and close it afterwards. */
  withCtx<T>(fn: (ctx: Ctx, extra: { db: Db; config: Config }) => Promise<T>): Promise<T>;
  /** Print a result: JSON when --json was given, the human rendering otherwise. */
  print(value: unknown, human: () => string): void;
  json(): boolean;
  /** A required value: from the argument, else asked on a TTY, else a usage error. */
  need(value: string | undefined, question: string, hint: string): Promise<string>;
  config(): Config;
}

export interface CliOptions {
  io: Io;
  clock?: Clock;
}

export function createApp(program: Command, options: CliOptions): CliApp {
  const { io } = options;
  const c = colorsFor(io);
  let config: Config | undefined;
  const getConfig = () => (config ??= loadConfig(io.env));
  const json = () => Boolean(program.opts().json);
  return {
    io,
    c,
    json,
    config: getConfig,
    async withCtx(fn) {
      const cfg = getConfig();
      const clock = options.clock ?? (cfg.fixedNow ? fixedClock(cfg.fixedNow) : systemClock);
      const db = await connect({ url: cfg.databaseUrl, synchronous: cfg.synchronous, poolSize: 2 });
      try {
        await migrateToLatest(db);
        const actor = await localOwner(db, clock, { timeZone: cfg.defaultTimeZone });
        return await fn({ db, clock, actor }, { db, config: cfg });
      } finally {
        await db.destroy();
      }
    },
    print(value, human) {
      io.out(json() ? JSON.stringify(value, null, 2) : human());
    },
    async need(value, question, hint) {
      if (value !== undefined && value !== '') return value;
      const answer = await io.ask(`${question} `);
      if (answer) return answer;
      throw new AppError('validation', `Missing ${hint}.`);
    },
  };
}

/** Commander's own parse errors are usage errors (exit 2). */
export function isUsageError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}

export { Command, Option };
