import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** A calendar date of the user's calendar, "YYYY-MM-DD". */
export const IsoDateSchema = z
  .string()
  .regex(ISO_DATE, { message: 'must be a date in the form YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'must be a real calendar date');

/** Optional first and last days, both included; the last may not come before the first. */
export const DayRangeSchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ['to'], message: 'must be on or after "from"' });
export type DayRangeInput = z.input<typeof DayRangeSchema>;

/** An ISO week, "YYYY-Www". */
export const IsoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week in the form YYYY-Www, e.g. 2026-W09');

export const IdSchema = z.string().trim().min(1, 'must not be empty').max(64, 'is too long');

/** A short single-line name or title. */
export const TitleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/** Free text: a purpose, a note, a body. */
export const TextSchema = z.string().max(10_000, 'must be at most 10,000 characters');

/** A 24-hour local time "HH:MM". */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time HH:MM, e.g. 07:30');

export const FiniteNumber = z.number().refine(Number.isFinite, 'must be a finite number');
