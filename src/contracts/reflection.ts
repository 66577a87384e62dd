import { z } from 'zod';
import { IdSchema, IsoDateSchema, TextSchema, TitleSchema } from './common.js';

/** Free text that must say something (an assumption, a result, feedback). */
const SaidSchema = TextSchema.trim().min(1, 'must not be empty');
/** Run an object-level rule only once every field is valid, so one mistake gives one message. */
const whenValid = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

const Count = z.number().int('must be a whole number').min(0, 'must not be negative').max(1_000_000, 'must be at most 1,000,000');

// ── Experiments ──────────────────────────────────────────────────────────────

export const ExperimentDecisionSchema = z.enum(['scale', 'iterate', 'stop'], { message: 'must be scale, iterate or stop' });
export const ExperimentStatusSchema = z.enum(['planned', 'running', 'done']);

const VariantNameSchema = TitleSchema.pipe(z.string().max(60, 'must be at most 60 characters'));

export const CreateExperimentSchema = z
  .object({
    title: TitleSchema,
    assumption: SaidSchema,
    hypothesis: SaidSchema,
    goalId: IdSchema.nullable().optional(),
    metricId: IdSchema.nullable().optional(),
    startDay: IsoDateSchema.optional(),
    endDay: IsoDateSchema,
    variants: z.array(VariantNameSchema).max(10, 'at most 10 variants').default([]),
  })
  .refine((e) => new Set(e.variants.map((v) => v.toLowerCase())).size === e.variants.length, {
    message: 'variant names must be unique (ignoring case)',
    path: ['variants'],
    ...whenValid,
  })
  .refine((e) => e.startDay === undefined || e.endDay >= e.startDay, {
    message: 'the end day must be on or after the start day',
    path: ['endDay'],
    ...whenValid,
  });
export type CreateExperimentInput = z.input<typeof CreateExperimentSchema>;

export const RecordVariantCountsSchema = z
  .object({
    experimentId: IdSchema,
    variant: z.string().trim().min(1, 'must name a variant'),
    trials: Count.default(0),
    successes: Count.default(0),
  })
  .refine((c) => c.trials + c.successes > 0, { message: 'add at least one trial or one success', path: ['trials'], ...whenValid });
export type RecordVariantCountsInput = z.input<typeof RecordVariantCountsSchema>;

export const ConcludeExperimentSchema = z.object({
  experimentId: IdSchema,
  result: SaidSchema,
  decision: ExperimentDecisionSchema,
});
export type ConcludeExperimentInput = z.input<typeof ConcludeExperimentSchema>;

export const ListExperimentsSchema = z.object({
  status: ExperimentStatusSchema.optional(),
  goalId: IdSchema.optional(),
});
export type ListExperimentsInput = z.input<typeof ListExperimentsSchema>;

// ── Feedback ─────────────────────────────────────────────────────────────────

export const FeedbackSourceSchema = z.enum(['customer', 'mentor', 'peer', 'other'], { message: 'must be customer, mentor, peer or other' });

export const AddFeedbackSchema = z.object({
  content: SaidSchema,
  source: FeedbackSourceSchema,
  contactId: IdSchema.nullable().optional(),
  goalId: IdSchema.nullable().optional(),
  experimentId: IdSchema.nullable().optional(),
  day: IsoDateSchema.optional(),
});
export type AddFeedbackInput = z.input<typeof AddFeedbackSchema>;

export const ListFeedbackSchema = z.object({
  source: FeedbackSourceSchema.optional(),
  contactId: IdSchema.optional(),
  goalId: IdSchema.optional(),
  experimentId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListFeedbackInput = z.input<typeof ListFeedbackSchema>;

// ── Reviews ──────────────────────────────────────────────────────────────────

export const ReviewKindSchema = z.enum(['weekly', 'monthly'], { message: 'must be weekly or monthly' });
export type ReviewKind = z.infer<typeof ReviewKindSchema>;

/** A review's period: "YYYY-Www" for weekly, "YYYY-MM" for monthly, or "current"/"last". */
export const ReviewPeriodInputSchema = z.string().trim().min(1, 'must not be empty');

export const StartReviewSchema = z.object({
  kind: ReviewKindSchema,
  period: ReviewPeriodInputSchema.optional(),
});
export type StartReviewInput = z.input<typeof StartReviewSchema>;

export const ReviewSummaryInputSchema = z.object({
  kind: ReviewKindSchema,
  period: ReviewPeriodInputSchema,
});
export type ReviewSummaryInput = z.input<typeof ReviewSummaryInputSchema>;

export const AnswerReviewSchema = z.object({
  reviewId: IdSchema,
  answers: z
    .array(z.object({ position: z.number().int().min(1, 'prompt positions start at 1'), answer: TextSchema.trim() }))
    .min(1, 'give at least one answer')
    .refine((a) => new Set(a.map((x) => x.position)).size === a.length, 'each prompt may be answered once per call'),
});
export type AnswerReviewInput = z.input<typeof AnswerReviewSchema>;

export const ReviewVerdictSchema = z.enum(['keep', 'change', 'drop'], { message: 'must be keep, change or drop' });

export const AddReviewDecisionSchema = z.object({
  reviewId: IdSchema,
  verdict: ReviewVerdictSchema,
  text: SaidSchema.pipe(z.string().max(1000, 'must be at most 1,000 characters')),
});
export type AddReviewDecisionInput = z.input<typeof AddReviewDecisionSchema>;

export const ListReviewsSchema = z.object({
  kind: ReviewKindSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListReviewsInput = z.input<typeof ListReviewsSchema>;

export const AddReviewPromptSchema = z.object({
  kind: ReviewKindSchema,
  text: TitleSchema.pipe(z.string().max(300, 'must be at most 300 characters')),
  goalId: IdSchema.nullable().optional(),
});
export type AddReviewPromptInput = z.input<typeof AddReviewPromptSchema>;

// ── Lessons ──────────────────────────────────────────────────────────────────

export const LessonOriginSchema = z.enum(['win', 'failure', 'experiment', 'review', 'other'], {
  message: 'must be win, failure, experiment, review or other',
});

/** A tag: one word (letters, digits, - and _), stored lower-case; a leading # is dropped. */
export const TagSchema = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#/, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'a tag must not be empty')
      .max(40, 'a tag must be at most 40 characters')
      .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, 'a tag is one word of letters, digits, - or _ (e.g. pricing, cold-email)'),
  );

const TagsSchema = z
  .array(TagSchema)
  .max(20, 'at most 20 tags')
  .transform((tags) => [...new Set(tags)]);

export const LinkTargetTypeSchema = z.enum(['goal', 'experiment', 'win', 'task', 'micro_goal', 'review', 'feedback'], {
  message: 'must be goal, experiment, win, task, micro_goal, review or feedback',
});
export type LinkTargetType = z.infer<typeof LinkTargetTypeSchema>;

export const LessonLinkSchema = z.object({ targetType: LinkTargetTypeSchema, targetId: IdSchema });

const LinksSchema = z
  .array(LessonLinkSchema)
  .max(20, 'at most 20 links')
  .transform((links) => [...new Map(links.map((l) => [`${l.targetType}:${l.targetId}`, l])).values()]);

export const AddLessonSchema = z.object({
  title: TitleSchema,
  body: TextSchema.default(''),
  origin: LessonOriginSchema.default('other'),
  tags: TagsSchema.default([]),
  links: LinksSchema.default([]),
  day: IsoDateSchema.optional(),
});
export type AddLessonInput = z.input<typeof AddLessonSchema>;

export const UpdateLessonSchema = z.object({
  lessonId: IdSchema,
  title: TitleSchema.optional(),
  body: TextSchema.optional(),
  origin: LessonOriginSchema.optional(),
  /** Replaces the lesson's tags when given. */
  tags: TagsSchema.optional(),
  /** Replaces the lesson's links when given. */
  links: LinksSchema.optional(),
  day: IsoDateSchema.optional(),
});
export type UpdateLessonInput = z.input<typeof UpdateLessonSchema>;

export const ListLessonsSchema = z.object({
  tag: TagSchema.optional(),
  origin: LessonOriginSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListLessonsInput = z.input<typeof ListLessonsSchema>;

export const SearchLessonsSchema = z.object({
  query: z.string().max(500, 'must be at most 500 characters'),
  limit: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
});
export type SearchLessonsInput = z.input<typeof SearchLessonsSchema>;
