import { z } from 'zod';
import {
  AddCommentSchema,
  CommentIdSchema,
  CreateDecisionSchema,
  DecisionIdSchema,
  ListDecisionsSchema,
  ListFeedSchema,
  UpdateDecisionSchema,
  WinIdSchema,
} from '../feed.js';
import { endpoint } from './endpoint.js';
import { Day, Instant, NoContent } from './shapes.js';

const PersonOut = z.object({ id: z.string(), name: z.string() });

export const FeedItemOut = z.object({
  id: z.string().describe("The win's id"),
  title: z.string(),
  note: z.string(),
  source: z.enum(['manual', 'task', 'micro_goal', 'milestone']),
  day: Day,
  createdAt: Instant,
  author: PersonOut,
  mine: z.boolean().describe('Whether you logged this win'),
  kudos: z.number().int().describe('How many people gave kudos'),
  kudosGiven: z.boolean().describe('Whether you gave kudos'),
  comments: z.number().int().describe('Comments not deleted'),
});

export const FeedPageOut = z.object({
  items: z.array(FeedItemOut),
  nextCursor: z.string().nullable().describe('Pass as `before` for the next (older) page; null on the last one'),
});

export const KudosOut = z.object({ winId: z.string(), kudos: z.number().int(), kudosGiven: z.boolean() });

export const CommentOut = z.object({
  id: z.string(),
  winId: z.string(),
  body: z.string(),
  author: PersonOut,
  createdAt: Instant,
  canDelete: z.boolean().describe('You wrote it, or you are an admin'),
});

export const DecisionOut = z.object({
  id: z.string(),
  title: z.string(),
  context: z.string(),
  decision: z.string(),
  reasoning: z.string(),
  goal: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdBy: PersonOut,
  createdAt: Instant,
  updatedAt: Instant,
});

/** A live event of the feed stream: ids only, the client reads the object through the API. */
export const FeedEventOut = z.object({
  type: z.enum(['win', 'kudos', 'comment', 'decision', 'resync']),
  id: z.string().describe('The win (win, kudos, comment) or decision record it concerns; empty for resync'),
});
export type FeedEvent = z.infer<typeof FeedEventOut>;

export const feedEndpoints = {
  listFeed: endpoint({
    id: 'listFeed', method: 'GET', path: '/feed', scope: 'workspace', tag: 'Feed',
    summary: "The team feed: the workspace's shared wins, newest first, with kudos and comment counts",
    description: 'Paged by `before` (the `nextCursor` of the previous page). Private wins never appear, not even to their author. Live updates: GET /feed/events (server-sent events).',
    input: ListFeedSchema, output: FeedPageOut,
  }),
  showFeedItem: endpoint({
    id: 'showFeedItem', method: 'GET', path: '/feed/wins/{winId}', scope: 'workspace', tag: 'Feed',
    summary: 'One shared win as the feed shows it (what a live event points at)',
    input: WinIdSchema, output: FeedItemOut,
  }),
  giveKudos: endpoint({
    id: 'giveKudos', method: 'PUT', path: '/wins/{winId}/kudos', scope: 'workspace', tag: 'Feed',
    summary: "Give kudos to a teammate's shared win (once per person; giving again changes nothing)",
    description: 'Your own wins take no kudos (409). A private win is not found (404) for anyone but its author.',
    input: WinIdSchema, output: KudosOut,
  }),
  takeBackKudos: endpoint({
    id: 'takeBackKudos', method: 'DELETE', path: '/wins/{winId}/kudos', scope: 'workspace', tag: 'Feed',
    summary: 'Take back your kudos (nothing to take back changes nothing)',
    input: WinIdSchema, output: KudosOut,
  }),
  listComments: endpoint({
    id: 'listComments', method: 'GET', path: '/wins/{winId}/comments', scope: 'workspace', tag: 'Feed', list: true,
    summary: "A shared win's comments, oldest first",
    input: WinIdSchema, output: CommentOut,
  }),
  addComment: endpoint({
    id: 'addComment', method: 'POST', path: '/wins/{winId}/comments', scope: 'workspace', tag: 'Feed', status: 201,
    summary: 'Comment on a shared win (up to 500 characters)',
    input: AddCommentSchema, output: CommentOut,
  }),
  deleteComment: endpoint({
    id: 'deleteComment', method: 'DELETE', path: '/comments/{commentId}', scope: 'workspace', tag: 'Feed', status: 204,
    summary: 'Delete a comment (its author, an admin or the owner)',
    input: CommentIdSchema, output: NoContent,
  }),
  createDecision: endpoint({
    id: 'createDecision', method: 'POST', path: '/decisions', scope: 'workspace', tag: 'Decisions', status: 201,
    summary: 'Record a decision: its context, what was decided, the reasoning, and optionally the goal it serves',
    input: CreateDecisionSchema, output: DecisionOut,
  }),
  listDecisions: endpoint({
    id: 'listDecisions', method: 'GET', path: '/decisions', scope: 'workspace', tag: 'Decisions', list: true,
    summary: 'Decision records, newest first (optionally of one goal)',
    input: ListDecisionsSchema, output: DecisionOut,
  }),
  showDecision: endpoint({
    id: 'showDecision', method: 'GET', path: '/decisions/{decisionId}', scope: 'workspace', tag: 'Decisions',
    summary: 'One decision record',
    input: DecisionIdSchema, output: DecisionOut,
  }),
  updateDecision: endpoint({
    id: 'updateDecision', method: 'PATCH', path: '/decisions/{decisionId}', scope: 'workspace', tag: 'Decisions',
    summary: "Change a decision record's title, context, decision, reasoning or goal",
    input: UpdateDecisionSchema, output: DecisionOut,
  }),
  deleteDecision: endpoint({
    id: 'deleteDecision', method: 'DELETE', path: '/decisions/{decisionId}', scope: 'workspace', tag: 'Decisions', status: 204,
    summary: 'Delete a decision record',
    input: DecisionIdSchema, output: NoContent,
  }),
};
