import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** The port `npm start` listens on unless PORT says otherwise. */
export const DEFAULT_PORT = 4280;

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
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int({ message: 'must be a whole number' })
    .min(0, { message: 'must be between 0 and 65535' })
    .max(65535, { message: 'must be between 0 and 65535' })
    .default(DEFAULT_PORT),
  SMALLWINS_SIGNUP: z.enum(['open', 'invite', 'closed'], { message: 'must be open, invite or closed' }).default('invite'),
  SMALLWINS_PUBLIC_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/[^/]+$/i.test(v.replace(/\/$/, '')), {
      message: 'must be the origin people reach the app at, such as https://wins.example.org',
    }),
  SMALLWINS_TRUST_PROXY: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^(true|false|\d+|[0-9a-f.:/, ]+)$/i.test(v), {
      message: 'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  SMALLWINS_SMTP_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || smtpUrlProblem(v) === null, {
      message: 'must be an SMTP server URL such as smtp://user:password@mail.example.org:587 or smtps://user:password@mail.example.org:465 (percent-encode special characters in the user and password)',
    }),
  SMALLWINS_MAIL_FROM: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || MAIL_FROM.test(v.trim()), {
      message: 'must be an address such as wins@example.org or "Small Wins <wins@example.org>"',
    }),
});

const MAIL_FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** Why an SMTP URL cannot be used, or null when it can. */
function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return 'not smtp:// or smtps://';
  if (!url.hostname) return 'no host';
  return null;
}

/**
 * Whether this server sends email, and if not, why: shown to people in the app and logged at start.
 * Email needs an SMTP server and the public URL (every email links back to the app and carries an
 * unsubscribe link, which must work from anywhere).
 */
export type EmailConfig =
  | { enabled: true; smtpUrl: string; from: string; publicUrl: string }
  | { enabled: false; reason: string };

function emailConfig(smtpUrl: string | undefined, from: string | undefined, publicUrl: string | null): EmailConfig {
  if (!smtpUrl) return { enabled: false, reason: 'Email is off on this server: SMALLWINS_SMTP_URL is not set.' };
  if (!publicUrl) {
    return { enabled: false, reason: 'Email is off on this server: SMALLWINS_SMTP_URL is set but SMALLWINS_PUBLIC_URL is not, and every email needs links that open the app and unsubscribe.' };
  }
  return { enabled: true, smtpUrl, from: from?.trim() || `Small Wins <smallwins@${new URL(publicUrl).hostname}>`, publicUrl };
}


export interface Config {
  dataDir: string;
  databaseUrl: string;
  synchronous: 'FULL' | 'NORMAL';
  /** A fixed "now" for scripted runs and tests; absent in normal use. */
  fixedNow: string | null;
  defaultTimeZone: string;
  host: string;
  port: number;
  /** Who may create an account once the first one exists. */
  signUp: 'open' | 'invite' | 'closed';
  /** The origin the app is reached at (for links, the CSRF origin check and Secure cookies); null: the request's own. */
  publicUrl: string | null;
  /** Fastify's trustProxy: false unless a reverse proxy in front is configured as trusted. */
  trustProxy: boolean | number | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Reports and reminders by email through the operator's own SMTP server, or why not. */
  email: EmailConfig;
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
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
  const publicUrl = e.SMALLWINS_PUBLIC_URL ? e.SMALLWINS_PUBLIC_URL.replace(/\/$/, '') : null;
  const dataDir = e.SMALLWINS_DATA_DIR ?? join(e.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'smallwins');
  return Object.freeze({
    dataDir,
    databaseUrl: e.DATABASE_URL ?? join(dataDir, 'smallwins.db'),
    synchronous: e.SMALLWINS_SYNCHRONOUS,
    fixedNow: e.SMALLWINS_NOW ?? null,
    defaultTimeZone: e.TZ && e.TZ.includes('/') ? e.TZ : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    host: e.HOST,
    port: e.PORT,
    signUp: e.SMALLWINS_SIGNUP,
    publicUrl,
    trustProxy: parseTrustProxy(e.SMALLWINS_TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    email: emailConfig(e.SMALLWINS_SMTP_URL || undefined, e.SMALLWINS_MAIL_FROM, publicUrl),
  });
}
