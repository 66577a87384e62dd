import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#contracts/accounts.js';
import { invalid } from '../errors.js';

/*
 * scrypt with the OWASP-recommended cost (N=2^15, r=8, p=1). The parameters are stored with each
 * hash, so raising them later only affects new hashes and old ones still verify.
 */
const N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so give it room. */
const maxmemFor = (n: number, r: number): number => 2 * 128 * n * r;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Refuse a password outside the policy with a message that says what to do. */
export function checkPasswordPolicy(password: string, path = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw invalid(path, `The password must be at least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) throw invalid(path, `The password must be at most ${PASSWORD_MAX_LENGTH} characters.`);
}

/** Hash a new password as `scrypt$N$r$p$saltB64$hashB64`, checking the policy first. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N, r: R, p: P, maxmem: maxmemFor(N, R) });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether `password` matches a stored hash, compared in constant time. A malformed or absurdly
 * expensive stored value answers false rather than throwing or hanging the server.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  const sane = Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!sane || salt.length === 0 || expected.length < 16 || password.length > PASSWORD_MAX_LENGTH) return false;
  const actual = await derive(password, salt, expected.length, { N: n, r, p, maxmem: maxmemFor(n, r) });
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Spend the time of one verification when there is no user to check against, so response times do
 * not tell which emails have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(password, await dummy);
  return false;
}
