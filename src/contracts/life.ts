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

/** The questions a pulse schedule may ask besides custom ones (their wording is fixed). */
export const FixedPulseKindSchema = z.enum(['morale', 'delight', 'clarity'], {
  message: 'must be one of morale, delight, clarity (put your own questions in customQuestions)',
});
export const MAX_CUSTOM_PULSE_QUESTIONS = 5;
/** Rounds every week, every other week, or every four weeks. */
export const PULSE_CADENCES = [1, 2, 4] as const;

/**
 * A workspace's pulse schedule, replaced as a whole (PUT): omitted fields take their defaults,
 * except `startWeek`, which keeps the schedule's current anchor (this week for a new schedule).
 */
export const SetPulseScheduleSchema = z
  .object({
    enabled: z.boolean('must be true or false').default(true).describe('False pauses the schedule: no round opens, no email goes out'),
    kinds: z
      .array(FixedPulseKindSchema, 'must be a list such as ["morale", "clarity"]')
      .max(3, 'lists each of morale, delight, clarity at most once')
      .default(['morale', 'delight', 'clarity'])
      .describe('Which of morale, customer delight and clarity of vision each round asks'),
    customQuestions: z
      .array(QuestionSchema, 'must be a list of questions')
      .max(MAX_CUSTOM_PULSE_QUESTIONS, `holds at most ${MAX_CUSTOM_PULSE_QUESTIONS} custom questions: remove one before adding another`)
      .default([])
      .describe(`Up to ${MAX_CUSTOM_PULSE_QUESTIONS} questions of your own, answered 1–5`),
    weekday: z
      .number('must be a number from 1 (Monday) to 7 (Sunday)')
      .int('must be a whole number from 1 (Monday) to 7 (Sunday)')
      .min(1, 'must be from 1 (Monday) to 7 (Sunday)')
      .max(7, 'must be from 1 (Monday) to 7 (Sunday)')
      .default(1)
      .describe('The day a round opens, 1 = Monday … 7 = Sunday, on each member\'s own calendar'),
    time: LocalTimeSchema.default('10:00').describe("The local time a round opens and its email goes out, HH:MM, in each member's own time zone"),
    everyWeeks: z
      .number('must be 1, 2 or 4')
      .refine((n) => (PULSE_CADENCES as readonly number[]).includes(n), 'must be 1 (every week), 2 (every other week) or 4 (every four weeks)')
      .default(1)
      .describe('Weeks from one round to the next: 1, 2 or 4'),
    startWeek: IsoWeekSchema.optional().describe('The ISO week the cadence counts from (rounds fall in it and every everyWeeks weeks after); default: kept, or this week for a new schedule'),
  })
  .superRefine((s, ctx) => {
    if (new Set(s.kinds).size !== s.kinds.length) ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'lists the same question twice; name each of morale, delight, clarity once' });
    const seen = new Map<string, number>();
    s.customQuestions.forEach((q, i) => {
      const key = q.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['customQuestions', i], message: `"${q}" is already question ${(seen.get(key) ?? 0) + 1}; ask each question once` });
      else seen.set(key, i);
    });
    if (s.kinds.length + s.customQuestions.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'a pulse schedule asks at least one question: pick morale, delight or clarity, or add a custom question' });
    }
  });
export type SetPulseScheduleInput = z.input<typeof SetPulseScheduleSchema>;

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
