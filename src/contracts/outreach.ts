import { z } from 'zod';
import { LocalTimeSchema } from './common.js';

/* Email reports and reminders (PRODUCT parts 8 and 14, the Email interface). */

export const EmailKindSchema = z.enum(['report', 'review_reminder', 'routine_reminder', 'pulse_prompt', 'test']);
export const EmailStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed']);

export const UpdateEmailPreferencesSchema = z.object({
  address: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('must be an email address such as you@example.org'))
    .nullable()
    .optional()
    .describe('Where emails go instead of your account address; null to use the account address'),
  report: z.boolean('must be true or false').optional().describe('The weekly progress report'),
  reviewReminders: z.boolean('must be true or false').optional().describe('Reminders of the weekly and monthly review'),
  routineReminders: z.boolean('must be true or false').optional().describe('Reminders at the reminder time of your routines'),
  pulsePrompts: z.boolean('must be true or false').optional().describe("An email when a round of a workspace's pulse schedule opens"),
  reportWeekday: z
    .number('must be a number from 1 (Monday) to 7 (Sunday)')
    .int('must be a whole number from 1 (Monday) to 7 (Sunday)')
    .min(1, 'must be from 1 (Monday) to 7 (Sunday)')
    .max(7, 'must be from 1 (Monday) to 7 (Sunday)')
    .optional()
    .describe('The day of the weekly report, 1 = Monday … 7 = Sunday'),
  reportTime: LocalTimeSchema.optional().describe('The local time of the weekly report, HH:MM'),
});
export type UpdateEmailPreferencesInput = z.input<typeof UpdateEmailPreferencesSchema>;

export const ListEmailsSchema = z.object({
  status: EmailStatusSchema.optional().describe('Only emails with this status'),
});
export type ListEmailsInput = z.input<typeof ListEmailsSchema>;
