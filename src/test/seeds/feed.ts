import { createDecision } from '#core/decisions/decision-records.js';
import { addComment } from '#core/feed/comments.js';
import { logWin } from '#core/wins/log-win.js';
import type { Samples, Seeder } from '../samples.js';

export const seed: Seeder = async (ctx, ids) => {
  ids.sharedWin = (await logWin(ctx, { title: 'Seeded shared win', note: 'seed-secret shared note', visibility: 'shared' })).id;
  ids.privateWin = (await logWin(ctx, { title: 'Seeded private win', note: 'seed-secret private note', visibility: 'private' })).id;
  ids.comment = (await addComment(ctx, { winId: ids.sharedWin, body: 'seed-secret comment' })).id;
  ids.decision = (await createDecision(ctx, { title: 'Seeded decision', context: 'seed-secret context', decision: 'Ship weekly', reasoning: 'Fast feedback', goalId: ids.goal ?? null })).id;
};

export const samples: Samples = {
  listFeed: () => ({}),
  showFeedItem: (ids) => ({ winId: ids.sharedWin }),
  giveKudos: (ids) => ({ winId: ids.sharedWin }),
  takeBackKudos: (ids) => ({ winId: ids.sharedWin }),
  listComments: (ids) => ({ winId: ids.sharedWin }),
  addComment: (ids) => ({ winId: ids.sharedWin, body: 'Sample comment' }),
  deleteComment: (ids) => ({ commentId: ids.comment }),
  createDecision: () => ({ title: 'Sample decision', decision: 'Try it for two weeks' }),
  listDecisions: () => ({}),
  showDecision: (ids) => ({ decisionId: ids.decision }),
  updateDecision: (ids) => ({ decisionId: ids.decision, reasoning: 'Changed our mind' }),
  deleteDecision: (ids) => ({ decisionId: ids.decision }),
};
