import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A new 16-character id (80 random bits, Crockford base32, lowercase). */
export function newId(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[(bytes[i] ?? 0) & 31];
  return out;
}

/** The short form shown in lists; any unique prefix of 4+ characters is accepted back. */
export function shortId(id: string): string {
  return id.slice(0, 6);
}
