import { ApiError } from '../api/client.js';

export function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

/** The message for a field or any of its items (`tags.2`), if the API gave one. */
export function fieldError(error: ApiError | null, name: string): string | undefined {
  return error?.details.find((d) => d.path === name || d.path.startsWith(`${name}.`))?.message;
}

/** The error's message when no field shows it. */
export function generalError(error: ApiError | null, fields: string[]): string | null {
  if (!error) return null;
  return error.details.some((d) => fields.some((f) => d.path === f || d.path.startsWith(`${f}.`)))
    ? null
    : error.message;
}

/** "Wed 18 Nov" for a calendar day. */
export { weekdayDay as shortDay } from '../ui/iso-week.js';
export { addWeeks } from '../ui/iso-week.js';

/** "2026-W47" → "week 47, 2026"; "2026-11" → "November 2026". */
export function periodLabel(period: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `week ${Number(week[2])}, ${week[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month)
    return new Intl.DateTimeFormat(undefined, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)));
  return period;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
