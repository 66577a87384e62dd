import { useCallback, useEffect, useState } from 'react';
import { ApiError, call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import './life-helpers.css';

/* Small helpers shared by the Energy, People, Team and Settings views. */

export type Role = Output<typeof api.showWorkspace>['role'];

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

/** The message to show above a form when the API's details name none of its fields. */
export function generalError(error: ApiError | null, fields: string[]): string | null {
  if (!error) return null;
  return error.details.some((d) => fields.some((f) => d.path === f || d.path.endsWith(`.${f}`)))
    ? null
    : error.message;
}

/** The person's calendar day now, in their time zone, with their start-of-day hour. */
export function localToday(timeZone: string, dayStartHour = 0): string {
  const at = new Date(Date.now() - dayStartHour * 3_600_000);
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 1000; d = addDays(d, 1)) out.push(d);
  return out;
}

/** "Tue 3 Mar" for a calendar day, whatever the browser's time zone. */
export function shortDay(day: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** A date and time for an instant, in the browser's own zone. */
export function shortInstant(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The caller's role in the current workspace (null while it loads or when it cannot be read). */
export function useRole(): Role | null {
  const [role, setRole] = useState<Role | null>(null);
  useEffect(() => {
    call(api.showWorkspace, {}).then(
      (w) => setRole(w.role),
      () => setRole(null),
    );
  }, []);
  return role;
}

export const canWrite = (role: Role | null): boolean => role !== null && role !== 'viewer';
export const isAdmin = (role: Role | null): boolean => role === 'admin' || role === 'owner';

/** Load something once and on demand (`load` is read on the first render only); `data` stays while it reloads. */
export function useLoad<T>(load: () => Promise<T>): {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
  set: (next: T | null | ((t: T | null) => T | null)) => void;
} {
  const [data, set] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      set(await load());
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, set };
}

/** Save a text as a file the browser downloads. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
