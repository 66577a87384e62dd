import { z } from 'zod';

/**
 * Output shapes shared by several parts of the API. Responses are parsed through their schema
 * before they are sent, so a field that is not declared here never leaves the server.
 */

export const Instant = z.string().describe('An instant, ISO 8601 UTC');
export const Day = z.string().describe('A calendar day of the user, YYYY-MM-DD');
export const Week = z.string().describe('An ISO week, YYYY-Www');

export const WinOut = z.object({
  id: z.string(),
  userId: z.string(),
  title: z.string(),
  note: z.string(),
  source: z.enum(['manual', 'task', 'micro_goal', 'milestone']),
  sourceId: z.string().nullable(),
  visibility: z.enum(['private', 'shared']),
  day: Day,
  createdAt: Instant,
});

/** Wins a write earned on the way (a milestone, a best streak), when it earned any. */
export const MilestonesOut = z.array(WinOut).optional();

/** The result of resolving a name, an id or an id prefix to one row. */
export const RefOut = z.object({ id: z.string() });

/** A plain acknowledgement for operations that change something and have nothing else to say. */
export const OkOut = z.object({ ok: z.literal(true) });

/** No body (204). */
export const NoContent = z.void();
