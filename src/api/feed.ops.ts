import { feedEndpoints } from '#contracts/api/feed.js';
import { createDecision, deleteDecision, getDecision, listDecisions, updateDecision } from '#core/decisions/decision-records.js';
import { addComment, deleteComment, listComments } from '#core/feed/comments.js';
import { getFeedItem } from '#core/feed/feed-queries.js';
import { giveKudos, takeBackKudos } from '#core/feed/kudos.js';
import { listFeed } from '#core/feed/list-feed.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof feedEndpoints> = {
  listFeed: (ctx, input) => listFeed(ctx, input),
  showFeedItem: (ctx, input) => getFeedItem(ctx, input.winId),
  giveKudos: (ctx, input) => giveKudos(ctx, input),
  takeBackKudos: (ctx, input) => takeBackKudos(ctx, input),
  listComments: (ctx, input) => listComments(ctx, input),
  addComment: (ctx, input) => addComment(ctx, input),
  async deleteComment(ctx, input) {
    await deleteComment(ctx, input);
  },
  createDecision: (ctx, input) => createDecision(ctx, input),
  listDecisions: (ctx, input) => listDecisions(ctx, input),
  showDecision: (ctx, input) => getDecision(ctx, input),
  updateDecision: (ctx, input) => updateDecision(ctx, input),
  deleteDecision: (ctx, input) => deleteDecision(ctx, input),
};

export const feedOperations = operations(feedEndpoints, handlers);
