import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '#cli/main.js';
import type { Io } from '#cli/io.js';
import { fixedClock } from '#core/time/clock.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json<T = unknown>(): T;
}

export interface CliRunner {
  (...argv: string[]): Promise<CliResult>;
  dataDir: string;
  clock: ReturnType<typeof fixedClock>;
  /** Answers given, in order, to interactive questions (the run is then treated as a TTY). */
  answers: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * An in-process CLI on its own data directory (SQLite) or DATABASE_URL, with a fixed clock and
 * no colour. Commands run exactly as from a terminal, without a process per call.
 */
export function cliRunner(options: { now?: string; timeZone?: string; databaseUrl?: string; env?: NodeJS.ProcessEnv } = {}): CliRunner {
  const dataDir = mkdtempSync(join(tmpdir(), 'smallwins-cli-'));
  const clock = fixedClock(options.now ?? '2026-11-18T10:00:00Z');
  const answers: string[] = [];
  // Credentials (smallwins login) live beside the data, never in the real home directory.
  const env: NodeJS.ProcessEnv = { SMALLWINS_DATA_DIR: dataDir, XDG_CONFIG_HOME: join(dataDir, 'config'), TZ: options.timeZone ?? 'Europe/Paris', SMALLWINS_SYNCHRONOUS: 'NORMAL', NO_COLOR: '1' };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  Object.assign(env, options.env);
  const run = (async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      out: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`),
      err: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`),
      isTTY: answers.length > 0,
      env,
      ask: async () => answers.shift() ?? null,
    };
    const code = await main(argv, { io, clock });
    return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
  }) as CliRunner;
  run.dataDir = dataDir;
  run.clock = clock;
  run.answers = answers;
  run.env = env;
  return run;
}
