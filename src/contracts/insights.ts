import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';

/** Import a Loop Habit Tracker export: a CSV .zip, its unzipped folder, or a .db backup. */
export const ImportLoopSchema = z.object({
  path: z.string().trim().min(1, 'must name a Loop export: a .zip, its unzipped folder, or a .db backup'),
});
export type ImportLoopInput = z.input<typeof ImportLoopSchema>;

/** A routine's daily strength scores, optionally between two dates (both included). */
export const RoutineScoresSchema = z
  .object({
    routineId: IdSchema,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from must not be after to', path: ['from'] });
export type RoutineScoresInput = z.input<typeof RoutineScoresSchema>;

export const RoutineStreaksSchema = z.object({ routineId: IdSchema });
export type RoutineStreaksInput = z.input<typeof RoutineStreaksSchema>;
