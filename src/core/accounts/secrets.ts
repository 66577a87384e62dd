import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) as base64url: cookie secrets, invitation tokens, API token bodies. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The SHA-256 (hex) under which a secret is stored. A plain hash suffices because the secrets are
 * 256 random bits: unlike passwords, they cannot be guessed, so slow hashing would buy nothing.
 */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** True when a database error is a unique-constraint violation, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || (typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}

/** The ISO instant `ms` milliseconds after `from` (instants, not calendar days, so plain arithmetic). */
export function addMs(from: Date, ms: number): string {
  return new Date(from.getTime() + ms).toISOString();
}

export const DAY_MS = 24 * 60 * 60 * 1000;
