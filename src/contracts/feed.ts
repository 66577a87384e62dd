import { z } from 'zod';
import { IdSchema, TextSchema, TitleSchema } from './common.js';

export const FEED_PAGE_SIZE = 20;
export const MAX_FEED_PAGE_SIZE = 100;
export const COMMENT_MAX = 500;

/** A page of the team feed: newest first, continuing before the `before` cursor of the previous page. */
export const ListFeedSchema = z.object({
  before: z.string().max(200, 'is not a cursor this API gave out').optional(),
  limit: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_FEED_PAGE_SIZE, `must be at most ${MAX_FEED_PAGE_SIZE}`)
    .default(FEED_PAGE_SIZE),
});
export type ListFeedInput = z.input<typeof ListFeedSchema>;

export const WinIdSchema = z.object({ winId: IdSchema });
export type WinIdInput = z.input<typeof WinIdSchema>;

export const AddCommentSchema = z.object({
  winId: IdSchema,
  body: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`),
});
export type AddCommentInput = z.input<typeof AddCommentSchema>;

export const CommentIdSchema = z.object({ commentId: IdSchema });
export type CommentIdInput = z.input<typeof CommentIdSchema>;

const DecisionText = TextSchema;

export const CreateDecisionSchema = z.object({
  title: TitleSchema,
  context: DecisionText.default(''),
  decision: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10,000 characters'),
  reasoning: DecisionText.default(''),
  goalId: IdSchema.nullable().default(null),
});
export type CreateDecisionInput = z.input<typeof CreateDecisionSchema>;

export const UpdateDecisionSchema = z.object({
  decisionId: IdSchema,
  title: TitleSchema.optional(),
  context: DecisionText.optional(),
  decision: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10,000 characters').optional(),
  reasoning: DecisionText.optional(),
  goalId: IdSchema.nullable().optional(),
});
export type UpdateDecisionInput = z.input<typeof UpdateDecisionSchema>;

export const DecisionIdSchema = z.object({ decisionId: IdSchema });
export type DecisionIdInput = z.input<typeof DecisionIdSchema>;

export const ListDecisionsSchema = z.object({ goalId: IdSchema.optional() });
export type ListDecisionsInput = z.input<typeof ListDecisionsSchema>;
