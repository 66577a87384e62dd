import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  SMALLWINS_DATA_DIR: z.string().min(1).optional(),
  XDG_DATA_HOME: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .min(1)
    .optional()
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//i.test(v) || !v.includes('://'), {
      message: 'must be a postgres:// URL or a path to an SQLite file',
    }),
  SMALLWINS_SYNCHRONOUS: z.enum(['FULL', 'NORMAL'], { message: 'must be FULL or NORMAL' }).default('FULL'),
  SMALLWINS_NOW: z
    .string()
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: 'must be an ISO instant such as 2026-11-22T09:00:00Z' }),
  TZ: z.string().optional(),
});

export interface Config {
  dataDir: string;
  databaseUrl: string;
  synchronous: 'FULL' | 'NORMAL';
  /** A fixed "now" for scripted runs and tests; absent in normal use. */
  fixedNow: string | null;
  defaultTimeZone: string;
}

export class ConfigError extends Error {}

/** Parse the environment once into a frozen config; a bad value names the variable and the fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = e.SMALLWINS_DATA_DIR ?? join(e.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'smallwins');
  return Object.freeze({
    dataDir,
    databaseUrl: e.DATABASE_URL ?? join(dataDir, 'smallwins.db'),
    synchronous: e.SMALLWINS_SYNCHRONOUS,
    fixedNow: e.SMALLWINS_NOW ?? null,
    defaultTimeZone: e.TZ && e.TZ.includes('/') ? e.TZ : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
}
