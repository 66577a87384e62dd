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

/** Standard base64 (RFC 4648), as JSON carries file contents. */
export const Base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64-encoded (RFC 4648)').refine((s) => s.length % 4 === 0, 'must be base64-encoded (RFC 4648): its length is not a multiple of 4');

/**
 * A Loop Habit Tracker export sent as content rather than a path: one file (the CSV .zip or a
 * .db backup) in `content`, or the files of an unzipped CSV export in `files`, by their path
 * relative to the folder ("Habits.csv", "001 Run/Checkmarks.csv", …).
 */
export const ImportLoopUploadSchema = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(255, 'must be at most 255 characters')
      .describe('The name of the file or folder, as people know it; used in messages'),
    content: Base64Schema.optional().describe('The file, base64-encoded: a .zip CSV export or a .db backup'),
    files: z
      .array(z.object({ path: z.string().min(1, 'must not be empty').max(1000, 'must be at most 1,000 characters'), content: Base64Schema }))
      .max(10_000, 'must hold at most 10,000 files')
      .optional()
      .describe('The files of an unzipped CSV export, each with its path relative to the folder'),
  })
  .refine((v) => (v.content === undefined) !== (v.files === undefined), { message: 'give either content (one file) or files (a folder), not both', path: ['content'] });
export type ImportLoopUploadInput = z.input<typeof ImportLoopUploadSchema>;
