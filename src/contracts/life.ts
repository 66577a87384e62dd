import { z } from 'zod';
import { FiniteNumber, IdSchema, IsoDateSchema, IsoWeekSchema, LocalTimeSchema, TextSchema, TitleSchema } from './common.js';
import { ScheduleSchema } from './systems.js';

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

export const PlaybookKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be 2–40 lowercase letters, digits or dashes, e.g. my-launch');

const PromptTextSchema = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const UnitSchema = z.string().trim().max(40, 'must be at most 40 characters').default('');
const DirectionSchema = z.enum(['up', 'down']).default('up');

const PlaybookRoutineSchema = z
  .object({
    name: TitleSchema,
    // The same schedule a routine takes, so a playbook that imports is one that applies.
    schedule: ScheduleSchema.default({ kind: 'daily' }),
    minimumVersion: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    target: z
      .object({ kind: z.enum(['at_least', 'at_most']), value: FiniteNumber.positive('must be more than 0'), unit: UnitSchema })
      .nullable()
      .default(null),
  })
  .refine((r) => r.schedule.kind !== 'times' || r.schedule.times <= r.schedule.periodDays, {
    message: 'times per period cannot exceed the days in the period',
    path: ['schedule', 'times'],
  });

export const PlaybookBodySchema = z
  .object({
    goal: z.object({ title: TitleSchema, purpose: TextSchema.default(''), leveragePoint: TextSchema.default('') }),
    primaryMetric: z.object({
      name: TitleSchema,
      unit: UnitSchema,
      direction: DirectionSchema,
      baseline: FiniteNumber.nullable().default(null),
      target: FiniteNumber.nullable().default(null),
      /** Days from the day the playbook is applied to the target date. */
      targetInDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 10 years').nullable().default(null),
    }),
    supportingMetrics: z
      .array(
        z.object({
          name: TitleSchema,
          unit: UnitSchema,
          direction: DirectionSchema,
          indicator: z.enum(['leading', 'lagging']),
          baseline: FiniteNumber.nullable().default(null),
          target: FiniteNumber.nullable().default(null),
        }),
      )
      .max(10, 'at most 10 supporting metrics')
      .default([]),
    microGoals: z.array(TitleSchema).max(12, 'at most 12 micro-goals for the first week').default([]),
    routines: z.array(PlaybookRoutineSchema).max(10, 'at most 10 routines').default([]),
    reviewPrompts: z
      .array(z.object({ kind: z.enum(['weekly', 'monthly']).default('weekly'), text: PromptTextSchema }))
      .max(10, 'at most 10 review prompts')
      .default([]),
  })
  .superRefine((body, ctx) => {
    const metricNames = [body.primaryMetric.name, ...body.supportingMetrics.map((m) => m.name)].map((n) => n.toLowerCase());
    if (new Set(metricNames).size !== metricNames.length) {
      ctx.addIssue({ code: 'custom', path: ['supportingMetrics'], message: 'metric names must differ from each other' });
    }
    const routineNames = body.routines.map((r) => r.name.toLowerCase());
    if (new Set(routineNames).size !== routineNames.length) {
      ctx.addIssue({ code: 'custom', path: ['routines'], message: 'routine names must differ from each other' });
    }
  });
export type PlaybookBodyInput = z.input<typeof PlaybookBodySchema>;
export type PlaybookBody = z.output<typeof PlaybookBodySchema>;

/** A whole playbook as shown, exported and imported. */
export const PlaybookFileSchema = z.object({
  key: PlaybookKeySchema,
  name: TitleSchema,
  description: z.string().trim().max(2000, 'must be at most 2,000 characters').default(''),
  body: PlaybookBodySchema,
});
export type PlaybookFileInput = z.input<typeof PlaybookFileSchema>;

export const ApplyPlaybookSchema = z.object({
  key: z.string().trim().toLowerCase().min(1, 'say which playbook: smallwins playbook list shows the keys'),
  goalTitle: TitleSchema.optional(),
  targetDate: IsoDateSchema.optional(),
});
export type ApplyPlaybookInput = z.input<typeof ApplyPlaybookSchema>;

export const SavePlaybookSchema = z.object({
  key: PlaybookKeySchema,
  /** Defaults to the goal's title. */
  name: TitleSchema.optional(),
  description: z.string().trim().max(2000, 'must be at most 2,000 characters').default(''),
  fromGoalId: IdSchema,
});
export type SavePlaybookInput = z.input<typeof SavePlaybookSchema>;
