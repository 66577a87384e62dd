import { z } from 'zod';
import { FiniteNumber, IdSchema, IsoDateSchema, TextSchema, TitleSchema } from './common.js';

export const GoalStatusSchema = z.enum(['active', 'paused', 'done', 'dropped']);

export const CreateGoalSchema = z.object({
  title: TitleSchema,
  purpose: TextSchema.default(''),
  leveragePoint: TextSchema.default(''),
  status: GoalStatusSchema.default('active'),
  targetDate: IsoDateSchema.nullable().optional(),
});
export type CreateGoalInput = z.input<typeof CreateGoalSchema>;

export const UpdateGoalSchema = z.object({
  goalId: IdSchema,
  title: TitleSchema.optional(),
  purpose: TextSchema.optional(),
  leveragePoint: TextSchema.optional(),
  status: GoalStatusSchema.optional(),
  targetDate: IsoDateSchema.nullable().optional(),
});
export type UpdateGoalInput = z.input<typeof UpdateGoalSchema>;

export const MetricDirectionSchema = z.enum(['up', 'down']);
export const IndicatorSchema = z.enum(['leading', 'lagging']);

export const AddMetricSchema = z.object({
  goalId: IdSchema,
  name: TitleSchema,
  unit: z.string().trim().max(40, 'must be at most 40 characters').default(''),
  direction: MetricDirectionSchema.default('up'),
  indicator: IndicatorSchema.default('lagging'),
  primary: z.boolean().default(false),
  baseline: FiniteNumber.nullable().optional(),
  target: FiniteNumber.nullable().optional(),
  targetDate: IsoDateSchema.nullable().optional(),
});
export type AddMetricInput = z.input<typeof AddMetricSchema>;

export const RecordMeasurementSchema = z.object({
  metricId: IdSchema,
  value: FiniteNumber,
  day: IsoDateSchema.optional(),
  note: TextSchema.default(''),
});
export type RecordMeasurementInput = z.input<typeof RecordMeasurementSchema>;
