import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 16;

/*
 * Random bytes are drawn from the system generator a page at a time: one call per 256 ids instead
 * of one per id (each call is a trip into OpenSSL, a visible share of a short write request). Every
 * byte is used once, so ids stay exactly as random.
 */
const pool = Buffer.alloc(ID_LENGTH * 256);
let offset = pool.length;

/** A new 16-character id (80 random bits, Crockford base32, lowercase). */
export function newId(): string {
  if (offset + ID_LENGTH > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  let out = '';
  for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[pool[offset + i]! & 31];
  offset += ID_LENGTH;
  return out;
}

/** The short form shown in lists; any unique prefix of 4+ characters is accepted back. */
export function shortId(id: string): string {
  return id.slice(0, 6);
}
