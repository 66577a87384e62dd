import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { notify } from '../ui/notify.js';
import { asApiError, messageOf, type GoalDetail, type Measurement, type Road } from './format.js';

export interface GoalData {
  detail: GoalDetail;
  /** Null while the goal has no primary metric (the API answers 409). */
  road: Road | null;
  measurements: Record<string, Measurement[]>;
  today: Output<typeof api.getCurrentDay>;
}

/** One goal with its road, every metric's measurements, and an optimistic measurement recorder. */
export function useGoal(goalId: string) {
  const [data, setData] = useState<GoalData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const current = useRef<GoalData | null>(null);
  current.current = data;

  const reload = useCallback(async (): Promise<void> => {
    try {
      const [detail, today] = await Promise.all([
        call(api.showGoal, { goalId }),
        call(api.getCurrentDay, {}),
      ]);
      const hasPrimary = detail.metrics.some((m) => m.primary);
      const [road, lists] = await Promise.all([
        hasPrimary ? call(api.goalRoad, { goalId }) : Promise.resolve(null),
        Promise.all(detail.metrics.map((m) => callAll(api.listMeasurements, { metricId: m.id }))),
      ]);
      const measurements: Record<string, Measurement[]> = {};
      detail.metrics.forEach((m, i) => (measurements[m.id] = lists[i] ?? []));
      setData({ detail, road, measurements, today });
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(asApiError(e));
    }
  }, [goalId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** Shows the value at once; resolves to the API's error (the value taken back) or null. */
  const record = useCallback(
    async (input: { metricId: string; value: number; day: string; note: string }) => {
      const before = current.current;
      if (before) {
        const pending: Measurement = {
          id: `pending-${Date.now()}`,
          metricId: input.metricId,
          day: input.day,
          value: input.value,
          note: input.note,
          createdAt: new Date().toISOString(),
        };
        const list = [...(before.measurements[input.metricId] ?? []), pending].sort((a, b) =>
          a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
        );
        setData({
          ...before,
          measurements: { ...before.measurements, [input.metricId]: list },
          detail: {
            ...before.detail,
            metrics: before.detail.metrics.map((m) =>
              m.id === input.metricId && (!m.latest || m.latest.day <= input.day)
                ? { ...m, latest: pending }
                : m,
            ),
          },
        });
      }
      try {
        const saved = await call(api.recordMeasurement, {
          metricId: input.metricId,
          value: input.value,
          day: input.day,
          note: input.note,
        });
        await reload();
        return { error: null, milestones: saved.milestones ?? [] };
      } catch (e) {
        setData(before);
        notify(`Could not record the value: ${messageOf(e)}`, 'error');
        return { error: asApiError(e), milestones: [] };
      }
    },
    [reload],
  );

  return { data, error, reload, record };
}
