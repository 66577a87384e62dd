import { z } from 'zod';
import { IdSchema } from '../common.js';
import {
  AddFeedbackSchema,
  AddLessonSchema,
  AddReviewDecisionSchema,
  AddReviewPromptSchema,
  AnswerReviewSchema,
  ConcludeExperimentSchema,
  CreateExperimentSchema,
  ExperimentDecisionSchema,
  ExperimentStatusSchema,
  FeedbackSourceSchema,
  LessonOriginSchema,
  LinkTargetTypeSchema,
  ListExperimentsSchema,
  ListFeedbackSchema,
  ListLessonsSchema,
  RecordVariantCountsSchema,
  ReviewKindSchema,
  ReviewPeriodInputSchema,
  ReviewSummaryInputSchema,
  ReviewVerdictSchema,
  SearchLessonsSchema,
  StartReviewSchema,
  UpdateLessonSchema,
} from '../reflection.js';
import { endpoint } from './endpoint.js';
import { Day, Instant } from './shapes.js';

// ── Experiments ──────────────────────────────────────────────────────────────

export const VariantOut = z.object({
  id: z.string(),
  name: z.string(),
  trials: z.number(),
  successes: z.number(),
  rate: z.number().nullable().describe('successes / trials, or null before the first trial'),
});

export const ExperimentOut = z.object({
  id: z.string(),
  goalId: z.string().nullable(),
  metricId: z.string().nullable(),
  title: z.string(),
  assumption: z.string(),
  hypothesis: z.string(),
  startDay: Day,
  endDay: Day,
  status: ExperimentStatusSchema.describe('planned until the start day, running until a result is recorded, then done'),
  overdue: z.boolean().describe('The end day has passed and no result has been recorded yet'),
  result: z.string(),
  decision: ExperimentDecisionSchema.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const ExperimentWithVariantsOut = ExperimentOut.extend({ variants: z.array(VariantOut) });

export const FeedbackOut = z.object({
  id: z.string(),
  source: FeedbackSourceSchema,
  content: z.string(),
  day: Day,
  contactId: z.string().nullable(),
  goalId: z.string().nullable(),
  experimentId: z.string().nullable(),
  createdAt: Instant,
});

export const ExperimentDetailOut = ExperimentWithVariantsOut.extend({
  goal: z.object({ id: z.string(), title: z.string() }).nullable(),
  metric: z.object({ id: z.string(), name: z.string(), unit: z.string() }).nullable(),
  leader: z.string().nullable().describe('The variant with the best success rate, once every variant has trials (null on a tie)'),
  feedback: z.array(FeedbackOut),
  lessons: z.array(z.object({ id: z.string(), title: z.string(), day: Day })),
});

// ── Reviews ──────────────────────────────────────────────────────────────────

const DayValue = z.object({ day: Day, value: z.number() });

export const MetricMovementOut = z.object({
  goalId: z.string(),
  goal: z.string(),
  metricId: z.string(),
  metric: z.string(),
  unit: z.string(),
  direction: z.enum(['up', 'down']),
  measurements: z.number(),
  first: DayValue.nullable(),
  last: DayValue.nullable(),
  change: z.number().nullable(),
  improved: z.boolean().nullable(),
});

export const ReviewSummaryOut = z.object({
  kind: ReviewKindSchema,
  period: z.string().describe('2026-W47 for a week, 2026-11 for a month'),
  from: Day,
  to: Day,
  generatedAt: Instant,
  tasks: z.object({ planned: z.number(), done: z.number(), skipped: z.number(), carried: z.number(), open: z.number(), minutesDone: z.number() }),
  microGoals: z.object({ planned: z.number(), done: z.number(), dropped: z.number(), open: z.number() }),
  wins: z.object({ count: z.number(), titles: z.array(z.string()) }),
  checkIns: z.object({
    done: z.number(),
    minimum: z.number(),
    skipped: z.number(),
    missed: z.number(),
    mostMissed: z.array(z.object({ routineId: z.string(), name: z.string(), misses: z.number() })),
  }),
  metrics: z.array(MetricMovementOut),
  energy: z.object({ days: z.number(), averageEnergy: z.number().nullable(), averageSleepHours: z.number().nullable() }),
  // Summaries are stored on the review when it opens: ones written before momentum was part of
  // the summary have none, so it stays optional.
  momentum: z
    .object({ average: z.number(), previousAverage: z.number(), change: z.number() })
    .optional()
    .describe("Average daily momentum (0..1) over the period's days so far and over as many days just before it, and the change; absent from summaries stored before it existed"),
  pulses: z.array(z.object({ kind: z.string(), question: z.string(), average: z.number(), count: z.number() })),
  lessons: z.object({ count: z.number(), titles: z.array(z.string()) }),
  patterns: z.object({
    byWeekday: z.array(z.object({ weekday: z.number(), name: z.string(), missedCheckIns: z.number(), skippedTasks: z.number() })),
    hardestWeekday: z.object({ weekday: z.number(), name: z.string(), misses: z.number() }).nullable(),
  }),
});

export const ReviewAnswerOut = z.object({ position: z.number(), prompt: z.string(), answer: z.string() });

export const ReviewDecisionOut = z.object({ id: z.string(), verdict: ReviewVerdictSchema, text: z.string(), createdAt: Instant });

export const ReviewDetailOut = z.object({
  id: z.string(),
  kind: ReviewKindSchema,
  period: z.string(),
  status: z.enum(['open', 'done']),
  startedAt: Instant,
  completedAt: Instant.nullable(),
  summary: ReviewSummaryOut.nullable(),
  answers: z.array(ReviewAnswerOut),
  decisions: z.array(ReviewDecisionOut),
});

export type ReviewDetailOutput = z.output<typeof ReviewDetailOut>;

export const ReviewListItemOut = z.object({
  id: z.string(),
  kind: ReviewKindSchema,
  period: z.string(),
  status: z.enum(['open', 'done']),
  startedAt: Instant,
  completedAt: Instant.nullable(),
  prompts: z.number(),
  answered: z.number(),
  decisions: z.number(),
});

export const ReviewPromptOut = z.object({
  id: z.string(),
  kind: ReviewKindSchema,
  text: z.string(),
  goalId: z.string().nullable(),
  position: z.number(),
});

// ── Lessons ──────────────────────────────────────────────────────────────────

export const LessonLinkOut = z.object({ targetType: LinkTargetTypeSchema, targetId: z.string() });

export const LessonOut = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  origin: LessonOriginSchema,
  day: Day,
  tags: z.array(z.string()),
  links: z.array(LessonLinkOut),
  createdAt: Instant,
  updatedAt: Instant,
});

export const LessonHitOut = LessonOut.extend({ snippet: z.string().describe('A short extract around the match, matched words between « and »') });

// ── Inputs ───────────────────────────────────────────────────────────────────

const ExperimentIdInput = z.object({ experimentId: IdSchema });
const ReviewIdInput = z.object({ reviewId: IdSchema });
const LessonIdInput = z.object({ lessonId: IdSchema });

export const reflectionEndpoints = {
  // Experiments
  createExperiment: endpoint({
    id: 'createExperiment', method: 'POST', path: '/experiments', scope: 'workspace', tag: 'Experiments', status: 201,
    summary: 'Start (or schedule) an experiment',
    description: 'An assumption, the hypothesis that tests it, a time box and optional A/B variants. It is planned while its start day is ahead and running from then on. A metric given without a goal attaches the experiment to the metric\'s goal.',
    input: CreateExperimentSchema, output: ExperimentWithVariantsOut,
  }),
  listExperiments: endpoint({
    id: 'listExperiments', method: 'GET', path: '/experiments', scope: 'workspace', tag: 'Experiments', list: true,
    summary: 'List experiments: running (overdue first), planned, then done, each with its variants',
    input: ListExperimentsSchema, output: ExperimentWithVariantsOut,
  }),
  showExperiment: endpoint({
    id: 'showExperiment', method: 'GET', path: '/experiments/{experimentId}', scope: 'workspace', tag: 'Experiments',
    summary: 'An experiment with its variants and rates, its goal and metric, and the feedback and lessons linked to it',
    input: ExperimentIdInput, output: ExperimentDetailOut,
  }),
  recordVariantCounts: endpoint({
    id: 'recordVariantCounts', method: 'POST', path: '/experiments/{experimentId}/counts', scope: 'workspace', tag: 'Experiments',
    summary: 'Add trials and successes to a variant of a running experiment',
    description: 'The variant is named, ignoring case. Counts add up exactly under concurrent calls; successes may never exceed trials (400). A concluded experiment answers 409.',
    input: RecordVariantCountsSchema, output: VariantOut,
  }),
  concludeExperiment: endpoint({
    id: 'concludeExperiment', method: 'POST', path: '/experiments/{experimentId}/result', scope: 'workspace', tag: 'Experiments',
    summary: 'Record what the experiment showed and decide: scale, iterate or stop',
    description: 'Once only: an experiment that already has its result answers 409.',
    input: ConcludeExperimentSchema, output: ExperimentOut,
  }),

  // Feedback
  addFeedback: endpoint({
    id: 'addFeedback', method: 'POST', path: '/feedback', scope: 'workspace', tag: 'Feedback', status: 201,
    summary: 'Log a piece of feedback from a customer, mentor, peer or other',
    description: 'Optionally tied to the contact who gave it, the goal it concerns and the experiment it informs; each must exist in the workspace.',
    input: AddFeedbackSchema, output: FeedbackOut,
  }),
  listFeedback: endpoint({
    id: 'listFeedback', method: 'GET', path: '/feedback', scope: 'workspace', tag: 'Feedback', list: true,
    summary: 'Feedback, newest first, narrowed by source, contact, goal, experiment or days',
    input: ListFeedbackSchema.omit({ limit: true }), output: FeedbackOut,
  }),

  // Reviews
  reviewSummary: endpoint({
    id: 'reviewSummary', method: 'GET', path: '/reviews/summary', scope: 'workspace', tag: 'Reviews',
    summary: 'The facts of a week or a month, as a review would open with them, without starting one',
    description: 'Period: 2026-W47 or 2026-11, a date, "current" (the default) or "last". A period that has not started yet answers 400.',
    input: ReviewSummaryInputSchema.extend({ period: ReviewPeriodInputSchema.default('current') }), output: ReviewSummaryOut,
  }),
  startReview: endpoint({
    id: 'startReview', method: 'POST', path: '/reviews', scope: 'workspace', tag: 'Reviews',
    summary: 'Open your weekly or monthly review of a period (the current one by default), with its summary and questions',
    description: 'One review per person, kind and period: starting it again returns the same review (resumed: true), its summary refreshed while it is open and untouched once it is complete.',
    input: StartReviewSchema, output: ReviewDetailOut.extend({ resumed: z.boolean() }),
  }),
  listReviews: endpoint({
    id: 'listReviews', method: 'GET', path: '/reviews', scope: 'workspace', tag: 'Reviews', list: true,
    summary: 'Your reviews, most recently started first, with how far each got',
    input: z.object({ kind: ReviewKindSchema.optional() }), output: ReviewListItemOut,
  }),
  showReview: endpoint({
    id: 'showReview', method: 'GET', path: '/reviews/{reviewId}', scope: 'workspace', tag: 'Reviews',
    summary: 'One of your reviews with its summary, answers and decisions',
    description: 'Reviews are personal: another member\'s review answers 404. Find a review by its period with GET /refs/review?ref=2026-W47.',
    input: ReviewIdInput, output: ReviewDetailOut,
  }),
  answerReview: endpoint({
    id: 'answerReview', method: 'PATCH', path: '/reviews/{reviewId}/answers', scope: 'workspace', tag: 'Reviews',
    summary: "Write (or rewrite) answers to an open review's questions, by position (1 = first question)",
    description: 'A completed review answers 409: it is kept as written.',
    input: AnswerReviewSchema, output: ReviewDetailOut,
  }),
  addReviewDecision: endpoint({
    id: 'addReviewDecision', method: 'POST', path: '/reviews/{reviewId}/decisions', scope: 'workspace', tag: 'Reviews', status: 201,
    summary: 'Record what an open review decided to keep doing, change or drop',
    input: AddReviewDecisionSchema, output: ReviewDecisionOut,
  }),
  completeReview: endpoint({
    id: 'completeReview', method: 'POST', path: '/reviews/{reviewId}/complete', scope: 'workspace', tag: 'Reviews',
    summary: 'Complete a review: its summary, answers and decisions are kept as they are from now on',
    description: 'Completing a completed review changes nothing.',
    input: ReviewIdInput, output: ReviewDetailOut,
  }),
  addReviewPrompt: endpoint({
    id: 'addReviewPrompt', method: 'POST', path: '/review-prompts', scope: 'workspace', tag: 'Reviews', status: 201,
    summary: "Add a question to the workspace's weekly or monthly reviews, asked after the built-in ones",
    description: 'Tied to a goal, it is asked only while that goal is active. Reviews already started keep their questions.',
    input: AddReviewPromptSchema, output: ReviewPromptOut,
  }),
  listReviewPrompts: endpoint({
    id: 'listReviewPrompts', method: 'GET', path: '/review-prompts', scope: 'workspace', tag: 'Reviews', list: true,
    summary: "The workspace's own review questions, weekly then monthly, in the order they are asked",
    input: z.object({ kind: ReviewKindSchema.optional() }), output: ReviewPromptOut,
  }),

  // Lessons
  addLesson: endpoint({
    id: 'addLesson', method: 'POST', path: '/lessons', scope: 'workspace', tag: 'Lessons', status: 201,
    summary: 'Log a lesson, from a win or a failure alike, with tags and links to what taught it',
    description: 'Tags are lower-cased and deduplicated; each link must exist in the workspace (resolve "goal:grow" style references with GET /lesson-link-targets).',
    input: AddLessonSchema, output: LessonOut,
  }),
  listLessons: endpoint({
    id: 'listLessons', method: 'GET', path: '/lessons', scope: 'workspace', tag: 'Lessons', list: true,
    summary: 'Lessons, newest first, optionally only those with a tag or an origin',
    input: ListLessonsSchema.omit({ limit: true }), output: LessonOut,
  }),
  searchLessons: endpoint({
    id: 'searchLessons', method: 'GET', path: '/lessons/search', scope: 'workspace', tag: 'Lessons',
    summary: 'Full-text search over titles, bodies and tags, best match first',
    description: 'Every word must appear; the last may be the start of a word. Any text is a valid query; one without words finds nothing.',
    input: SearchLessonsSchema, output: z.array(LessonHitOut),
  }),
  showLesson: endpoint({
    id: 'showLesson', method: 'GET', path: '/lessons/{lessonId}', scope: 'workspace', tag: 'Lessons',
    summary: 'A lesson with its story, tags and links',
    input: LessonIdInput, output: LessonOut,
  }),
  updateLesson: endpoint({
    id: 'updateLesson', method: 'PATCH', path: '/lessons/{lessonId}', scope: 'workspace', tag: 'Lessons',
    summary: 'Change a lesson; given tags or links replace the old ones',
    input: UpdateLessonSchema, output: LessonOut,
  }),
  deleteLesson: endpoint({
    id: 'deleteLesson', method: 'DELETE', path: '/lessons/{lessonId}', scope: 'workspace', tag: 'Lessons',
    summary: 'Delete a lesson with its tags, links and search entry; answers with what was deleted',
    input: LessonIdInput, output: LessonOut,
  }),
  resolveLessonLink: endpoint({
    id: 'resolveLessonLink', method: 'GET', path: '/lesson-link-targets', scope: 'workspace', tag: 'Lessons',
    summary: 'The exact target a link written as type:ref means (goal:grow, experiment:4f2a, review:2026-W47, win:<id>)',
    description: 'Goals, experiments, tasks and micro-goals may be named; reviews by period; wins and feedback by id or id prefix.',
    input: z.object({ link: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters') }),
    output: LessonLinkOut,
  }),
};
