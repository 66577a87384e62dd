import { z } from 'zod';
import { IdSchema } from './common.js';
import { WeekSchema } from './plan.js';

/** Whose week a report tells: the person's own (`me`), or the whole workspace's (`team`). */
export const ReportScopeSchema = z.enum(['me', 'team']);
export type ReportScope = z.infer<typeof ReportScopeSchema>;

/** Which week (default: the current one) and whose. */
export const WeeklyReportSchema = z.object({
  week: WeekSchema.optional(),
  scope: ReportScopeSchema.default('me'),
});
export type WeeklyReportInput = z.input<typeof WeeklyReportSchema>;

/** A new secret link: never expires unless a number of days is given. */
export const CreateReportLinkSchema = z.object({
  expiresInDays: z.number().int('must be a whole number of days').min(1, 'must be from 1 to 3650 days').max(3650, 'must be from 1 to 3650 days').optional(),
});
export type CreateReportLinkInput = z.input<typeof CreateReportLinkSchema>;

export const ShareIdSchema = z.object({ shareId: IdSchema });
export const FeedIdSchema = z.object({ feedId: IdSchema });
