import { z } from 'zod';
import { DayRangeSchema, FiniteNumber, IdSchema, IsoDateSchema, LocalTimeSchema, TextSchema, TitleSchema } from './common.js';
import { TaskMinutesSchema } from './plan.js';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)')
  .max(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)');

/**
 * How often a routine is due: every day, N times per period of days, on given weekdays, or by an
 * RFC 5545 recurrence rule (checked further by the core, which owns the rrule parser).
 */
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily') }),
  z
    .object({
      kind: z.literal('times'),
      times: z.number().int('must be a whole number').min(1, 'must be at least 1'),
      periodDays: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(366, 'must be at most 366 days'),
    })
    .refine((s) => s.times <= s.periodDays, {
      path: ['times'],
      message: 'must be at most the number of days in the period (e.g. 3 times per 7 days)',
    }),
  z.object({
    kind: z.literal('weekdays'),
    weekdays: z
      .array(WeekdaySchema)
      .min(1, 'pick at least one weekday (1 = Monday … 7 = Sunday)')
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  }),
  z.object({
    kind: z.literal('rrule'),
    rrule: z.string().trim().min(1, 'must not be empty, e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR').max(500, 'must be at most 500 characters'),
  }),
]);
export type ScheduleInput = z.input<typeof ScheduleSchema>;

const PositiveNumber = FiniteNumber.refine((n) => n > 0, 'must be greater than 0');
const UnitSchema = z.string().trim().max(40, 'must be at most 40 characters');

/** A numeric routine's target: at least (run 5 km) or at most (2 coffees). */
export const TargetSchema = z.object({
  kind: z.enum(['at_least', 'at_most']),
  value: PositiveNumber,
  unit: UnitSchema.default(''),
});

const MinimumVersionSchema = z.string().trim().max(200, 'must be at most 200 characters');

export const CreateRoutineSchema = z.object({
  name: TitleSchema,
  goalId: IdSchema.nullable().optional(),
  schedule: ScheduleSchema.default({ kind: 'daily' }),
  target: TargetSchema.nullable().optional(),
  minimumVersion: MinimumVersionSchema.default(''),
  reminderTime: LocalTimeSchema.nullable().optional(),
  startDay: IsoDateSchema.optional(),
});
export type CreateRoutineInput = z.input<typeof CreateRoutineSchema>;

export const UpdateRoutineSchema = z.object({
  routineId: IdSchema,
  name: TitleSchema.optional(),
  goalId: IdSchema.nullable().optional(),
  schedule: ScheduleSchema.optional(),
  target: TargetSchema.nullable().optional(),
  minimumVersion: MinimumVersionSchema.optional(),
  reminderTime: LocalTimeSchema.nullable().optional(),
  startDay: IsoDateSchema.optional(),
});
export type UpdateRoutineInput = z.input<typeof UpdateRoutineSchema>;

export const ArchiveRoutineSchema = z.object({ routineId: IdSchema, restore: z.boolean().default(false) });
export type ArchiveRoutineInput = z.input<typeof ArchiveRoutineSchema>;

/** Just which routine: for resume, list pauses, show. */
export const RoutineRefSchema = z.object({ routineId: IdSchema });
export type RoutineRefInput = z.input<typeof RoutineRefSchema>;

export const PauseRoutineSchema = z
  .object({
    routineId: IdSchema,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.nullable().optional(),
    reason: TextSchema.default(''),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'must be on or after the first paused day' });
export type PauseRoutineInput = z.input<typeof PauseRoutineSchema>;

export const CheckInStatusSchema = z.enum(['done', 'minimum', 'skipped', 'missed']);

export const CheckInRoutineSchema = z.object({
  routineId: IdSchema,
  day: IsoDateSchema.optional(),
  status: CheckInStatusSchema.optional(),
  value: FiniteNumber.nullable().optional(),
  note: TextSchema.default(''),
});
export type CheckInRoutineInput = z.input<typeof CheckInRoutineSchema>;

export const UndoCheckInSchema = z.object({ routineId: IdSchema, day: IsoDateSchema.optional() });
export type UndoCheckInInput = z.input<typeof UndoCheckInSchema>;

export const RoutinesDueSchema = z.object({ day: IsoDateSchema.optional() });
export type RoutinesDueInput = z.input<typeof RoutinesDueSchema>;

export const ListCheckInsSchema = z.object({ routineId: IdSchema }).and(DayRangeSchema);
export type ListCheckInsInput = z.input<typeof ListCheckInsSchema>;

export const CreateChecklistSchema = z.object({
  name: TitleSchema,
  description: TextSchema.default(''),
  items: z.array(TitleSchema).min(1, 'a checklist needs at least one item').max(100, 'must have at most 100 items'),
});
export type CreateChecklistInput = z.input<typeof CreateChecklistSchema>;

export const StartChecklistRunSchema = z.object({
  checklistId: IdSchema,
  label: z.string().trim().max(200, 'must be at most 200 characters').default(''),
});
export type StartChecklistRunInput = z.input<typeof StartChecklistRunSchema>;

export const CheckChecklistItemSchema = z
  .object({
    runId: IdSchema,
    itemId: IdSchema.optional(),
    position: z.number().int('must be a whole number').min(1, 'items are numbered from 1').optional(),
  })
  .refine((x) => (x.itemId === undefined) !== (x.position === undefined), {
    message: 'say which item: give either its id or its number (1, 2, 3…), not both',
  });
export type CheckChecklistItemInput = z.input<typeof CheckChecklistItemSchema>;

export const CompleteChecklistRunSchema = z.object({ runId: IdSchema, force: z.boolean().default(false) });
export type CompleteChecklistRunInput = z.input<typeof CompleteChecklistRunSchema>;

export const TemplateStepSchema = z.object({
  title: TitleSchema,
  // Steps become tasks, so they follow the same 15–60 minute rule.
  minutes: TaskMinutesSchema,
  dayOffset: z.number().int('must be a whole number of days').min(0, 'must be 0 or more days after the start').max(365, 'must be at most 365 days').default(0),
});

export const CreateTemplateSchema = z.object({
  name: TitleSchema,
  description: TextSchema.default(''),
  steps: z.array(TemplateStepSchema).min(1, 'a template needs at least one step').max(100, 'must have at most 100 steps'),
});
export type CreateTemplateInput = z.input<typeof CreateTemplateSchema>;

export const ApplyTemplateSchema = z.object({
  templateId: IdSchema,
  startDay: IsoDateSchema.optional(),
  microGoalId: IdSchema.nullable().optional(),
  goalId: IdSchema.nullable().optional(),
});
export type ApplyTemplateInput = z.input<typeof ApplyTemplateSchema>;
