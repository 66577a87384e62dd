import { reflectionEndpoints } from '#contracts/api/reflection.js';
import { concludeExperiment } from '#core/experiments/conclude-experiment.js';
import { createExperiment } from '#core/experiments/create-experiment.js';
import { listExperiments } from '#core/experiments/list-experiments.js';
import { recordVariantCounts } from '#core/experiments/record-variant-counts.js';
import { showExperiment } from '#core/experiments/show-experiment.js';
import { addFeedback } from '#core/feedback/add-feedback.js';
import { listFeedback } from '#core/feedback/list-feedback.js';
import { addLesson } from '#core/lessons/add-lesson.js';
import { deleteLesson } from '#core/lessons/delete-lesson.js';
import { getLesson } from '#core/lessons/lesson-queries.js';
import { listLessons } from '#core/lessons/list-lessons.js';
import { resolveLinkTarget } from '#core/lessons/resolve-link-target.js';
import { searchLessons } from '#core/lessons/search-lessons.js';
import { updateLesson } from '#core/lessons/update-lesson.js';
import { addReviewDecision } from '#core/reviews/add-review-decision.js';
import { addReviewPrompt } from '#core/reviews/add-review-prompt.js';
import { answerReview } from '#core/reviews/answer-review.js';
import { completeReview } from '#core/reviews/complete-review.js';
import { listReviewPrompts } from '#core/reviews/list-review-prompts.js';
import { listReviews } from '#core/reviews/list-reviews.js';
import { reviewSummary } from '#core/reviews/review-summary.js';
import { showReview } from '#core/reviews/show-review.js';
import { startReview } from '#core/reviews/start-review.js';
import { operations, type Handlers } from './operation.js';

/** Lists return every row the use case allows; the API pages through them. */
const ALL = 500;

const handlers: Handlers<typeof reflectionEndpoints> = {
  createExperiment: (ctx, input) => createExperiment(ctx, input),
  listExperiments: (ctx, input) => listExperiments(ctx, input),
  showExperiment: (ctx, input) => showExperiment(ctx, input.experimentId),
  recordVariantCounts: (ctx, input) => recordVariantCounts(ctx, input),
  concludeExperiment: (ctx, input) => concludeExperiment(ctx, input),

  addFeedback: (ctx, input) => addFeedback(ctx, input),
  listFeedback: (ctx, input) => listFeedback(ctx, { ...input, limit: ALL }),

  reviewSummary: (ctx, input) => reviewSummary(ctx, input),
  startReview: (ctx, input) => startReview(ctx, input),
  listReviews: (ctx, input) => listReviews(ctx, { ...input, limit: ALL }),
  showReview: (ctx, input) => showReview(ctx, { reviewId: input.reviewId }),
  answerReview: (ctx, input) => answerReview(ctx, input),
  addReviewDecision: (ctx, input) => addReviewDecision(ctx, input),
  completeReview: (ctx, input) => completeReview(ctx, input),
  addReviewPrompt: (ctx, input) => addReviewPrompt(ctx, input),
  listReviewPrompts: (ctx, input) => listReviewPrompts(ctx, input),

  addLesson: (ctx, input) => addLesson(ctx, input),
  listLessons: (ctx, input) => listLessons(ctx, { ...input, limit: ALL }),
  searchLessons: (ctx, input) => searchLessons(ctx, input),
  showLesson: (ctx, input) => getLesson(ctx, input.lessonId),
  updateLesson: (ctx, input) => updateLesson(ctx, input),
  deleteLesson: (ctx, input) => deleteLesson(ctx, input),
  resolveLessonLink: (ctx, input) => resolveLinkTarget(ctx, input.link),
};

export const reflectionOperations = operations(reflectionEndpoints, handlers);
