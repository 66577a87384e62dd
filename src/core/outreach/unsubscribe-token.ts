import { createHmac, timingSafeEqual } from 'node:crypto';
import type { UnsubscribeKind } from './email-preferences.js';

const KINDS: readonly UnsubscribeKind[] = ['report', 'review', 'routine', 'pulse', 'all'];
const ID = /^[0-9a-z]{1,64}$/;

function signature(secret: string, userId: string, kind: UnsubscribeKind): string {
  // 128 bits of HMAC-SHA-256: unguessable, and short enough for a link.
  return createHmac('sha256', secret).update(`unsubscribe:v1:${userId}:${kind}`).digest('base64url').slice(0, 22);
}

/**
 * The token of an unsubscribe link: who and which kind of email, signed with the server's secret.
 * It works without signing in and never expires (old emails keep working); it can only turn email
 * off (or back on from the page it opens), so holding one reveals and risks nothing else.
 */
export function unsubscribeToken(secret: string, userId: string, kind: UnsubscribeKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** Who and what a token unsubscribes, or null when it was not signed by this server. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: UnsubscribeKind } | null {
  const [userId, kind, sig, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !kind || !sig || !ID.test(userId) || !KINDS.includes(kind as UnsubscribeKind)) return null;
  const expected = Buffer.from(signature(secret, userId, kind as UnsubscribeKind));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as UnsubscribeKind };
}
