import { ApiError, type Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type ExperimentItem = Output<typeof api.listExperiments>;
export type ExperimentDetail = Output<typeof api.showExperiment>;
export type Stats = Output<typeof api.experimentStats>;
export type FeedbackItem = Output<typeof api.listFeedback>;
export type GoalItem = Output<typeof api.listGoals>;
export type Variant = ExperimentItem['variants'][number];

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

/** The error's message when none of its details belongs to one of the form's fields. */
export function generalMessage(error: ApiError | null, fields: string[]): string | null {
  if (!error) return null;
  const claimed = error.details.some((d) =>
    fields.some((f) => d.path === f || d.path.endsWith(`.${f}`)),
  );
  if (claimed) return null;
  const detail = error.details[0];
  return detail ? `${error.message} (${detail.path || 'input'}: ${detail.message})` : error.message;
}


const parse = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** "3 Mar 2025" for a calendar day, whatever the browser's time zone. */
export function shortDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parse(day));
}

/** The browser's calendar day, `offset` days from now (a default for date inputs). */
export function localDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const pct = (v: number, digits = 0): string => `${(v * 100).toFixed(digits)}%`;
export const signedPct = (v: number): string =>
  `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v * 100))}%`;
export const signed = (v: number, unit: string): string => {
  const n = Math.abs(v) >= 100 ? Math.round(Math.abs(v)) : Math.round(Math.abs(v) * 100) / 100;
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${n}${unit ? ` ${unit}` : ''}`;
};

export const DECISIONS = {
  scale: 'Scale it',
  iterate: 'Iterate',
  stop: 'Stop',
} as const;

export const SOURCES = ['customer', 'mentor', 'peer', 'other'] as const;
