import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { notify } from '../ui/notify.js';

export type Today = Output<typeof api.showToday>;
export type TodayTask = Today['tasks'][number];
export type TodayRoutine = Today['routines'][number];
export type Week = Output<typeof api.showWeek>;
export type Momentum = Output<typeof api.momentum>;

export function messageOf(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/**
 * The day as the server sees it, plus optimistic changes: `change` shows at once, the request
 * runs, and the day is read again; on failure the change is taken back and the reason shown.
 */
export function useToday() {
  const [today, setToday] = useState<Today | null>(null);
  const [week, setWeek] = useState<Week | null>(null);
  const [momentum, setMomentum] = useState<Momentum | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<Today | null>(null);
  current.current = today;

  const reload = useCallback(async (): Promise<void> => {
    try {
      const t = await call(api.showToday, {});
      setToday(t);
      setError(null);
      // Secondary panels: their failure leaves Today usable.
      call(api.showWeek, { week: t.week }).then(setWeek, () => setWeek(null));
      call(api.momentum, { days: 14 }).then(setMomentum, () => setMomentum(null));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const optimistic = useCallback(
    async (
      change: (t: Today) => Today,
      request: () => Promise<unknown>,
      failure: string,
    ): Promise<boolean> => {
      const before = current.current;
      if (before) setToday(change(before));
      try {
        await request();
        await reload();
        return true;
      } catch (e) {
        setToday(before);
        notify(`${failure}: ${messageOf(e)}`, 'error');
        void reload();
        return false;
      }
    },
    [reload],
  );

  return { today, week, momentum, error, reload, optimistic };
}

/** "Wednesday 18 November" for a calendar day, whatever the browser's time zone. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
