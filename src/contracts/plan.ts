import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoWeekSchema, TextSchema, TitleSchema } from './common.js';

/** The one message for a task length outside 15–60 minutes, whatever the transport. */
export const TASK_MINUTES_MESSAGE = 'A task is 15–60 minutes; split longer work into several tasks.';

/** A planned task length: whole minutes, 15 to 60. */
export const TaskMinutesSchema = z
  .number('must be a number of minutes, e.g. 30')
  .refine(Number.isInteger, { message: 'must be whole minutes, e.g. 30', abort: true })
  .refine((n) => n >= 15 && n <= 60, TASK_MINUTES_MESSAGE);

/** Time a task really took; anything from a minute to a full day. */
export const ActualMinutesSchema = z
  .number('must be a number of minutes, e.g. 40')
  .refine(Number.isInteger, { message: 'must be whole minutes, e.g. 40', abort: true })
  .refine((n) => n >= 1 && n <= 1440, 'must be between 1 and 1440 minutes');

const OptionalRef = IdSchema.nullable().optional();

/** Whether an ISO year has a week 53: it does when it starts on a Thursday, or on a Wednesday in a leap year. */
function hasWeek(value: string): boolean {
  const year = Number(value.slice(0, 4));
  if (Number(value.slice(6)) < 53) return true;
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3);
}

/** An ISO week that exists ("2025-W53" does not). */
export const WeekSchema = IsoWeekSchema.refine(hasWeek, 'that year has only 52 ISO weeks');

// ── micro-goals and week plans ──────────────────────────────────────────────

export const AddMicroGoalSchema = z.object({
  goalId: IdSchema,
  title: TitleSchema,
  week: WeekSchema.optional(),
});
export type AddMicroGoalInput = z.input<typeof AddMicroGoalSchema>;

export const CompleteMicroGoalSchema = z.object({
  microGoalId: IdSchema,
  result: TextSchema.optional(),
});
export type CompleteMicroGoalInput = z.input<typeof CompleteMicroGoalSchema>;

export const DropMicroGoalSchema = z.object({
  microGoalId: IdSchema,
  reason: TextSchema.optional(),
});
export type DropMicroGoalInput = z.input<typeof DropMicroGoalSchema>;

export const ListWeekSchema = z.object({ week: WeekSchema.optional() });
export type ListWeekInput = z.input<typeof ListWeekSchema>;

export const PlanWeekSchema = z.object({
  week: WeekSchema.optional(),
  plan: TextSchema.optional(),
  microGoals: z.array(z.object({ goalId: IdSchema, title: TitleSchema })).max(50, 'must be at most 50 per call').default([]),
});
export type PlanWeekInput = z.input<typeof PlanWeekSchema>;

export const SetWeekResultSchema = z.object({ week: WeekSchema, result: TextSchema });
export type SetWeekResultInput = z.input<typeof SetWeekResultSchema>;

// ── tasks ───────────────────────────────────────────────────────────────────

export const AddTaskSchema = z.object({
  title: TitleSchema,
  minutes: TaskMinutesSchema,
  day: IsoDateSchema.optional(),
  microGoalId: OptionalRef,
  goalId: OptionalRef,
  note: TextSchema.default(''),
});
export type AddTaskInput = z.input<typeof AddTaskSchema>;

export const UpdateTaskSchema = z.object({
  taskId: IdSchema,
  title: TitleSchema.optional(),
  minutes: TaskMinutesSchema.optional(),
  day: IsoDateSchema.optional(),
  note: TextSchema.optional(),
  microGoalId: OptionalRef,
  goalId: OptionalRef,
});
export type UpdateTaskInput = z.input<typeof UpdateTaskSchema>;

export const CompleteTaskSchema = z.object({ taskId: IdSchema, actualMinutes: ActualMinutesSchema.optional() });
export type CompleteTaskInput = z.input<typeof CompleteTaskSchema>;

export const TaskRefSchema = z.object({ taskId: IdSchema });
export type TaskRefInput = z.input<typeof TaskRefSchema>;

export const CarryOverTaskSchema = z.object({ taskId: IdSchema, toDay: IsoDateSchema.optional() });
export type CarryOverTaskInput = z.input<typeof CarryOverTaskSchema>;

/** Tasks of one day (default today) or of a range of at most a year. */
export const ListTasksSchema = z
  .object({ day: IsoDateSchema.optional(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((v) => !(v.day && (v.from || v.to)), { message: 'give either a day or a from/to range, not both', path: ['day'] })
  .refine((v) => Boolean(v.from) === Boolean(v.to), { message: 'a range needs both from and to', path: ['from'] })
  .refine((v) => !(v.from && v.to && v.from > v.to), { message: 'must not be after to', path: ['from'] });
export type ListTasksInput = z.input<typeof ListTasksSchema>;

// ── wins ────────────────────────────────────────────────────────────────────

export const WinVisibilitySchema = z.enum(['private', 'shared']);

export const LogWinSchema = z.object({
  title: TitleSchema,
  note: TextSchema.default(''),
  visibility: WinVisibilitySchema.default('private'),
  day: IsoDateSchema.optional(),
});
export type LogWinInput = z.input<typeof LogWinSchema>;

export const CreateAutoWinSchema = z.object({
  source: z.enum(['task', 'micro_goal', 'milestone']),
  sourceId: IdSchema,
  title: TitleSchema,
  note: TextSchema.default(''),
});
export type CreateAutoWinInput = z.input<typeof CreateAutoWinSchema>;

export const ListWinsSchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((v) => !(v.from && v.to && v.from > v.to), { message: 'must not be after to', path: ['from'] });
export type ListWinsInput = z.input<typeof ListWinsSchema>;
