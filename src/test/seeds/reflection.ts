import { concludeExperiment } from '#core/experiments/conclude-experiment.js';
import { createExperiment } from '#core/experiments/create-experiment.js';
import { recordVariantCounts } from '#core/experiments/record-variant-counts.js';
import { addFeedback } from '#core/feedback/add-feedback.js';
import { addLesson } from '#core/lessons/add-lesson.js';
import { addReviewDecision } from '#core/reviews/add-review-decision.js';
import { addReviewPrompt } from '#core/reviews/add-review-prompt.js';
import { answerReview } from '#core/reviews/answer-review.js';
import { startReview } from '#core/reviews/start-review.js';
import type { Samples, Seeder } from '../samples.js';

const FAR = '2099-12-31';

export const seed: Seeder = async (ctx, ids) => {
  ids.reviewPrompt = (await addReviewPrompt(ctx, { kind: 'weekly', text: 'seed-secret question: did it work?' })).id;

  const experiment = await createExperiment(ctx, {
    title: 'Seeded experiment',
    assumption: 'seed-secret assumption',
    hypothesis: 'Variant B converts better',
    endDay: FAR,
    goalId: ids.goal,
    metricId: ids.metric,
    variants: ['Control', 'Variant B'],
  });
  ids.experiment = experiment.id;
  await recordVariantCounts(ctx, { experimentId: experiment.id, variant: 'Control', trials: 10, successes: 3 });
  await recordVariantCounts(ctx, { experimentId: experiment.id, variant: 'Variant B', trials: 10, successes: 5 });
  // A second experiment for the sample that concludes one (concluding is once only).
  ids.experimentToConclude = (await createExperiment(ctx, { title: 'Seeded experiment to conclude', assumption: 'seed-secret', hypothesis: 'h', endDay: FAR })).id;
  const concluded = await createExperiment(ctx, { title: 'Seeded concluded experiment', assumption: 'a', hypothesis: 'h', endDay: FAR });
  await concludeExperiment(ctx, { experimentId: concluded.id, result: 'seed-secret result', decision: 'iterate' });

  ids.feedback = (await addFeedback(ctx, { content: 'seed-secret feedback', source: 'customer', goalId: ids.goal, experimentId: experiment.id })).id;

  const review = await startReview(ctx, { kind: 'weekly' });
  ids.review = review.id;
  await answerReview(ctx, { reviewId: review.id, answers: [{ position: 1, answer: 'seed-secret answer' }] });
  await addReviewDecision(ctx, { reviewId: review.id, verdict: 'keep', text: 'seed-secret decision' });
  // A second review for the sample that completes one (answers and decisions need an open review).
  ids.reviewToComplete = (await startReview(ctx, { kind: 'monthly' })).id;

  const lesson = await addLesson(ctx, {
    title: 'Seeded lesson',
    body: 'seed-secret story behind the lesson',
    origin: 'experiment',
    tags: ['seeded'],
    links: [{ targetType: 'experiment', targetId: experiment.id }, { targetType: 'feedback', targetId: ids.feedback }],
  });
  ids.lesson = lesson.id;
  ids.lessonToDelete = (await addLesson(ctx, { title: 'Seeded lesson to delete', body: 'seed-secret', tags: ['seeded'] })).id;
};

export const samples: Samples = {
  createExperiment: (ids) => ({ title: 'Sample experiment', assumption: 'People want it', hypothesis: 'Half sign up', endDay: FAR, goalId: ids.goal, variants: ['A', 'B'] }),
  listExperiments: () => ({}),
  showExperiment: (ids) => ({ experimentId: ids.experiment }),
  recordVariantCounts: (ids) => ({ experimentId: ids.experiment, variant: 'Control', trials: 2, successes: 1 }),
  concludeExperiment: (ids) => ({ experimentId: ids.experimentToConclude, result: 'It held', decision: 'scale' }),

  addFeedback: (ids) => ({ content: 'Sample feedback', source: 'peer', goalId: ids.goal, experimentId: ids.experiment }),
  listFeedback: () => ({}),

  reviewSummary: () => ({ kind: 'weekly' }),
  startReview: () => ({ kind: 'weekly' }),
  listReviews: () => ({}),
  showReview: (ids) => ({ reviewId: ids.review }),
  answerReview: (ids) => ({ reviewId: ids.review, answers: [{ position: 2, answer: 'Sample answer' }] }),
  addReviewDecision: (ids) => ({ reviewId: ids.review, verdict: 'change', text: 'Sample decision' }),
  completeReview: (ids) => ({ reviewId: ids.reviewToComplete }),
  addReviewPrompt: (ids) => ({ kind: 'monthly', text: 'Sample question?', goalId: ids.goal }),
  listReviewPrompts: () => ({}),

  addLesson: (ids) => ({ title: 'Sample lesson', tags: ['sample'], links: [{ targetType: 'goal', targetId: ids.goal }] }),
  listLessons: () => ({}),
  searchLessons: () => ({ query: 'seeded' }),
  showLesson: (ids) => ({ lessonId: ids.lesson }),
  updateLesson: (ids) => ({ lessonId: ids.lesson, title: 'Renamed lesson', tags: ['seeded', 'renamed'] }),
  deleteLesson: (ids) => ({ lessonId: ids.lessonToDelete }),
  resolveLessonLink: (ids) => ({ link: `experiment:${ids.experiment}` }),
};
