import { z } from 'zod';
import { FiniteNumber, IdSchema, IsoDateSchema, IsoWeekSchema, LocalTimeSchema, TextSchema, TitleSchema } from './common.js';

/* Energy, focus windows, contacts and conversations, pulses and settings (PRODUCT parts 11–13). */

const Level = (what: string) =>
  z.number().int(`${what} must be a whole number from 1 to 5`).min(1, `${what} must be from 1 to 5`).max(5, `${what} must be from 1 to 5`);

export const LogEnergySchema = z.object({
  energy: Level('energy'),
  sleepHours: FiniteNumber.min(0, 'must be 0 or more hours').max(24, 'must be at most 24 hours').nullable().optional(),
  note: TextSchema.optional(),
  day: IsoDateSchema.optional(),
});
export type LogEnergyInput = z.input<typeof LogEnergySchema>;

export const AddFocusWindowSchema = z.object({
  day: IsoDateSchema.optional(),
  start: LocalTimeSchema,
  minutes: z.number().int('must be a whole number of minutes').min(15, 'a focus window is 15–240 minutes').max(240, 'a focus window is 15–240 minutes'),
  label: z.string().trim().max(200, 'must be at most 200 characters').default(''),
});
export type AddFocusWindowInput = z.input<typeof AddFocusWindowSchema>;

export const ContactKindSchema = z.enum(['mentor', 'collaborator', 'customer', 'peer', 'other'], {
  message: 'must be one of mentor, collaborator, customer, peer, other',
});
const EmailSchema = z.union([z.literal(''), z.email('must be an email address such as ana@example.com')]);

export const AddContactSchema = z.object({
  name: TitleSchema,
  kind: ContactKindSchema,
  email: EmailSchema.default(''),
  note: TextSchema.default(''),
});
export type AddContactInput = z.input<typeof AddContactSchema>;

export const UpdateContactSchema = z.object({
  contactId: IdSchema,
  name: TitleSchema.optional(),
  kind: ContactKindSchema.optional(),
  email: EmailSchema.optional(),
  note: TextSchema.optional(),
});
export type UpdateContactInput = z.input<typeof UpdateContactSchema>;

export const LogConversationSchema = z.object({
  contactId: IdSchema,
  day: IsoDateSchema.optional(),
  note: TextSchema.default(''),
});
export type LogConversationInput = z.input<typeof LogConversationSchema>;

export const PulseKindSchema = z.enum(['morale', 'delight', 'clarity', 'custom'], {
  message: 'must be one of morale, delight, clarity, custom',
});
const QuestionSchema = TitleSchema;

export const RecordPulseSchema = z
  .object({
    kind: PulseKindSchema,
    value: Level('a pulse'),
    question: z.string().optional(),
    note: TextSchema.default(''),
    day: IsoDateSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const hasQuestion = p.question !== undefined && p.question.trim() !== '';
    if (p.kind === 'custom' && !hasQuestion) {
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'a custom pulse needs its question, e.g. "Do we know who our customer is?"' });
    } else if (p.kind !== 'custom' && hasQuestion) {
      ctx.addIssue({ code: 'custom', path: ['question'], message: `a ${p.kind} pulse has a fixed question; use the custom kind to ask your own` });
    } else if (hasQuestion) {
      const q = QuestionSchema.safeParse(p.question);
      if (!q.success) ctx.addIssue({ code: 'custom', path: ['question'], message: q.error.issues[0]?.message ?? 'is not a valid question' });
    }
  })
  .transform((p) => ({ ...p, question: p.kind === 'custom' ? (p.question ?? '').trim() : '' }));
export type RecordPulseInput = z.input<typeof RecordPulseSchema>;

export const PulseTrendSchema = z
  .object({
    kind: PulseKindSchema,
    question: z.string().trim().optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    bucket: z.literal('week').default('week'),
  })
  .refine((t) => t.kind !== 'custom' || Boolean(t.question), { message: 'say which custom question to chart', path: ['question'] })
  .refine((t) => !t.from || !t.to || t.from <= t.to, { message: 'from must be on or before to', path: ['to'] });
export type PulseTrendInput = z.input<typeof PulseTrendSchema>;

export const ListPulsesSchema = z.object({
  kind: PulseKindSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type ListPulsesInput = z.input<typeof ListPulsesSchema>;

export const ConversationStatusSchema = z.object({ week: IsoWeekSchema.optional() });
export type ConversationStatusInput = z.input<typeof ConversationStatusSchema>;

export const UpdateSettingsSchema = z.object({
  name: TitleSchema.optional(),
  timeZone: z.string().trim().min(1, 'must not be empty').optional(),
  dayStartHour: z.number().int('must be a whole hour').min(0, 'must be an hour from 0 to 23').max(23, 'must be an hour from 0 to 23').optional(),
  focusLimit: z.number().int('must be a whole number').min(1, 'must be from 1 to 10').max(10, 'must be from 1 to 10').optional(),
  conversationTarget: z.number().int('must be a whole number').min(0, 'must be from 0 to 50').max(50, 'must be from 0 to 50').optional(),
});
export type UpdateSettingsInput = z.input<typeof UpdateSettingsSchema>;

/* Playbooks (PRODUCT part 16): a body is what applying a playbook creates. */
