import { Command, CommanderError, Option } from 'commander';
import type { z } from 'zod';
import type { Endpoint } from '#contracts/api/endpoint.js';
import type { RefKind } from '#contracts/api/refs.js';
import type { ApiCtx, Operation, OperationResult } from '#api/operation.js';
import { AppError, parseInput } from '#core/errors.js';
import type { Ctx } from '#core/context.js';
import { fixedClock, systemClock, type Clock } from '#core/time/clock.js';
import { actorFor, localOwner } from '#core/workspaces/bootstrap.js';
import { connect, migrateToLatest, type Db } from '#db/connect.js';
import { loadConfig, type Config } from '#config/config.js';
import { colorsFor, type Colors, type Io } from './io.js';
import { readCredentials, RemoteClient, type Credentials } from './remote.js';

/** What every command action receives. */
export interface CliApp {
  io: Io;
  c: Colors;
  /** Open the local database, act as its owner, and close it afterwards (local-only commands). */
  withCtx<T>(fn: (ctx: Ctx, extra: { db: Db; config: Config }) => Promise<T>): Promise<T>;
  /**
   * Run an operation: on the local database, or over HTTP when `smallwins login` connected this
   * CLI to a server. Both give the same result shape, parsed by the endpoint's output schema.
   */
  call<E extends Endpoint>(op: Operation<E>, input: z.input<E['input']>): Promise<OperationResult<E>>;
  /** The id a name, id or id prefix means (locally or on the server). */
  resolve(kind: RefKind, ref: string): Promise<string>;
  /** The server this CLI is logged in to, or null when it works on the local database. */
  remote(): Credentials | null;
  /** Close what calls opened. */
  close(): Promise<void>;
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
  const clockOf = (cfg: Config): Clock => options.clock ?? (cfg.fixedNow ? fixedClock(cfg.fixedNow) : systemClock);
  let credentials: Credentials | null | undefined;
  const remote = (): Credentials | null => {
    if (credentials === undefined) credentials = program.opts().local ? null : readCredentials(io.env);
    return credentials;
  };
  const workspaceOption = (): string | undefined => (program.opts().workspace as string | undefined) || undefined;

  // One local session per CLI run: opened by the first call, closed by close().
  let local: Promise<{ ctx: ApiCtx; db: Db }> | undefined;
  const openLocal = async (): Promise<{ ctx: ApiCtx; db: Db }> => {
    const cfg = getConfig();
    const clock = clockOf(cfg);
    const db = await connect({ url: cfg.databaseUrl, synchronous: cfg.synchronous, poolSize: 2 });
    try {
      await migrateToLatest(db);
      let actor = await localOwner(db, clock, { timeZone: cfg.defaultTimeZone });
      const wanted = workspaceOption();
      if (wanted && wanted !== actor.workspaceId) {
        const other = await actorFor(db, actor.userId, wanted);
        if (!other) throw new AppError('not_found', `No workspace matches "${wanted}".`);
        actor = other;
      }
      const caller = { ip: 'local', userAgent: 'smallwins-cli', sessionId: null, tokenId: null, signUpMode: cfg.signUp };
      return { ctx: { db, clock, actor, caller }, db };
    } catch (error) {
      await db.destroy();
      throw error;
    }
  };
  let client: RemoteClient | undefined;

  const app: CliApp = {
    io,
    c,
    json,
    config: getConfig,
    remote,
    async call(op, input) {
      const creds = remote();
      if (creds) {
        client ??= new RemoteClient(creds.server, creds.token);
        const workspaceId = workspaceOption() ?? creds.workspaceId;
        return (await client.call(op.endpoint, input as Record<string, unknown>, workspaceId)) as OperationResult<typeof op.endpoint>;
      }
      local ??= openLocal();
      const { ctx } = await local;
      const data = parseInput(op.endpoint.input, input, 'input');
      const result = await (op.handler as (ctx: ApiCtx, input: unknown) => Promise<unknown>)(ctx, data);
      const out = op.endpoint.output;
      return (op.endpoint.list ? (result as unknown[]).map((item) => out.parse(item)) : out.parse(result)) as OperationResult<typeof op.endpoint>;
    },
    async resolve(kind, ref) {
      const { refOperations } = await import('#api/refs.ops.js');
      return (await app.call(refOperations.resolveRef, { kind, ref })).id;
    },
    async close() {
      if (local) {
        const pending = local;
        local = undefined;
        await (await pending.catch(() => null))?.db.destroy();
      }
    },
    async withCtx(fn) {
      if (remote()) {
        throw new AppError('validation', `This command works on the local database only, and this CLI is logged in to ${remote()!.server}. Run it with --local, or log out with: smallwins logout`);
      }
      const cfg = getConfig();
      const clock = clockOf(cfg);
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
  return app;
}

/** Commander's own parse errors are usage errors (exit 2). */
export function isUsageError(error: unknown): error is CommanderError {
  return error instanceof CommanderError;
}

export { Command, Option };
