import type { FastifyRequest } from 'fastify';
import type { FeedEvent } from '#contracts/api/feed.js';
import type { EventHub } from './events.js';
import type { ServerDeps } from './context.js';
import type { TransportHook } from './register-operations.js';

interface WinLike {
  id: string;
  visibility: string;
}

type Found = (result: unknown, request: FastifyRequest, deps: ServerDeps) => FeedEvent[] | Promise<FeedEvent[]>;

const field = <T>(value: unknown, key: string): T | undefined => (value && typeof value === 'object' ? (value as Record<string, T>)[key] : undefined);

/** Only shared wins make news: a private win's id never leaves its author, not even in an event. */
function sharedWins(wins: ReadonlyArray<WinLike | null | undefined>): FeedEvent[] {
  return wins.filter((w): w is WinLike => !!w && w.visibility === 'shared').map((w) => ({ type: 'win', id: w.id }));
}

const param = (request: FastifyRequest, name: string): string => (request.params as Record<string, string>)[name] ?? '';

/**
 * The operations that change what the feed shows, and the events each one's result makes. Every
 * operation whose answer can hold a new win is listed (a test checks it against the route table):
 * wins logged by hand, and those a finished task or micro-goal or a milestone earned.
 */
export const FEED_EVENT_SOURCES: Record<string, Found> = {
  logWin: (result) => sharedWins([result as WinLike]),
  completeTask: (result) => sharedWins([field<WinLike>(result, 'win')]),
  completeMicroGoal: (result) => sharedWins([field<WinLike>(result, 'win')]),
  recordMeasurement: (result) => sharedWins(field<WinLike[]>(result, 'milestones') ?? []),
  checkInRoutine: (result) => sharedWins(field<WinLike[]>(result, 'milestones') ?? []),
  giveKudos: (result) => [{ type: 'kudos', id: field<string>(result, 'winId') ?? '' }],
  takeBackKudos: (result) => [{ type: 'kudos', id: field<string>(result, 'winId') ?? '' }],
  addComment: (result) => [{ type: 'comment', id: field<string>(result, 'winId') ?? '' }],
  // The comment row stays (marked deleted), so its win can still be found.
  async deleteComment(_result, request, deps) {
    const row = await deps.db
      .selectFrom('winComments')
      .select('winId')
      .where('workspaceId', '=', param(request, 'workspaceId'))
      .where('id', '=', param(request, 'commentId'))
      .executeTakeFirst();
    return row ? [{ type: 'comment', id: row.winId }] : [];
  },
  createDecision: (result) => [{ type: 'decision', id: field<string>(result, 'id') ?? '' }],
  updateDecision: (result) => [{ type: 'decision', id: field<string>(result, 'id') ?? '' }],
  deleteDecision: (_result, request) => [{ type: 'decision', id: param(request, 'decisionId') }],
};

/**
 * Add "publish the feed events" to the transport hooks of the operations above. A hook runs after
 * the handler has returned, so after its transaction committed: a stream never announces a win
 * that a reader could not fetch yet. A failed publish is logged, never the caller's failure: the
 * change is saved, and open feeds resync when they reconnect.
 */
export function withFeedEvents(hooks: Record<string, TransportHook>, deps: ServerDeps, hub: EventHub): Record<string, TransportHook> {
  const out = { ...hooks };
  for (const [id, found] of Object.entries(FEED_EVENT_SOURCES)) {
    const previous = hooks[id];
    out[id] = async (request, reply, result) => {
      const value = previous ? await previous(request, reply, result) : result;
      const workspaceId = param(request, 'workspaceId');
      try {
        for (const event of await found(value, request, deps)) {
          if (event.id) await hub.publish({ workspaceId, ...event });
        }
      } catch (error) {
        request.log.warn({ err: error }, 'a feed event could not be published');
      }
      return value;
    };
  }
  return out;
}
