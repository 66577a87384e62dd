import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { addDays, weekStart } from '../ui/iso-week.js';
import { notify } from '../ui/notify.js';

export type WeekData = Output<typeof api.showWeek>;
export type WeekGoal = WeekData['goals'][number];
export type WeekMicroGoal = WeekGoal['microGoals'][number];
export type WeekTask = Output<typeof api.listTasks>;
export type CurrentDay = Output<typeof api.getCurrentDay>;

export interface Loaded {
  week: WeekData;
  tasks: WeekTask[];
}

/* Mirrors src/core/plan/week-budget.ts (the web may not import core): used only to warn while
   planning, before the server gives its own warnings for the saved week. */
export const MICRO_GOALS_PER_GOAL_LIMIT = 3;
export const WEEKLY_TASK_MINUTES_BUDGET = 600;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

/**
 * One ISO week as the server sees it (the current week when `requested` is null), its tasks, and
 * optimistic changes: `change` shows at once, the request runs, and the week is read again; on
 * failure the change is taken back, the reason shown, and the error returned (null on success).
 */
export function useWeek(requested: string | null) {
  const [now, setNow] = useState<CurrentDay | null>(null);
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const week = requested ?? now?.week ?? null;
  const shown = useRef<string | null>(null);
  shown.current = week;
  const current = useRef<Loaded | null>(null);
  current.current = data;

  const loadNow = useCallback(async (): Promise<void> => {
    try {
      setNow(await call(api.getCurrentDay, {}));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void loadNow();
  }, [loadNow]);

  const reload = useCallback(async (): Promise<void> => {
    if (!week) return;
    const start = weekStart(week);
    try {
      const [w, tasks] = await Promise.all([
        call(api.showWeek, { week }),
        callAll(api.listTasks, { from: start, to: addDays(start, 6) }),
      ]);
      if (shown.current !== week) return;
      setData({ week: w, tasks });
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      if (shown.current === week) setError(messageOf(e));
    }
  }, [week]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const optimistic = useCallback(
    async (
      change: (d: Loaded) => Loaded,
      request: () => Promise<unknown>,
      failure: string,
    ): Promise<ApiError | null> => {
      const before = current.current;
      if (before) setData(change(before));
      try {
        await request();
        await reload();
        return null;
      } catch (e) {
        setData(before);
        notify(`${failure}: ${messageOf(e)}`, 'error');
        void reload();
        return asApiError(e);
      }
    },
    [reload],
  );

  const retry = useCallback(async (): Promise<void> => {
    if (!now) await loadNow();
    await reload();
  }, [now, loadNow, reload]);

  const loaded = data && data.week.week === week ? data : null;
  return { now, week, data: loaded, error, reload, retry, optimistic };
}
